// The workshop core on real folders: the untouched sample pack round-trips without a
// byte changed, edits rewrite only what they change (comments and unknown keys stay),
// a CSV import previews, refuses its bad row and writes nothing until confirmed, and
// what the workshop publishes passes the reader's verification.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/api/core';
import { loadPublished } from '../../../electron/packs/publish/load';
import { readPublicKeyFile } from '../../../electron/packs/publish/keys';
import { makePng } from '../publish/fixture';
import { makeXlsx } from './xlsx';

const SAMPLE = path.resolve(__dirname, '../../../assets/sample-pack');

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bb-workshop-'));
}

function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(dir, rel))) {
      const r = path.join(rel, name);
      if (fs.statSync(path.join(dir, r)).isDirectory()) walk(r);
      else out.set(r, fs.readFileSync(path.join(dir, r)));
    }
  };
  walk('.');
  return out;
}

const cores: Core[] = [];
function core(): Core {
  const c = openCore({ dataDir: tempDir(), transport: 'direct', backgroundSync: false });
  cores.push(c);
  return c;
}
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

function copySample(): string {
  const dir = path.join(tempDir(), 'pack');
  fs.cpSync(SAMPLE, dir, { recursive: true });
  return dir;
}

describe('workshop: round trip', () => {
  it('opening and saving every item of an untouched sample pack changes no byte', async () => {
    const { api } = core();
    const dir = copySample();
    const before = snapshot(dir);
    const state = await api.workshopOpen({ folder: dir });
    expect(state.problems).toEqual([]);
    expect(state.items.length).toBeGreaterThan(30);
    // Save each form exactly as opened (what the UI's Save sends).
    const pack = await api.workshopUpdatePack({ folder: dir, data: state.pack! });
    expect(pack.written).toBe(false);
    for (const item of state.items) {
      const saved = await api.workshopUpdateItem({
        folder: dir,
        kind: item.kind,
        id: item.id,
        data: item.data!,
        body: item.body,
      });
      expect(saved.written, item.file).toBe(false);
    }
    const after = snapshot(dir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [file, bytes] of before) expect(after.get(file)!.equals(bytes), file).toBe(true);
  });

  it('a field edit changes only that line: comments, unknown keys, quoting and flow lists stay', async () => {
    const { api } = core();
    const dir = path.join(tempDir(), 'pack');
    fs.cpSync(SAMPLE, dir, { recursive: true });
    const file = path.join(dir, 'meetings/bilateral-lee.md');
    const original = fs.readFileSync(file, 'utf8').replace('location:', '# where we meet\nlocation:');
    fs.writeFileSync(file, original.replace('---\ntitle:', '---\nreviewer: kim # not a pack field\ntitle:'));
    const before = fs.readFileSync(file, 'utf8');
    const state = await api.workshopOpen({ folder: dir });
    const item = state.items.find((i) => i.id === 'bilateral-lee')!;
    const res = await api.workshopUpdateItem({
      folder: dir,
      kind: 'meeting',
      id: 'bilateral-lee',
      data: { ...item.data!, end: '2027-03-16T15:00' },
    });
    expect(res.written).toBe(true);
    const after = fs.readFileSync(file, 'utf8');
    const diff = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
    expect(diff).toEqual(["end: '2027-03-16T15:00'"]);
    expect(after).toContain('reviewer: kim # not a pack field');
    expect(after).toContain('# where we meet');
    // The unknown key is reported by the checker, next to its line.
    expect(res.problems.some((p) => p.file === 'meetings/bilateral-lee.md' && /reviewer/.test(p.message))).toBe(true);
  });

  it('editing one agenda row keeps the others; removing an optional field deletes its line', async () => {
    const { api } = core();
    const dir = copySample();
    const state = await api.workshopOpen({ folder: dir });
    const item = state.items.find((i) => i.id === 'bilateral-lee')!;
    const agenda = structuredClone(item.data!.agenda) as { time: string; title: string; lead?: string }[];
    agenda[1]!.title = 'Licensing, revised';
    await api.workshopUpdateItem({ folder: dir, kind: 'meeting', id: 'bilateral-lee', data: { agenda } });
    const text = fs.readFileSync(path.join(dir, 'meetings/bilateral-lee.md'), 'utf8');
    expect(text).toContain('    title: Licensing, revised\n');
    expect(text).toContain('    lead: han-jun-seo\n');
    const pack = await api.workshopUpdatePack({ folder: dir, data: { preparedFor: null } });
    expect(pack.written).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'pack.yaml'), 'utf8')).not.toContain('preparedFor');
    expect(fs.readFileSync(path.join(dir, 'pack.yaml'), 'utf8')).toContain('# Briefbook sample pack');
  });

  it('renaming an official rewrites every reference to it, and the pack still checks', async () => {
    const { api } = core();
    const dir = copySample();
    const res = await api.workshopRenameItem({ folder: dir, kind: 'official', id: 'han-jun-seo', newId: 'han-js' });
    expect(res.rewritten).toContain('meetings/bilateral-lee.md');
    expect(res.problems).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'meetings/bilateral-lee.md'), 'utf8')).toContain('(../officials/han-js.md)');
  });
});

