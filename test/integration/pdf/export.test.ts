// PDF export read back with real tools: poppler's pdfinfo/pdftotext and qpdf (--check,
// --json outlines). The sample pack is installed into a fresh profile with a Tokyo home
// zone and one highlight with a note, so notes, scopes and time zones all show.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown, plainTextOf } from '../../../shared/markdown';
import { parseScope } from '../../../electron/cli/commands/export';
import { exportPdf, type ExportOptions } from '../../../electron/pdf/exportPdf';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { samplePackDir } from '../../../electron/platform/assets';
import { openDatabase, type Db } from '../../../electron/store/db';
import { installPack } from '../../../electron/store/install';

const has = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).error === undefined;
const hasPoppler = has('pdftotext') && has('pdfinfo') && has('qpdf');
const PACK = 'sample-trilateral-honolulu-2027';
const CLASSIFICATION = 'CONFIDENTIAL — KAIYO SYSTEMS INTERNAL';
const NOTE = 'Ask Lee for a timeline on the pilot';

function pageText(file: string, page?: number, layout = false): string {
  const args = [...(layout ? ['-layout'] : []), ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
}
function info(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').map((l) => [l.split(':')[0]!.trim(), l.slice(l.indexOf(':') + 1).trim()]));
}
interface OutlineEntry {
  title: string;
  destpageposfrom1: number;
  kids: OutlineEntry[];
}
function outline(file: string): OutlineEntry[] {
  const json = execFileSync('qpdf', ['--json', '--json-key=outlines', file], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  return (JSON.parse(json) as { outlines: OutlineEntry[] }).outlines;
}
function qpdfCheck(file: string): { status: number | null; out: string } {
  const r = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}
const squash = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(!hasPoppler)('PDF export (needs poppler-utils and qpdf: apt-get install poppler-utils qpdf)', () => {
  let dir: string;
  let db: Db;
  const files = new Map<string, { path: string; pages: number; bytes: number }>();
  const exportAs = async (name: string, options: Partial<ExportOptions>) => {
    const result = await exportPdf(db, {
      packId: PACK,
      scope: { kind: 'all' },
      notes: false,
      paper: 'a4',
      outPath: path.join(dir, `${name}.pdf`),
      now: new Date('2027-03-10T09:00:00Z'),
      ...options,
    });
    files.set(name, result);
    return result;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-pdf-'));
    db = openDatabase(path.join(dir, 'briefbook.sqlite3'));
    installPack(db, readSourceFolder(samplePackDir()), { origin: 'local-draft', source: 'test' });
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('homeTimeZone', ?)").run(JSON.stringify('Asia/Tokyo'));
    // One highlight with a note on the bilateral with Lee, anchored in the body's plain text.
    const body = (
      db.prepare("SELECT body FROM items WHERE pack_id = ? AND id = 'bilateral-lee'").get(PACK) as { body: string }
    ).body;
    const text = plainTextOf(parseMarkdown(body)).text;
    const quote = 'trusted end-user';
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThan(0);
    db.prepare(
      `INSERT INTO annotations (id, pack_id, item_kind, item_id, quote, prefix, suffix, start_pos, end_pos, color, note, status, created_at, updated_at)
       VALUES ('00000000-0000-4000-8000-000000000001', ?, 'meeting', 'bilateral-lee', ?, '', '', ?, ?, 'yellow', ?, 'anchored', '2027-03-01T00:00:00Z', '2027-03-01T00:00:00Z')`,
    ).run(PACK, quote, start, start + quote.length, NOTE);

    await exportAs('full', {});
    await exportAs('notes', { notes: true, paper: 'letter', watermark: 'Akiko Morimoto' });
    await exportAs('day', { scope: { kind: 'day', date: '2027-03-16' } });
    await exportAs('meeting', { scope: { kind: 'meeting', id: 'bilateral-lee' } });
    await exportAs('officials', { scope: { kind: 'officials', ids: ['park-do-yun', 'endo-takeshi'] } });
  }, 240_000);

  afterAll(() => {
    db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes files that qpdf finds free of errors, with the page count it reports', () => {
    for (const [name, f] of files) {
      const check = qpdfCheck(f.path);
      expect(check.status, `${name}: ${check.out}`).toBe(0);
      expect(check.out).toContain('No syntax or stream encoding errors');
      expect(Number(info(f.path).Pages)).toBe(f.pages);
      expect(fs.statSync(f.path).size).toBe(f.bytes);
    }
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(info(files.get('full')!.path)['Page size']).toContain('595.28 x 841.89');
    expect(info(files.get('notes')!.path)['Page size']).toContain('612 x 792');
  });

  it('has a bookmark for every section and item, and the contents show the page each one starts on', () => {
    const file = files.get('full')!.path;
    const tree = outline(file);
    expect(tree.map((e) => e.title)).toEqual([
      'Cover',
      'Contents',
      'Schedule',
      'Meetings',
      'Officials',
      'Talking points',
      'Background notes',
    ]);
    const meetings = tree.find((e) => e.title === 'Meetings')!;
    expect(meetings.kids).toHaveLength(12);
    expect(tree.find((e) => e.title === 'Officials')!.kids.map((k) => k.title)).toContain('Endō Takeshi (遠藤 剛)');

    // Contents: "title ..... N" lines; every N must be the page the bookmark points to.
    const contentsPages = tree.find((e) => e.title === 'Schedule')!.destpageposfrom1 - 2;
    let toc = '';
    for (let p = 2; p < 2 + contentsPages; p++) toc += pageText(file, p, true);
    const tocNumbers = new Map<string, number>();
    for (const line of toc.split('\n')) {
      const m = /^\s*(.+?)\s{2,}(\d+)\s*$/.exec(line);
      if (m) tocNumbers.set(squash(m[1]!.trim()), Number(m[2]));
    }
    const checked: string[] = [];
    for (const section of tree.slice(2)) {
      for (const entry of [section, ...section.kids]) {
        const n = tocNumbers.get(squash(entry.title));
        if (n === undefined) continue; // a title that wraps onto two lines in the contents
        expect(n, entry.title).toBe(entry.destpageposfrom1);
        // The page really shows it (titles may wrap, so compare the first words).
        const norm = (t: string) => squash(t.replace(/[()“”"]/g, '')).toLowerCase();
        const words = norm(entry.title).split(' ').slice(0, 3).join(' ');
        // A section may be named only by the running header.
        expect(norm(pageText(file, n))).toContain(words);
        checked.push(entry.title);
      }
    }
    expect(checked.length).toBeGreaterThan(50);
  });

  it('prints the classification on every page and "Page X of Y" on every page after the cover', () => {
    for (const name of ['full', 'notes', 'meeting']) {
      const f = files.get(name)!;
      for (let p = 1; p <= f.pages; p++) {
        const text = pageText(f.path, p);
        expect(text, `${name} page ${p}`).toContain(CLASSIFICATION);
        if (p > 1 || name === 'meeting') expect(text, `${name} page ${p}`).toContain(`Page ${p} of ${f.pages}`);
      }
    }
  });

  it('sets Japanese and Korean names as real, extractable text', () => {
    const text = pageText(files.get('full')!.path);
    for (const name of ['遠藤 剛', '田中 浩', '大野 恵子', '윤서연', '박도윤', '최민서']) expect(text).toContain(name);
    // Mixed-script lines stay in order.
    expect(squash(text)).toContain('Choi Min-seo (최민서)');
  });

  it('shows the schedule in venue time with home time beside it', () => {
    const f = files.get('full')!.path;
    const schedule = outline(f).find((e) => e.title === 'Schedule')!.destpageposfrom1;
    const text = squash(pageText(f, schedule));
    expect(text).toContain('Honolulu time (UTC−10)');
    expect(text).toContain('Tokyo time (UTC+9)');
    // Bilateral with Lee: 14:00 in Honolulu is 09:00 the next day in Tokyo.
    expect(text).toMatch(/14:00–14:45 09:00–09:45 Wed/);
  });

  it('includes the reader’s highlights and notes only with notes on', () => {
    const withNotes = squash(pageText(files.get('notes')!.path));
    expect(withNotes).toContain(NOTE);
    expect(withNotes).toContain('YOUR NOTES');
    expect(withNotes).toContain('Index of your notes');
    expect(outline(files.get('notes')!.path).map((e) => e.title)).toContain('Index of your notes');
    for (const name of ['full', 'day', 'meeting', 'officials']) {
      const text = squash(pageText(files.get(name)!.path));
      expect(text, name).not.toContain(NOTE);
      expect(text, name).not.toContain('Index of your notes');
    }
  });

  it('prints the watermark with the reader’s name and export date', () => {
    // Diagonal text comes out a character per line in content-stream order (-raw).
    const raw = (file: string) =>
      execFileSync('pdftotext', ['-raw', '-f', '3', '-l', '3', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(raw(files.get('notes')!.path)).toContain('AkikoMorimoto');
    expect(raw(files.get('notes')!.path)).toContain('Exported2027-03-10');
    expect(raw(files.get('full')!.path)).not.toContain('Exported2027-03-10');
  });

  it('honours the scope: a day, a meeting card, chosen officials', () => {
    const day = squash(pageText(files.get('day')!.path));
    expect(day).toContain('Bilateral with Deputy Minister Lee Ha-eun (MOTIE)'); // 16 March
    expect(day).not.toContain('Japanese business delegation pre-brief'); // 15 March
    expect(day).toContain('Day brief: Tuesday 16 March 2027');
    expect(outline(files.get('day')!.path).find((e) => e.title === 'Meetings')!.kids).toHaveLength(4);

    const meeting = files.get('meeting')!;
    const mt = squash(pageText(meeting.path));
    expect(mt).toContain('Bilateral with Deputy Minister Lee Ha-eun (MOTIE)');
    expect(mt).not.toContain('Roundtable: Trusted AI and biometrics');
    expect(mt).toContain('이하은'); // the participant's profile comes along
    expect(outline(meeting.path).map((e) => e.title)).toEqual(['Meetings', 'Officials', 'Talking points']);

    const officials = outline(files.get('officials')!.path);
    expect(officials.map((e) => e.title)).toEqual(['Officials', 'Talking points']);
    expect(officials[0]!.kids.map((k) => k.title)).toEqual(['Park Do-yun (박도윤)', 'Endō Takeshi (遠藤 剛)']);
  });

  it('rejects an unknown meeting with a message that says what to check', async () => {
    await expect(exportAs('bad', { scope: { kind: 'meeting', id: 'no-such-meeting' } })).rejects.toThrow(
      /no meeting "no-such-meeting"/,
    );
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('lets other work run while it lays out the brief, so progress is seen before the last page', async () => {
    // In the app the core shares Electron's main process with the window's other requests.
    let pages = 0;
    const seenMeanwhile: number[] = [];
    const timer = setInterval(() => seenMeanwhile.push(pages), 1);
    try {
      const result = await exportAs('meanwhile', { onProgress: (e) => void (pages = e.pages) });
      expect(seenMeanwhile.some((p) => p > 0 && p < result.pages)).toBe(true);
    } finally {
      clearInterval(timer);
    }
  });
});

describe('export --scope parsing', () => {
  it('reads every form the CLI documents', () => {
    expect(parseScope('all')).toEqual({ kind: 'all' });
    expect(parseScope('day:2027-03-16')).toEqual({ kind: 'day', date: '2027-03-16' });
    expect(parseScope('meeting:bilateral-lee')).toEqual({ kind: 'meeting', id: 'bilateral-lee' });
    expect(parseScope('official:park-do-yun,endo-takeshi')).toEqual({
      kind: 'officials',
      ids: ['park-do-yun', 'endo-takeshi'],
    });
    expect(() => parseScope('week:12')).toThrow(/--scope "week:12" is not understood/);
  });
});
