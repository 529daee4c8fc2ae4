// Annotate an installed pack, install an edited version, and check that every
// annotation is where a person would expect it, or orphaned, and that none is missing.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/api/core';
import { dispatch } from '../../../electron/api/dispatch';
import { installPack, removePack } from '../../../electron/store/install';
import { plainTextOf, parseMarkdown } from '../../../shared/markdown';
import type { Annotation, PackItem } from '../../../shared/model';
import { EDIT_TABLE, overlap, RIGHT_PLACE_OVERLAP, unmark } from '../../fixtures/annotations/editTable';
import { loadedPack, noteItem, official, PACK_ID, tempDataDir } from '../../fixtures/annotations/pack';

const caseId = (i: number) => `case-${String(i).padStart(2, '0')}`;
const BIO = 'Tanaka Hiroshi has served as minister since 2024.\n\nHe prefers short, direct meetings.';

function version1(): PackItem[] {
  return [
    ...EDIT_TABLE.map((c, i) => noteItem(caseId(i), c.name, unmark(c.before).text)),
    official('tanaka-hiroshi', 'Tanaka Hiroshi', BIO),
    noteItem('dropped-later', 'Dropped in v2', 'This whole note is dropped in version 2 and comes back in 3.'),
  ];
}

function version2(): PackItem[] {
  return [
    ...EDIT_TABLE.map((c, i) => noteItem(caseId(i), c.name, unmark(c.after).text)),
    official('tanaka-hiroshi', 'Tanaka Hiroshi', `Updated profile.\n\n${BIO}`),
  ];
}

let dataDir: string;
let core: Core;
let clock: number;