const CSV = [
  'Name,Native name,Position,Ministry,Country,Languages',
  'Aiko Sato,佐藤 愛子,Vice-Minister,Ministry of Foreign Affairs,Japan,"Japanese; English"',
  'Broken Row,,,,Japan,', // no position, no ministry
  '"Kim, Ji-ho",김지호,Director-General,MOTIE,Republic of Korea,Korean',
  'Aiko Sato,,Duplicate,Somewhere,Japan,',
  '',
].join('\r\n');

describe('workshop: CSV import of officials', () => {
  it('previews creates, refuses the bad and duplicate rows with reasons, and writes nothing until confirmed', async () => {
    const { api } = core();
    const dir = path.join(tempDir(), 'new-pack');
    await api.workshopCreate({ folder: dir, id: 'g7-2030', title: 'G7 2030' });
    const before = snapshot(dir);
    const preview = await api.workshopPreviewImport({ folder: dir, csv: CSV });
    expect(preview.mapping).toMatchObject({
      Name: 'name',
      'Native name': 'nativeName',
      Position: 'title',
      Ministry: 'organization',
      Country: 'country',
      Languages: 'languages',
    });
    expect(preview.rows.map((r) => [r.row, r.action, r.id])).toEqual([
      [2, 'create', 'aiko-sato'],
      [4, 'create', 'kim-ji-ho'],
    ]);
    expect(preview.refused.map((r) => r.row)).toEqual([3, 5]);
    expect(preview.refused[0]!.reasons.join('; ')).toMatch(/title: missing/);
    expect(preview.refused[1]!.reasons.join('; ')).toMatch(/same (id|name).*row 2/);
    expect(snapshot(dir)).toEqual(before); // nothing written by a preview

    const report = await api.workshopCommitImport({
      folder: dir,
      csv: CSV,
      mapping: preview.mapping,
      expect: { create: ['aiko-sato', 'kim-ji-ho'], update: [] },
    });
    expect(report.created).toEqual(['aiko-sato', 'kim-ji-ho']);
    expect(report.refused).toHaveLength(2);
    const sato = report.state.items.find((i) => i.id === 'aiko-sato')!;
    // Fields filled into a new item's empty template are written plain, not as "quoted" strings.
    expect(fs.readFileSync(path.join(dir, 'officials/aiko-sato.md'), 'utf8')).toContain('\ntitle: Vice-Minister\n');
    expect(sato.data).toMatchObject({ name: 'Aiko Sato', nativeName: '佐藤 愛子', languages: ['Japanese', 'English'] });
    expect(report.state.problems.filter((p) => p.file.startsWith('officials/'))).toEqual([]);

    // The same sheet again: the names now match existing officials, so they are updates.
    const again = await api.workshopPreviewImport({ folder: dir, csv: CSV, mapping: preview.mapping });
    expect(again.rows.map((r) => [r.action, r.id, r.matchedBy])).toEqual([
      ['update', 'aiko-sato', 'name'],
      ['update', 'kim-ji-ho', 'name'],
    ]);
    // A commit whose preview no longer matches the folder is refused.
    await expect(
      api.workshopCommitImport({
        folder: dir,
        csv: CSV,
        mapping: preview.mapping,
        expect: { create: ['aiko-sato', 'kim-ji-ho'], update: [] },
      }),
    ).rejects.toThrow(/changed since the preview/);
  });
});

