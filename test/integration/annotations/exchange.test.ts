// Export → wipe the data folder → import restores every annotation exactly; importing
// twice changes nothing; merges keep the newer copy; bad files are refused whole.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAll } from '../../../electron/build/build.mjs';
import { openCore, type Core } from '../../../electron/api/core';
import { dispatch } from '../../../electron/api/dispatch';
import { installPack } from '../../../electron/store/install';
import type { PackItem } from '../../../shared/model';
import { loadedPack, noteItem, official, PACK_ID, tempDataDir } from '../../fixtures/annotations/pack';

const V1: PackItem[] = [
  official('tanaka-hiroshi', 'Tanaka Hiroshi', 'Tanaka Hiroshi has served as minister since 2024.'),
  noteItem(
    'minerals',
    'Critical minerals',
    'The two governments signed a memorandum on critical minerals in March.\nImplementation has been slow on both sides.',
  ),
  noteItem('seating', 'Seating', 'Seating follows protocol order. 田中大臣は窓側に座ります。'),
];
const V2: PackItem[] = [
  V1[0]!,
  noteItem('minerals', 'Critical minerals', 'Implementation has been slow on both sides.'),
];

let dirs: string[] = [];
let clock = Date.parse('2027-03-01T09:00:00Z');
const open = (dataDir: string) => openCore({ dataDir, transport: 'direct', now: () => new Date((clock += 1000)) });
const install = (core: Core, items: PackItem[]) =>
  installPack(core.db, loadedPack(items), { origin: 'local-draft', source: 'test', now: new Date(clock) });
const newDir = () => {
  const d = tempDataDir();
  dirs.push(d);
  return d;
};

beforeEach(() => {
  dirs = [];
});
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A profile with highlights (one orphaned by an update), item notes, CJK text and stars. */
async function populated(core: Core) {
  install(core, V1);
  const api = core.api;
  await api.createAnnotation({
    packId: PACK_ID,
    kind: 'official',
    itemId: 'tanaka-hiroshi',
    start: 0,
    end: 14,
    note: 'Pronounced Ta-na-ka',
    color: 'blue',
  });
  await api.createAnnotation({
    packId: PACK_ID,
    kind: 'official',
    itemId: 'tanaka-hiroshi',
    note: 'Met him in Osaka, 2025.\nLikes golf.',
  });
  const minerals =
    'The two governments signed a memorandum on critical minerals in March.\nImplementation has been slow on both sides.';
  const two = minerals.indexOf('two governments');
  const slow = minerals.indexOf('Implementation has been slow');
  await api.createAnnotation({
    packId: PACK_ID,
    kind: 'note',
    itemId: 'minerals',
    start: two,
    end: two + 15,
    note: 'which two?',
  });
  await api.createAnnotation({
    packId: PACK_ID,
    kind: 'note',
    itemId: 'minerals',
    start: slow,
    end: slow + 28,
    color: 'pink',
  });
  const text = 'Seating follows protocol order. 田中大臣は窓側に座ります。';
  const cjk = text.indexOf('田中大臣');
  await api.createAnnotation({
    packId: PACK_ID,
    kind: 'note',
    itemId: 'seating',
    start: cjk,
    end: cjk + 4,
    note: '確認する 🙂',
  });
  await api.setStarred({ packId: PACK_ID, kind: 'official', itemId: 'tanaka-hiroshi', starred: true });
  install(core, V2); // "minerals" changes (one highlight orphaned, one moved); "seating" is removed
  const all = await api.listAnnotations({});
  expect(all.annotations.filter((a) => a.status === 'orphaned')).toHaveLength(2);
  return JSON.parse((await api.exportAnnotations({})).json);
}

