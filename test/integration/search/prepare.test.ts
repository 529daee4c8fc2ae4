// Getting search ready before the reader types: queries drawn from the library, run in
// the background one per turn of the event loop, stopping when cancelled or closed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installPack } from '../../../electron/store/install';
import { prepareSearch, prepareSearchSoon, search } from '../../../electron/search/index';
import { warmUpQueries } from '../../../electron/search/prepare';
import { openDatabase, type Db } from '../../../electron/store/db';
import { meeting, note, OFFICIALS, pack, talkingPoint, tempDb } from './fixture';

let db: Db;
let cleanup: () => void;

beforeEach(() => {
  ({ db, cleanup } = tempDb());
  installPack(
    db,
    pack('fixture', [
      ...OFFICIALS,
      note('cables', 'Undersea cable security review', 'Landing stations need cable security reviews.'),
      meeting('bilateral', 'Bilateral with Japan', 'Objectives: supply chains.', ['Opening remarks']),
      talkingPoint('chips', 'Chip export controls', 'Raise supply chains.'),
    ]),
    { origin: 'local-draft', source: 'test' },
  );
});
afterEach(() => cleanup());

const segments = (): number => db.prepare('SELECT count(DISTINCT segid) FROM search_fts_idx').pluck().get() as number;

describe('warm-up queries', () => {
  it('type what a reader would, on the library’s own names and titles', () => {
    const queries = warmUpQueries(db);
    // A surname letter by letter, the full name, a misspelling, a native-script name.
    expect(queries).toEqual(expect.arrayContaining(['W', 'Wa', 'Wat', 'Watanabe Shigehiro', '渡辺重宏']));
    expect(queries).toContain('Watanabe Shigehiro'.slice(0, 9) + 'Shigehiro'.slice(1));
    // A title word, its first letters, and a phrase in quotes.
    expect(queries).toEqual(expect.arrayContaining(['Undersea', 'Und', '"Undersea cable security"']));
  });

  it('find what they were drawn from, so they run the same code a reader’s queries do', () => {
    const first = (query: string): string | undefined => search(db, { query }).hits[0]?.itemId;
    expect(first('Watanabe Shigehiro')).toBe('watanabe-shigehiro');
    expect(first('Watanabe higehiro')).toBe('watanabe-shigehiro');
    expect(first('"Undersea cable security"')).toBe('cables');
  });

  it('are none on an empty library, where preparing is still harmless', () => {
    const { db: empty, cleanup: done } = tempDb();
    try {
      expect(warmUpQueries(empty)).toEqual([]);
      expect(() => prepareSearch(empty)).not.toThrow();
    } finally {
      done();
    }
  });
});

describe('merging the full-text index', () => {
  it('leaves one segment after many installs, and finds exactly what it found before', () => {
    for (let v = 0; v < 6; v++)
      installPack(
        db,
        pack(`extra-${v}`, [
          note(`n${v}`, `Maritime brief ${v}`, `Cable security and port access, part ${v}.`),
          talkingPoint(`tp${v}`, `Supply chains ${v}`, 'Raise semiconductor supply with Watanabe.'),
        ]),
        { origin: 'local-draft', source: 'test' },
      );
    expect(segments()).toBeGreaterThan(2);
    const queries = ['cable security', 'Watanabe', 'supp', '"port access"', '渡辺', 'Maritime brief 3'];
    const before = queries.map((query) => search(db, { query, limit: 50 }).hits);
    prepareSearch(db);
    expect(segments()).toBe(1);
    expect(queries.map((query) => search(db, { query, limit: 50 }).hits)).toEqual(before);
    expect(() => db.prepare("INSERT INTO search_fts(search_fts) VALUES('integrity-check')").run()).not.toThrow();
  });
});

describe('merging while another process writes', () => {
  it('gives up at once instead of waiting on the lock, and merges next time', async () => {
    for (let v = 0; v < 6; v++)
      installPack(db, pack(`extra-${v}`, [note(`n${v}`, `Brief ${v}`, `Port access ${v}.`)]), {
        origin: 'local-draft',
        source: 'test',
      });
    // The index brought up to date first: that is a write of its own, made on the first search.
    search(db, { query: 'port' });
    // As in the app: a long busy timeout, which a merge step must not sit out.
    db.pragma('busy_timeout = 30000');
    const other = openDatabase(db.name);
    other.exec('BEGIN IMMEDIATE');
    try {
      await prepareSearchSoon(db).done;
      expect(segments()).toBeGreaterThan(2);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(db.pragma('busy_timeout', { simple: true })).toBe(30000);
    await prepareSearchSoon(db).done;
    expect(segments()).toBe(1);
  }, 10_000);
});

describe('searching while another process writes', () => {
  it('answers from the index as it is, and indexes what was written once the lock is free', () => {
    // A second connection, as after a restart: its first search brings the index up to
    // date, which writes (annotations are indexed again).
    const app = openDatabase(db.name);
    app.pragma('busy_timeout = 30000');
    const other = openDatabase(db.name);
    try {
      other.exec('BEGIN IMMEDIATE');
      other
        .prepare(
          `INSERT INTO annotations (id, pack_id, item_kind, item_id, note, created_at, updated_at)
           VALUES ('a1', 'fixture', 'note', 'cables', 'Ask about repair ships', '2030-05-01', '2030-05-01')`,
        )
        .run();
      // Before, this search failed: "database is locked".
      expect(search(app, { query: 'cable security' }).hits[0]?.itemId).toBe('cables');
      other.exec('COMMIT');
      expect(app.pragma('busy_timeout', { simple: true })).toBe(30000);
      const hits = search(app, { query: 'repair ships' }).hits;
      expect(hits.map((h) => [h.kind, h.annotationId])).toContainEqual(['annotation', 'a1']);
    } finally {
      if (other.inTransaction) other.exec('ROLLBACK');
      other.close();
      app.close();
    }
  }, 10_000);
});

describe('preparing in the background', () => {
  it('runs one step per turn of the event loop, so other work is not held up', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    try {
      const steps = await prepareSearchSoon(db).done;
      // One step per pack index, the vocabulary, the three that plan the rest, and each
      // query (one install leaves the full-text index small enough not to merge).
      expect(steps).toBe(1 + 1 + 3 + warmUpQueries(db).length);
      expect(turns).toBeGreaterThan(steps / 2);
    } finally {
      clearInterval(ticker);
    }
  });

  it('can leave out the warm-up queries, for a process that has run them once', async () => {
    expect(await prepareSearchSoon(db, { warmUp: false }).done).toBe(1 + 1 + 2);
  });

  it('stops when cancelled', async () => {
    const preparing = prepareSearchSoon(db);
    preparing.cancel();
    expect(await preparing.done).toBe(0);
  });

  it('stops without an error when the database closes under it', async () => {
    const { db: other, cleanup: done } = tempDb();
    installPack(other, pack('other', OFFICIALS), { origin: 'local-draft', source: 'test' });
    const preparing = prepareSearchSoon(other);
    await new Promise((resolve) => setTimeout(resolve, 0));
    done();
    const steps = await preparing.done;
    expect(steps).toBeLessThan(4 + warmUpQueries(db).length);
  });
});