describe('workshop: XLSX import of officials', () => {
  it('reads the first sheet of a workbook like a CSV: preview, refused row, confirm', async () => {
    const { api } = core();
    const dir = path.join(tempDir(), 'pack');
    await api.workshopCreate({ folder: dir, id: 'xlsx-pack', title: 'XLSX pack' });
    const book = await makeXlsx([
      ['Name', 'Title', 'Organization', 'Country', 'Tags'],
      ['Lee Ha-eun', 'Deputy Minister', 'MOTIE', 'Republic of Korea', 'trade, chips'],
      ['No Title', '', 'Somewhere', 'Japan', ''],
      ['Rahul Mehta', 'Secretary', 'MeitY', 'India', 2027],
    ]);
    const xlsx = book.toString('base64');
    const preview = await api.workshopPreviewImport({ folder: dir, xlsx });
    expect(preview.rows.map((r) => [r.row, r.id])).toEqual([
      [2, 'lee-ha-eun'],
      [4, 'rahul-mehta'],
    ]);
    expect(preview.refused).toMatchObject([{ row: 3, name: 'No Title' }]);
    const report = await api.workshopCommitImport({
      folder: dir,
      xlsx,
      mapping: preview.mapping,
      expect: { create: ['lee-ha-eun', 'rahul-mehta'], update: [] },
    });
    expect(report.state.items.find((i) => i.id === 'lee-ha-eun')!.data).toMatchObject({ tags: ['trade', 'chips'] });
    expect(report.state.items.find((i) => i.id === 'rahul-mehta')!.data).toMatchObject({ tags: ['2027'] });
    await expect(
      api.workshopPreviewImport({ folder: dir, xlsx: Buffer.from('not a zip').toString('base64') }),
    ).rejects.toThrow(/not an \.xlsx workbook/);
  });
});

