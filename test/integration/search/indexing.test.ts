// The index follows the packs: updated inside the install transaction (a failed
// install leaves it as it was), re-indexed item by item on update, emptied on removal,
// and it carries the reader's annotations, which outlive their pack.
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { installPack, onInstall, removePack } from '../../../electron/store/install';
import { indexAnnotation, search, unindexAnnotation } from '../../../electron/search/index';
import { openDatabase, type Db } from '../../../electron/store/db';
import { meeting, note, official, OFFICIALS, pack, tempDb } from './fixture';

let db: Db;
let cleanup: () => void;
let failNextInstall = false;
onInstall(() => {
  if (failNextInstall) throw new Error('simulated failure after the index was updated');
});

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  failNextInstall = false;
});
afterEach(() => cleanup());

const ids = (query: string, extra: Parameters<typeof search>[1] = { query }): string[] =>
  search(db, { ...extra, query }).hits.map((h) => `${h.packId}/${h.itemId}`);
const install = (p: ReturnType<typeof pack>) => installPack(db, p, { origin: 'local-draft', source: 'test' });

describe('index maintenance', () => {
  it('is updated in the install transaction: a failed install leaves it unchanged', () => {
    install(pack('a', [note('n1', 'Fisheries', 'Quota talks on bluefin tuna.')]));
    expect(ids('bluefin')).toEqual(['a/n1']);
    failNextInstall = true;
    expect(() => install(pack('a', [note('n1', 'Fisheries', 'Quota talks on albacore.')]))).toThrow(/simulated/);
    expect(ids('bluefin')).toEqual(['a/n1']);
    expect(ids('albacore')).toEqual([]);
    expect(db.prepare('SELECT version FROM packs').get()).toEqual({ version: 1 });
  });

  it('re-indexes added, changed and removed items on update, and the name index follows', () => {
    install(pack('a', [note('n1', 'Fisheries', 'bluefin'), note('n2', 'Energy', 'hydrogen'), OFFICIALS[0]!]));
    expect(ids('Sigehiro')).toEqual(['a/watanabe-shigehiro']);
    install(
      pack('a', [
        note('n1', 'Fisheries', 'albacore'),
        note('n3', 'Mining', 'lithium'),
        official({ id: 'kato-ken', name: 'Katō Ken', country: 'Japan' }),
      ]),
    );
    expect(ids('bluefin')).toEqual([]);
    expect(ids('albacore')).toEqual(['a/n1']);
    expect(ids('hydrogen')).toEqual([]);
    expect(ids('lithium')).toEqual(['a/n3']);
    expect(ids('Sigehiro')).toEqual([]);
    expect(ids('Katou')).toEqual(['a/kato-ken']);
    const docs = db.prepare("SELECT count(*) AS n FROM search_docs WHERE pack_id = 'a'").get() as { n: number };
    expect(docs.n).toBe(3);
  });

  it('empties a removed pack from the index and leaves other packs', () => {
    install(pack('a', [note('n1', 'Fisheries', 'bluefin')]));
    install(pack('b', [note('n1', 'Fisheries', 'bluefin stocks')]));
    expect(ids('bluefin').sort()).toEqual(['a/n1', 'b/n1']);
    removePack(db, 'a');
    expect(ids('bluefin')).toEqual(['b/n1']);
    expect(db.prepare('SELECT count(*) AS n FROM search_fts').get()).toEqual({ n: 1 });
  });

  it('catches up with packs installed before the search index existed', () => {
    install(pack('a', [note('n1', 'Fisheries', 'bluefin')]));
    db.exec('DELETE FROM search_docs; UPDATE search_packs SET indexed_version = NULL');
    expect(ids('bluefin')).toEqual(['a/n1']);
  });

  it('sees a pack another connection installed since the last query (the CLI while the app runs)', () => {
    install(pack('a', [note('n1', 'Fisheries', 'bluefin')]));
    expect(ids('Sigehiro')).toEqual([]);
    const other = openDatabase(db.name);
    try {
      installPack(other, pack('b', [OFFICIALS[0]!]), { origin: 'local-draft', source: 'cli' });
    } finally {
      other.close();
    }
    // Only the name index finds this spelling, and it covers only the packs search knows of.
    expect(ids('Sigehiro')).toEqual(['b/watanabe-shigehiro']);
  });

  it("shows a hit's own text even when its document points at another item's row", () => {
    install(
      pack('a', [note('n1', 'Fisheries', 'Quota talks on bluefin tuna.'), note('n2', 'Energy', 'Hydrogen pipelines.')]),
    );
    const snippet = (): string =>
      search(db, { query: 'bluefin' })
        .hits.map((h) => h.snippet.map((s) => s.text).join(''))
        .join();
    expect(snippet()).toContain('Quota talks on bluefin tuna.');
    db.exec("UPDATE search_docs SET item_rowid = (SELECT rowid FROM items WHERE id = 'n2') WHERE item_id = 'n1'");
    expect(snippet()).toContain('Quota talks on bluefin tuna.');
    db.exec("UPDATE search_docs SET item_rowid = NULL WHERE item_id = 'n1'");
    expect(snippet()).toContain('Quota talks on bluefin tuna.');
  });

  it('gives documents indexed before migration 7 their item rows', () => {
    install(pack('a', [note('n1', 'Fisheries', 'bluefin'), meeting('m1', 'Talks', 'Agenda.', ['Opening'])]));
    const file = db.name;
    db.exec('ALTER TABLE search_docs DROP COLUMN item_rowid; PRAGMA user_version = 6');
    db.close();
    db = openDatabase(file);
    onTestFinished(() => {
      db.close();
    });
    const rows = db
      .prepare(
        `SELECT d.kind, d.agenda_index, d.item_rowid = i.rowid AS same FROM search_docs d
           JOIN items i ON i.pack_id = d.pack_id AND i.kind = d.item_kind AND i.id = d.item_id ORDER BY d.rowid`,
      )
      .all();
    expect(rows).toEqual([
      { kind: 'note', agenda_index: null, same: 1 },
      { kind: 'meeting', agenda_index: null, same: 1 },
      { kind: 'meeting', agenda_index: 0, same: 1 },
    ]);
    expect(ids('bluefin')).toEqual(['a/n1']);
  });
});