describe('export and import', () => {
  it('export → wipe the data folder → import restores every annotation exactly', async () => {
    const dir = newDir();
    let core = open(dir);
    const exported = await populated(core);
    expect(exported).toMatchObject({ format: 'briefbook-annotations', version: 1 });
    expect(exported.annotations).toHaveLength(5);
    expect(exported.stars).toHaveLength(1);
    const file = path.join(newDir(), 'notes.json');
    fs.writeFileSync(file, JSON.stringify(exported));
    core.close();

    // Wipe, reinstall the same pack version, import.
    fs.rmSync(dir, { recursive: true, force: true });
    core = open(dir);
    install(core, V2);
    const report = await core.api.importAnnotations({ json: fs.readFileSync(file, 'utf8') });
    expect(report).toMatchObject({ total: 5, added: 5, updated: 0, unchanged: 0, orphaned: 2, starsAdded: 1 });
    const again = JSON.parse((await core.api.exportAnnotations({})).json);
    expect(again.annotations).toEqual(exported.annotations);
    expect(again.stars).toEqual(exported.stars);
    core.close();

    // And into a profile with no pack at all: kept exactly, placed when the pack arrives.
    const bare = open(newDir());
    await bare.api.importAnnotations({ json: JSON.stringify(exported) });
    expect(JSON.parse((await bare.api.exportAnnotations({})).json).annotations).toEqual(exported.annotations);
    install(bare, V2);
    expect(JSON.parse((await bare.api.exportAnnotations({})).json).annotations).toEqual(exported.annotations);
    bare.close();
  });

  it('importing twice adds nothing; the newer copy of an annotation wins', async () => {
    const core = open(newDir());
    const exported = await populated(core);
    const json = JSON.stringify(exported);
    expect(await core.api.importAnnotations({ json })).toMatchObject({ added: 0, updated: 0, unchanged: 5 });
    expect(await core.api.importAnnotations({ json })).toMatchObject({ added: 0, unchanged: 5, starsAdded: 0 });
    expect((await core.api.listAnnotations({})).total).toBe(5);

    const [first] = exported.annotations;
    const newer = {
      ...exported,
      annotations: [{ ...first, note: 'edited on the laptop', updatedAt: '2030-01-01T00:00:00.000Z' }],
    };
    expect(await core.api.importAnnotations({ json: JSON.stringify(newer) })).toMatchObject({ updated: 1 });
    expect((await core.api.getAnnotation({ id: first.id })).note).toBe('edited on the laptop');
    const older = {
      ...exported,
      annotations: [
        { ...first, note: 'stale', updatedAt: '2000-01-01T00:00:00.000Z', createdAt: '2000-01-01T00:00:00.000Z' },
      ],
    };
    expect(await core.api.importAnnotations({ json: JSON.stringify(older) })).toMatchObject({ unchanged: 1 });
    expect((await core.api.getAnnotation({ id: first.id })).note).toBe('edited on the laptop');
    expect((await core.api.listAnnotations({})).total).toBe(5);
    core.close();
  });

  it('does not bring back what the reader deleted, unless asked', async () => {
    const core = open(newDir());
    const exported = await populated(core);
    const victim = exported.annotations[2];
    await core.api.deleteAnnotation({ id: victim.id });
    const json = JSON.stringify(exported);
    expect(await core.api.importAnnotations({ json })).toMatchObject({ skippedDeleted: 1, added: 0 });
    expect((await core.api.listAnnotations({})).total).toBe(4);
    expect(await core.api.importAnnotations({ json, restoreDeleted: true })).toMatchObject({ added: 1 });
    expect((await core.api.getAnnotation({ id: victim.id })).note).toBe(victim.note);
    await core.api.deleteAnnotation({ id: victim.id }); // and it can be deleted again
    core.close();
  });

  it('exports one pack only when asked', async () => {
    const core = open(newDir());
    await populated(core);
    const other = await core.api.exportAnnotations({ packId: 'some-other-pack' });
    expect(other.count).toBe(0);
    expect(other.fileName).toMatch(/^briefbook-notes-some-other-pack-\d{4}-\d{2}-\d{2}\.json$/);
    expect((await core.api.exportAnnotations({ packId: PACK_ID })).count).toBe(5);
    core.close();
  });

  it('refuses a bad file whole, saying where each problem is', async () => {
    const core = open(newDir());
    const exported = await populated(core);
    const bad = structuredClone(exported);
    bad.annotations[0].color = 'purple';
    bad.annotations[1].id = bad.annotations[2].id;
    bad.annotations[3].anchor.end += 5;
    const r = await dispatch(core.api, 'importAnnotations', { json: JSON.stringify(bad) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(/nothing was imported/);
    const fields = r.error.problems.map((p) => p.field);
    expect(fields).toContain('annotations[0].color');
    core.close();

    // Semantic problems are reported once the shape is right.
    const core2 = open(newDir());
    const bad2 = structuredClone(exported);
    bad2.annotations[1].id = bad2.annotations[2].id;
    bad2.annotations[3].anchor.end += 5;
    const r2 = await dispatch(core2.api, 'importAnnotations', { json: JSON.stringify(bad2) });
    expect(r2.ok ? [] : r2.error.problems.map((p) => p.field)).toEqual(['annotations[2].id', 'annotations[3].anchor']);
    expect((await core2.api.listAnnotations({})).total).toBe(0);

    for (const [json, message] of [
      ['{not json', /not valid JSON/],
      ['{"annotations": []}', /not a Briefbook notes export/],
      [JSON.stringify({ ...exported, version: 2 }), /newer Briefbook/],
    ] as const) {
      const out = await dispatch(core2.api, 'importAnnotations', { json });
      expect(out.ok ? '' : out.error.message + out.error.problems.map((p) => p.message).join(' ')).toMatch(message);
    }
    core2.close();
  });
});

describe('briefbook notes (CLI)', () => {
  it('exports, imports and lists through the command line', async () => {
    await buildAll({ quiet: true });
    const dir = newDir();
    const core = open(dir);
    await populated(core);
    core.close();
    const bin = path.resolve('electron/cli/bin.cjs');
    const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    const out = path.join(newDir(), 'notes.json');

    const exp = run('notes', 'export', '--out', out, '--data', dir);
    expect(exp.stderr).toBe('');
    expect(exp.stdout).toContain('Exported 5 annotation(s) and 1 star(s)');
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('600');

    const fresh = newDir();
    const imp = run('notes', 'import', out, '--data', fresh, '--json');
    expect(JSON.parse(imp.stdout)).toMatchObject({ ok: true, added: 5, starsAdded: 1 });
    expect(run('notes', 'import', out, '--data', fresh).stdout).toContain('0 added, 0 updated, 5 already here');

    const list = run('notes', 'list', '--orphaned', '--data', fresh);
    expect(list.stdout).toContain('[orphaned]');
    expect(JSON.parse(run('notes', 'list', '--json', '--data', fresh).stdout).total).toBe(5);

    const missing = run('notes', 'export', '--data', fresh);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Missing --out FILE');
    const bad = run('notes', 'import', path.join(fresh, 'nope.json'), '--data', fresh);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('No file');
  }, 120_000);
});