describe('workshop: photos, key and publish', () => {
  it('builds a pack from nothing, publishes it signed, and a reader verifies it; a second version lists the changes', async () => {
    const c = core();
    const { api } = c;
    const root = tempDir();
    const dir = path.join(root, 'pack');
    const out = path.join(root, 'dist');
    let state = await api.workshopCreate({ folder: dir, id: 'trilat-2030', title: 'Trilateral 2030' });
    expect(state.problems.length).toBeGreaterThan(0); // location is empty
    await api.workshopUpdatePack({
      folder: dir,
      data: {
        event: {
          name: 'Trilateral 2030',
          location: 'Seoul',
          timeZone: 'Asia/Seoul',
          start: '2030-05-01',
          end: '2030-05-02',
        },
      },
    });
    await api.workshopCreateItem({ folder: dir, kind: 'official', id: 'lee-min', title: 'Lee Min' });
    await api.workshopUpdateItem({
      folder: dir,
      kind: 'official',
      id: 'lee-min',
      data: { title: 'Minister', organization: 'MOFA', country: 'Republic of Korea' },
      body: 'Career diplomat.\n',
    });
    const photo = await api.workshopImportPhoto({
      folder: dir,
      officialId: 'lee-min',
      fileName: 'lee.png',
      base64: makePng(40, 50, [10, 20, 30]).toString('base64'),
    });
    expect(photo.photo).toBe('photos/lee-min.png');
    await expect(
      api.workshopImportPhoto({
        folder: dir,
        officialId: 'lee-min',
        fileName: 'x.png',
        base64: Buffer.from('nope').toString('base64'),
      }),
    ).rejects.toThrow(/not a JPEG or PNG/);
    await api.workshopCreateItem({ folder: dir, kind: 'meeting', id: 'bilateral', title: 'Bilateral' });
    state = await api.workshopUpdateItem({
      folder: dir,
      kind: 'meeting',
      id: 'bilateral',
      data: {
        location: 'Room 1',
        participants: ['lee-min', 'nobody'],
        agenda: [{ time: '09:00', title: 'Open', lead: 'lee-min' }],
      },
    });
    const refProblem = state.problems.find((p) => p.file === 'meetings/bilateral.md');
    expect(refProblem).toMatchObject({ field: 'participants[1]' });
    expect((await api.workshopPublishPlan({ folder: dir, outDir: out })).ready).toBe(false);
    state = await api.workshopUpdateItem({
      folder: dir,
      kind: 'meeting',
      id: 'bilateral',
      data: { participants: ['lee-min'] },
    });
    expect(state.problems).toEqual([]);

    await expect(api.workshopCreateKey({ passphrase: 'short' })).rejects.toThrow();
    const key = await api.workshopCreateKey({ passphrase: 'correct horse battery' });
    expect(key.keyId).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    const plan = await api.workshopPublishPlan({ folder: dir, outDir: out });
    expect(plan).toMatchObject({ ready: true, version: 1, keyId: key.keyId });
    expect(plan.added).toHaveLength(2);
    await expect(api.workshopPublish({ folder: dir, outDir: out, passphrase: 'wrong passphrase' })).rejects.toThrow(
      /passphrase/,
    );
    expect(fs.existsSync(out)).toBe(false);
    const v1 = await api.workshopPublish({
      folder: dir,
      outDir: out,
      passphrase: 'correct horse battery',
      briefpack: true,
    });
    expect(v1).toMatchObject({ version: 1, keyId: key.keyId, previousVersion: null });

    const pub = readPublicKeyFile(v1.publicKeyFile);
    const fetched = await loadPublished(out, { trust: () => ({ publicKey: pub }), installedVersion: () => null });
    expect(fetched.pack.items.map((i) => i.id).sort()).toEqual(['bilateral', 'lee-min']);
    expect(fs.existsSync(v1.briefpack!)).toBe(true);

    await api.workshopCreateItem({ folder: dir, kind: 'talking-point', id: 'trade', title: 'Trade' });
    await api.workshopUpdateItem({
      folder: dir,
      kind: 'official',
      id: 'lee-min',
      body: 'Career diplomat, ex-ambassador.\n',
    });
    const v2 = await api.workshopPublish({ folder: dir, outDir: out, passphrase: 'correct horse battery' });
    expect(v2).toMatchObject({
      version: 2,
      previousVersion: 1,
      added: [{ kind: 'talking-point', id: 'trade' }],
      changed: [{ kind: 'official', id: 'lee-min' }],
      removed: [],
    });

    const draft = await api.workshopPreviewDraft({ folder: dir });
    expect(draft.packId).toBe('trilat-2030');
    expect((await api.getPack({ packId: 'trilat-2030' })).pack.origin).toBe('local-draft');
  });
});

describe('workshop: publisher key in the OS keychain', () => {
  it('with the shell’s keychain protector a key needs no passphrase and is never stored in the clear', async () => {
    const dataDir = tempDir();
    // A stand-in for Electron safeStorage: reversible, and visibly not the plain bytes.
    const shell = {
      protect: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)),
      unprotect: (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a)),
    };
    const c = openCore({ dataDir, transport: 'direct', backgroundSync: false, keyProtector: shell });
    cores.push(c);
    const status = await c.api.workshopCreateKey({});
    expect(status).toMatchObject({ exists: true, protection: 'os-keychain', keychainAvailable: true });
    const stored = fs.readFileSync(path.join(dataDir, 'workshop', 'publisher.key.json'), 'utf8');
    expect(stored).not.toContain('PRIVATE KEY');
    const dir = copySample();
    const out = path.join(tempDir(), 'dist');
    const published = await c.api.workshopPublish({ folder: dir, outDir: out, passphrase: '' });
    expect(published.keyId).toBe(status.keyId);
    // Without the keychain (the CLI, the browser host) the key cannot be opened.
    c.close();
    cores.splice(cores.indexOf(c), 1);
    const other = openCore({ dataDir, transport: 'direct', backgroundSync: false });
    cores.push(other);
    await expect(other.api.workshopPublish({ folder: dir, outDir: out, passphrase: 'x' })).rejects.toThrow(/keychain/);
  });
});
