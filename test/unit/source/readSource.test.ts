import { describe, expect, it } from 'vitest';
import { BriefbookError, formatProblem } from '../../../shared/errors';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { BASE_FILES, writeSourcePack } from '../../fixtures/sourcePack';

function problemsOf(dir: string): string[] {
  try {
    readSourceFolder(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(BriefbookError);
    return (err as BriefbookError).problems.map(formatProblem);
  }
  throw new Error('expected the folder to be refused');
}

describe('reading a pack source folder', () => {
  it('loads a valid folder with every kind of item and its photo', () => {
    const pack = readSourceFolder(writeSourcePack());
    expect(pack.meta.id).toBe('test-summit');
    expect(pack.items.map((i) => `${i.kind}/${i.id}`).sort()).toEqual([
      'meeting/bilateral-japan',
      'note/context',
      'official/tanaka-hiroshi',
      'official/yoon-seo-yeon',
      'talking-point/cable-security',
    ]);
    const tanaka = pack.items.find((i) => i.id === 'tanaka-hiroshi')!;
    expect(tanaka.kind === 'official' && tanaka.data.nativeName).toBe('田中 浩');
    expect(tanaka.body).toContain('Minister **Tanaka**');
    expect(pack.photos.get('photos/tanaka.png')).toMatchObject({ mime: 'image/png', width: 8, height: 10 });
  });

  it('names a dangling reference with file, line, field and the id it probably meant', () => {
    const meeting = String(BASE_FILES['meetings/bilateral-japan.md']).replace(
      'participants: [tanaka-hiroshi, yoon-seo-yeon]',
      'participants:\n  - tanaka-hiroshi\n  - tanaka-hirosi',
    );
    expect(problemsOf(writeSourcePack({ 'meetings/bilateral-japan.md': meeting }))).toEqual([
      'meetings/bilateral-japan.md:8: participants[1]: no official with id "tanaka-hirosi" (did you mean "tanaka-hiroshi"?)',
    ]);
  });

  it('reports every problem of a broken folder in one run', () => {
    const problems = problemsOf(
      writeSourcePack({
        'pack.yaml': BASE_FILES['pack.yaml']!.toString().replace('Pacific/Honolulu', 'Pacific/Atlantis'),
        'officials/tanaka-hiroshi.md': String(BASE_FILES['officials/tanaka-hiroshi.md']).replace(
          'country: Japan\n',
          '',
        ),
        'notes/context.md': '---\ntitle: [unclosed\n---\nbody',
        'photos/tanaka.png': Buffer.from('this is not an image'),
        'talking-points/cable-security.md': String(BASE_FILES['talking-points/cable-security.md']).replace(
          'priority: high',
          'priority: urgent',
        ),
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^pack\.yaml:6: event\.timeZone: not a known IANA time zone/),
        expect.stringMatching(/^officials\/tanaka-hiroshi\.md:\d+: country: required field is missing/),
        expect.stringMatching(/^notes\/context\.md:2: YAML is not valid/),
        'talking-points/cable-security.md:3: priority: must be one of "high", "medium", "low"',
      ]),
    );
    // The official with a missing field is refused, so its photo is not inspected; a
    // valid official pointing at a fake photo is:
    const fakePhoto = problemsOf(writeSourcePack({ 'photos/tanaka.png': Buffer.from('GIF89a fake') }));
    expect(fakePhoto).toEqual([
      'officials/tanaka-hiroshi.md:8: photo: photos/tanaka.png: not a JPEG or PNG image (its bytes are something else; re-export it as JPEG or PNG)',
    ]);
  });

  it('refuses a missing photo, a meeting that ends before it starts, and unknown fields', () => {
    const meeting = String(BASE_FILES['meetings/bilateral-japan.md']).replace(
      'end: "2027-03-15T10:15"',
      'end: "2027-03-15T09:00"\nroom: 12',
    );
    const problems = problemsOf(writeSourcePack({ 'photos/tanaka.png': null, 'meetings/bilateral-japan.md': meeting }));
    expect(problems).toEqual(
      expect.arrayContaining([
        'officials/tanaka-hiroshi.md:8: photo: no file "photos/tanaka.png" in the pack folder',
        'meetings/bilateral-japan.md:5: unknown field "room" (check the spelling; see the pack format in README)',
      ]),
    );
    // The meeting's own problems are reported; the talking point that links to it is not blamed.
    expect(problems.filter((p) => p.startsWith('talking-points/'))).toEqual([]);
    const onlyEnd = problemsOf(
      writeSourcePack({
        'meetings/bilateral-japan.md': String(BASE_FILES['meetings/bilateral-japan.md']).replace('T10:15', 'T09:00'),
      }),
    );
    expect(onlyEnd).toEqual([expect.stringMatching(/^meetings\/bilateral-japan\.md:4: end: meeting ends before/)]);
  });

  it('refuses duplicate ids across kinds, bad file names, invalid UTF-8 and oversized files', () => {
    const problems = problemsOf(
      writeSourcePack({
        'notes/tanaka-hiroshi.md': '---\ntitle: Clash\n---\n',
        'notes/Bad Name.md': '---\ntitle: x\n---\n',
        'notes/latin1.md': Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]),
        'notes/huge.md': `---\ntitle: Huge\n---\n${'x'.repeat(300 * 1024)}`,
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'notes/tanaka-hiroshi.md: id "tanaka-hiroshi" is already used by officials/tanaka-hiroshi.md; ids must be unique across the pack (rename one file)',
        expect.stringMatching(/^notes\/Bad Name\.md: the file name is the item's id/),
        'notes/latin1.md: is not valid UTF-8 text (save it as UTF-8)',
        expect.stringMatching(/^notes\/huge\.md: file is \d+ KB; the limit is 256 KB/),
      ]),
    );
  });

  it('explains a missing pack.yaml', () => {
    expect(problemsOf(writeSourcePack({ 'pack.yaml': null }))).toEqual([
      'pack.yaml: missing: every pack needs a pack.yaml with id, title, event and classification',
    ]);
  });
});

describe('links and times inside items', () => {
  it('refuses a body link to an item that is not in the pack, naming its line', () => {
    const note =
      '---\ntitle: Summit context\n---\nSee [the minister](../officials/tanaka-hirosi.md) and [Yoon](officials/yoon-seo-yeon.md).\n';
    expect(problemsOf(writeSourcePack({ 'notes/context.md': note }))).toEqual([
      'notes/context.md:4: links to officials/tanaka-hirosi.md, which is not in the pack (did you mean "tanaka-hiroshi"?)',
    ]);
  });

  it('refuses impossible clock times', () => {
    const meeting = String(BASE_FILES['meetings/bilateral-japan.md']).replace(
      '"09:30"\n    title',
      '"24:10"\n    title',
    );
    expect(problemsOf(writeSourcePack({ 'meetings/bilateral-japan.md': meeting }))).toEqual([
      expect.stringMatching(/^meetings\/bilateral-japan\.md:9: agenda\[0\]\.time: expected a 24-hour time like 09:30$/),
    ]);
  });
});