beforeEach(() => {
  dataDir = tempDataDir();
  clock = Date.parse('2027-03-01T09:00:00Z');
  core = openCore({ dataDir, transport: 'direct', now: () => new Date((clock += 1000)) });
});
afterEach(() => {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const install = (items: PackItem[]) =>
  installPack(core.db, loadedPack(items), { origin: 'local-draft', source: 'test', now: new Date(clock) });

async function annotateVersion1() {
  install(version1());
  const byCase = new Map<number, Annotation>();
  for (const [i, c] of EDIT_TABLE.entries()) {
    const { text, range } = unmark(c.before);
    expect(plainTextOf(parseMarkdown(noteItem('x', 'x', text).body)).text).toBe(text);
    const a = await core.api.createAnnotation({
      packId: PACK_ID,
      kind: 'note',
      itemId: caseId(i),
      start: range!.start,
      end: range!.end,
      quote: text.slice(range!.start, range!.end),
      note: `note on ${c.name}`,
      color: 'green',
    });
    byCase.set(i, a);
  }
  const itemNote = await core.api.createAnnotation({
    packId: PACK_ID,
    kind: 'official',
    itemId: 'tanaka-hiroshi',
    note: 'Ask about his daughter at Keio.',
  });
  const onDropped = await core.api.createAnnotation({
    packId: PACK_ID,
    kind: 'note',
    itemId: 'dropped-later',
    start: 0,
    end: 15,
    note: 'kept forever',
  });
  return { byCase, itemNote, onDropped };
}

describe('re-anchoring on pack install', () => {
  it('places every annotation of the edit table, orphans the deleted ones, loses none', async () => {
    const { byCase, itemNote, onDropped } = await annotateVersion1();
    const before = await core.api.listAnnotations({});
    expect(before.total).toBe(EDIT_TABLE.length + 2);

    const result = install(version2());
    expect(result.removed).toEqual([{ kind: 'note', id: 'dropped-later' }]);

    const after = await core.api.listAnnotations({});
    expect(after.total).toBe(before.total);
    expect(new Set(after.annotations.map((a) => a.id))).toEqual(new Set(before.annotations.map((a) => a.id)));

    for (const [i, c] of EDIT_TABLE.entries()) {
      const original = byCase.get(i)!;
      const now = await core.api.getAnnotation({ id: original.id });
      const expected = unmark(c.after);
      // What the reader wrote is untouched, whatever happened to the text.
      expect(now.note).toBe(original.note);
      expect(now.color).toBe(original.color);
      expect(now.createdAt).toBe(original.createdAt);
      expect(now.updatedAt).toBe(original.updatedAt);
      if (expected.range === null) {
        expect(now.status, c.name).toBe('orphaned');
        expect(now.anchor).toEqual(original.anchor); // the quote is kept as it was
      } else {
        expect(now.status, c.name).toBe('anchored');
        expect(expected.text.slice(now.anchor!.start, now.anchor!.end)).toBe(now.anchor!.quote);
        expect(overlap(now.anchor!, expected.range), c.name).toBeGreaterThanOrEqual(RIGHT_PLACE_OVERLAP);
      }
    }

    expect((await core.api.getAnnotation({ id: itemNote.id })).status).toBe('anchored');
    const dropped = await core.api.getAnnotation({ id: onDropped.id });
    expect(dropped).toMatchObject({ status: 'orphaned', itemAvailable: false, note: 'kept forever' });
    expect(dropped.anchor?.quote).toBe('This whole note');

    const orphans = await core.api.listAnnotations({ status: 'orphaned' });
    const expectedOrphans = EDIT_TABLE.filter((c) => unmark(c.after).range === null).length + 1;
    expect(orphans.total).toBe(expectedOrphans);

    // The item comes back in version 3: its annotation re-attaches by itself.
    install([...version2(), ...version1().filter((i) => i.id === 'dropped-later')]);
    expect(await core.api.getAnnotation({ id: onDropped.id })).toMatchObject({
      status: 'anchored',
      itemAvailable: true,
      anchor: { quote: 'This whole note', start: 0, end: 15 },
    });
  });

  it('keeps annotations when the pack is removed, and re-attaches them when it is installed again', async () => {
    const { itemNote } = await annotateVersion1();
    expect(removePack(core.db, PACK_ID)).toBe(true);
    const list = await core.api.listAnnotations({});
    expect(list.total).toBe(EDIT_TABLE.length + 2);
    expect(list.annotations.every((a) => a.status === 'orphaned' && !a.itemAvailable)).toBe(true);
    install(version1());
    const back = await core.api.listAnnotations({ status: 'anchored' });
    expect(back.total).toBe(EDIT_TABLE.length + 2);
    expect(back.annotations.find((a) => a.id === itemNote.id)?.itemTitle).toBe('Tanaka Hiroshi');
  });

  it('refuses to delete an annotation any way but the reader’s delete', async () => {
    const { itemNote } = await annotateVersion1();
    expect(() => core.db.prepare('DELETE FROM annotations').run()).toThrow(/deleted only by the reader/);
    expect(() => core.db.prepare('DELETE FROM annotations WHERE id = ?').run(itemNote.id)).toThrow();
    expect((await core.api.listAnnotations({})).total).toBe(EDIT_TABLE.length + 2);
  });
});

describe('editing annotations', () => {
  it('edits, recolours, deletes and restores with the same id, committing each at once', async () => {
    install(version1());
    const a = await core.api.createAnnotation({ packId: PACK_ID, kind: 'note', itemId: caseId(0), start: 0, end: 8 });
    expect(a).toMatchObject({ color: 'yellow', note: '', status: 'anchored', anchor: { quote: 'Minister' } });

    const edited = await core.api.updateAnnotation({ id: a.id, note: 'Check his title', color: 'pink' });
    expect(edited.updatedAt > a.updatedAt).toBe(true);
    expect(edited).toMatchObject({ note: 'Check his title', color: 'pink', createdAt: a.createdAt });
    expect(await core.api.updateAnnotation({ id: a.id, note: 'Check his title' })).toEqual(edited); // no-op

    // Committed: a second connection to the same file sees it.
    core.close();
    core = openCore({ dataDir, transport: 'direct', now: () => new Date((clock += 1000)) });
    expect(await core.api.getAnnotation({ id: a.id })).toMatchObject({ note: 'Check his title', color: 'pink' });

    const deleted = await core.api.deleteAnnotation({ id: a.id });
    expect(deleted.annotation).toEqual(edited);
    expect(Date.parse(deleted.restorableUntil)).toBeGreaterThan(clock + 29 * 86_400_000);
    expect((await core.api.listAnnotations({})).total).toBe(0);
    expect(await core.api.deleteAnnotation({ id: a.id })).toEqual(deleted); // a double click is harmless
    const restored = await core.api.restoreAnnotation({ id: a.id });
    expect(restored).toEqual(edited);
    expect((await core.api.listAnnotations({})).total).toBe(1);
    // Deleting again after a restore still goes through the guard.
    await core.api.deleteAnnotation({ id: a.id });
    expect((await core.api.listAnnotations({})).total).toBe(0);
  });

  it('keeps the search index in step with every edit', async () => {
    install(version1());
    const found = async (q: string) =>
      (await core.api.search({ query: q, kinds: ['annotation'] })).hits.map((h) => h.annotationId);
    const a = await core.api.createAnnotation({ packId: PACK_ID, kind: 'note', itemId: caseId(0), note: 'Zanzibar' });
    expect(await found('zanzibar')).toEqual([a.id]);
    await core.api.updateAnnotation({ id: a.id, note: 'Kilimanjaro' });
    expect(await found('zanzibar')).toEqual([]);
    expect(await found('kilimanjaro')).toEqual([a.id]);
    await core.api.deleteAnnotation({ id: a.id });
    expect(await found('kilimanjaro')).toEqual([]);
    await core.api.restoreAnnotation({ id: a.id });
    expect(await found('kilimanjaro')).toEqual([a.id]);
  });

  it('re-attaches an orphan to a selection the reader chooses', async () => {
    install(version1());
    const deletedCase = EDIT_TABLE.findIndex((c) => c.name === 'paragraph deleted');
    const { range } = unmark(EDIT_TABLE[deletedCase]!.before);
    const a = await core.api.createAnnotation({
      packId: PACK_ID,
      kind: 'note',
      itemId: caseId(deletedCase),
      start: range!.start,
      end: range!.end,
      note: 'time!',
    });
    install(version2());
    expect((await core.api.getAnnotation({ id: a.id })).status).toBe('orphaned');
    const text = unmark(EDIT_TABLE[deletedCase]!.after).text;
    const at = text.indexOf('Implementation');
    const re = await core.api.reattachAnnotation({ id: a.id, start: at, end: at + 14, quote: 'Implementation' });
    expect(re).toMatchObject({ status: 'anchored', note: 'time!', anchor: { quote: 'Implementation', start: at } });
    await expect(core.api.reattachAnnotation({ id: a.id })).rejects.toThrow(/Select the text/);
    const moved = await core.api.reattachAnnotation({
      id: a.id,
      kind: 'official',
      itemId: 'tanaka-hiroshi',
      start: 0,
      end: 6,
    });
    expect(moved).toMatchObject({ kind: 'official', itemId: 'tanaka-hiroshi', anchor: { quote: 'Update' } });
  });

  it('filters the list by pack, kind, colour, type, status and text', async () => {
    install(version1());
    const mk = (p: object) => core.api.createAnnotation({ packId: PACK_ID, kind: 'note', itemId: caseId(0), ...p });
    await mk({ start: 0, end: 8, color: 'blue', note: 'ask about 50% tariff' });
    await mk({ start: 9, end: 15, color: 'pink' });
    await mk({ note: 'whole-item note' });
    await core.api.createAnnotation({ packId: PACK_ID, kind: 'official', itemId: 'tanaka-hiroshi', note: 'Keio' });
    const list = (f: Parameters<typeof core.api.listAnnotations>[0]) =>
      core.api.listAnnotations(f).then((r) => r.total);
    expect(await list({})).toBe(4);
    expect(await list({ kind: 'official' })).toBe(1);
    expect(await list({ color: 'blue' })).toBe(1);
    expect(await list({ type: 'highlight' })).toBe(2);
    expect(await list({ type: 'item-note' })).toBe(2);
    expect(await list({ text: '50%' })).toBe(1);
    expect(await list({ text: 'tanaka' })).toBe(1); // the quote "Tanaka"
    expect(await list({ text: '5_' })).toBe(0); // LIKE wildcards are literal
    expect(await list({ status: 'orphaned' })).toBe(0);
    const onItem = await core.api.listAnnotations({ packId: PACK_ID, kind: 'note', itemId: caseId(0) });
    expect(onItem.annotations.map((a) => a.anchor?.start ?? null)).toEqual([null, 0, 9]);
    expect(onItem.annotations[1]).toMatchObject({ packTitle: 'Annotation test pack', itemTitle: EDIT_TABLE[0]!.name });
  });

  it('refuses bad input with errors that say what to fix', async () => {
    install(version1());
    const call = async (method: string, params: object) => {
      const r = await dispatch(core.api, method, params);
      if (r.ok) throw new Error(`${method} should have failed`);
      return r.error;
    };
    const ref = { packId: PACK_ID, kind: 'note', itemId: caseId(0) };
    expect(await call('createAnnotation', { ...ref, start: 0, end: 5, color: 'purple' })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/color: a colour is one of yellow, green, blue, pink/),
    });
    expect(await call('createAnnotation', { ...ref, start: 0, end: 999_999 })).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/not inside the item's text/),
    });
    expect(await call('createAnnotation', { ...ref, start: 5 })).toMatchObject({
      message: expect.stringMatching(/both start and end/),
    });
    expect(await call('createAnnotation', { ...ref, start: 0, end: 8, quote: 'Something else' })).toMatchObject({
      code: 'conflict',
    });
    expect(await call('createAnnotation', { ...ref, note: '   ' })).toMatchObject({
      message: expect.stringMatching(/needs some text/),
    });
    expect(await call('createAnnotation', { ...ref, note: 'x'.repeat(20_001) })).toMatchObject({
      message: expect.stringMatching(/at most 20000/),
    });
    expect(await call('createAnnotation', { ...ref, itemId: 'no-such-item', note: 'x' })).toMatchObject({
      code: 'not-found',
    });
    const a = await core.api.createAnnotation({ ...ref, kind: 'note', start: 0, end: 8 });
    expect(await call('updateAnnotation', { id: a.id, color: null })).toMatchObject({
      message: expect.stringMatching(/needs a colour/),
    });
    expect(await call('restoreAnnotation', { id: a.id.replace(/^./, a.id[0] === 'a' ? 'b' : 'a') })).toMatchObject({
      code: 'not-found',
    });
  });
});