describe('annotations', () => {
  const row = (id: string, note: string, quote: string | null = null) => ({
    id,
    pack_id: 'a',
    item_kind: 'note',
    item_id: 'n1',
    quote,
    note,
  });
  const insert = (r: ReturnType<typeof row>) =>
    db
      .prepare(
        `INSERT INTO annotations (id, pack_id, item_kind, item_id, quote, note, start_pos, end_pos, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 0, 7, '2027-03-15T00:00:00Z', '2027-03-15T00:00:00Z')`,
      )
      .run(r.id, r.pack_id, r.item_kind, r.item_id, r.quote, r.note);

  it('are searchable as kind "annotation", point at their item, and outlive the pack', () => {
    install(pack('a', [note('n1', 'Fisheries', 'Bluefin quota talks.')]));
    const r = row('00000000-0000-4000-8000-000000000001', 'Ask about the 2028 quota review', 'Bluefin');
    insert(r);
    indexAnnotation(db, r);
    const hit = search(db, { query: 'quota review' }).hits.find((h) => h.kind === 'annotation');
    expect(hit).toMatchObject({
      itemKind: 'note',
      itemId: 'n1',
      annotationId: r.id,
      anchor: { type: 'text', start: 0, end: 7 },
    });
    expect(hit?.subtitle).toContain('Fisheries');
    expect(search(db, { query: 'review', kinds: ['annotation'] }).hits).toHaveLength(1);
    removePack(db, 'a');
    expect(search(db, { query: 'review' }).hits.map((h) => h.kind)).toEqual(['annotation']);
    unindexAnnotation(db, r.id);
    expect(db.prepare("SELECT count(*) AS n FROM search_docs WHERE kind = 'annotation'").get()).toEqual({ n: 0 });
  });

  it('are indexed even when saved without calling indexAnnotation', () => {
    install(pack('a', [note('n1', 'Fisheries', 'Bluefin quota talks.')]));
    insert(row('00000000-0000-4000-8000-000000000002', '다음 회의에서 확인'));
    expect(search(db, { query: '회의' }).hits.map((h) => h.kind)).toEqual(['annotation']);
  });
});
