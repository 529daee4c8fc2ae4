import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, DB_FILE_NAME, type Db } from '../../../electron/store/db';
import { MIGRATIONS } from '../../../electron/store/migrations/index';
import { installPack, onInstall, removePack } from '../../../electron/store/install';
import { getItem, getPackContents, listPacks, readPhoto } from '../../../electron/store/packsRepo';
import { getSettings, markRead, setStarred, updateSettings } from '../../../electron/store/userData';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { BASE_FILES, tempDir, writeSourcePack } from '../../fixtures/sourcePack';
import { dumpStore } from '../../fixtures/storeDump';

const open: Db[] = [];
function freshDb(dir = tempDir()): Db {
  const db = openDatabase(path.join(dir, DB_FILE_NAME));
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

const local = { origin: 'local-draft' as const, source: 'test' };

describe('the store', () => {
  it('creates the schema at open, in WAL mode with foreign keys, and records its version', () => {
    const db = freshDb();
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keeps data across reopen and refuses a database from a newer version without touching it', () => {
    const dir = tempDir();
    const db = freshDb(dir);
    installPack(db, readSourceFolder(writeSourcePack()), local);
    db.close();
    const again = freshDb(dir);
    expect(listPacks(again).map((p) => p.id)).toEqual(['test-summit']);
    again.pragma('user_version = 999');
    again.close();
    expect(() => freshDb(dir)).toThrow(/written by a newer Briefbook \(schema 999/);
    const raw = new Database(path.join(dir, DB_FILE_NAME));
    expect(raw.pragma('user_version', { simple: true })).toBe(999);
    raw.close();
  });

  it('installs a pack with its items, photo and meeting times', () => {
    const db = freshDb();
    const result = installPack(db, readSourceFolder(writeSourcePack()), local);
    expect(result).toMatchObject({ packId: 'test-summit', version: 1, previousVersion: null });
    expect(result.added).toHaveLength(5);
    const contents = getPackContents(db, 'test-summit');
    expect(contents.pack.counts).toEqual({ official: 2, meeting: 1, 'talking-point': 1, note: 1 });
    const meeting = getItem(db, 'test-summit', 'meeting', 'bilateral-japan');
    expect(meeting.title).toBe('Bilateral with Japan');
    // 09:30 in Honolulu (UTC-10) is 19:30 UTC.
    const row = db.prepare("SELECT starts_at FROM items WHERE id = 'bilateral-japan'").get() as { starts_at: number };
    expect(new Date(row.starts_at).toISOString()).toBe('2027-03-15T19:30:00.000Z');
    expect(
      readPhoto(db, 'test-summit', 'photos/tanaka.png')?.bytes.equals(BASE_FILES['photos/tanaka.png'] as Buffer),
    ).toBe(true);
  });

  it("reports what an update added, changed and removed, and never touches the reader's data", () => {
    const db = freshDb();
    installPack(db, readSourceFolder(writeSourcePack()), local);
    const ref = { packId: 'test-summit', kind: 'official' as const, itemId: 'yoon-seo-yeon' };
    setStarred(db, ref, true);
    markRead(db, ref);
    updateSettings(db, { theme: 'dark', homeTimeZone: 'Asia/Tokyo' });
    db.prepare(
      "INSERT INTO annotations (id, pack_id, item_kind, item_id, quote, note, created_at, updated_at) VALUES ('a1', 'test-summit', 'official', 'yoon-seo-yeon', '5G policy', 'ask about spectrum', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
    ).run();
    const userTables = () => {
      const d = dumpStore(db);
      return { annotations: d.annotations, stars: d.stars, read_state: d.read_state, settings: d.settings };
    };
    const before = userTables();

    const edited = writeSourcePack({
      'officials/yoon-seo-yeon.md': null,
      'meetings/bilateral-japan.md': String(BASE_FILES['meetings/bilateral-japan.md']).replace(', yoon-seo-yeon]', ']'),
      'notes/context.md': String(BASE_FILES['notes/context.md']).replace("last year's", 'the previous'),
      'notes/new-note.md': '---\ntitle: New\n---\nFresh.',
    });
    const result = installPack(db, readSourceFolder(edited), local);
    expect(result).toMatchObject({
      version: 2,
      previousVersion: 1,
      added: [{ kind: 'note', id: 'new-note' }],
      changed: [
        { kind: 'meeting', id: 'bilateral-japan' },
        { kind: 'note', id: 'context' },
      ],
      removed: [{ kind: 'official', id: 'yoon-seo-yeon' }],
    });
    expect(userTables()).toEqual(before);
    expect(getSettings(db)).toMatchObject({ theme: 'dark', homeTimeZone: 'Asia/Tokyo' });
  });

  it('leaves the old version untouched when an install fails half-way', () => {
    const db = freshDb();
    installPack(db, readSourceFolder(writeSourcePack()), local);
    const before = dumpStore(db);
    let fail = true;
    onInstall(() => {
      if (fail) throw new Error('simulated crash inside the install transaction');
    });
    const edited = readSourceFolder(writeSourcePack({ 'notes/context.md': '---\ntitle: Changed\n---\nChanged.' }));
    expect(() => installPack(db, edited, local)).toThrow(/simulated crash/);
    fail = false;
    expect(dumpStore(db)).toEqual(before);
  });

  it("removes a pack but keeps the reader's annotations on it", () => {
    const db = freshDb();
    installPack(db, readSourceFolder(writeSourcePack()), local);
    db.prepare(
      "INSERT INTO annotations (id, pack_id, item_kind, item_id, note, created_at, updated_at) VALUES ('a1', 'test-summit', 'note', 'context', 'keep me', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')",
    ).run();
    expect(removePack(db, 'test-summit')).toBe(true);
    expect(listPacks(db)).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT note FROM annotations').all()).toEqual([{ note: 'keep me' }]);
  });

  it('falls back to defaults for damaged settings instead of failing', () => {
    const db = freshDb();
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('textSize', '\"huge\"'), ('theme', '\"dark\"')").run();
    expect(getSettings(db)).toMatchObject({ textSize: 16, theme: 'dark' });
  });
});

describe('migrations', () => {
  it('refuses a numbering gap instead of letting profiles skip a migration', () => {
    const gap = [MIGRATIONS[0]!, { ...MIGRATIONS[1]!, version: 3 }];
    expect(() => openDatabase(path.join(tempDir(), DB_FILE_NAME), { migrations: gap })).toThrow(
      /numbered 3; expected 2/,
    );
  });

  it('applies only the migrations a profile has not seen yet, keeping what it holds', () => {
    const dir = tempDir();
    // A profile from the first release: its schema, and a pack as that release wrote it.
    const pack = readSourceFolder(writeSourcePack());
    const old = openDatabase(path.join(dir, DB_FILE_NAME), { migrations: MIGRATIONS.slice(0, 1) });
    old
      .prepare(
        `INSERT INTO packs (id, title, meta_json, version, origin, source, installed_at)
         VALUES (?, ?, ?, 1, 'local-draft', 'test', '2027-01-01T00:00:00.000Z')`,
      )
      .run(pack.meta.id, pack.meta.title, JSON.stringify(pack.meta));
    const note = pack.items.find((i) => i.kind === 'note')!;
    old
      .prepare(
        `INSERT INTO items (pack_id, kind, id, title, data_json, body, plain_text, sha256)
         VALUES (?, 'note', ?, 'A note', ?, ?, '', 'sha')`,
      )
      .run(pack.meta.id, note.id, JSON.stringify(note.data), note.body);
    old.close();
    const upgraded = freshDb(dir);
    expect(schemaVersion(upgraded)).toBe(MIGRATIONS.length);
    expect(listPacks(upgraded).map((p) => p.id)).toEqual(['test-summit']);
    expect(getItem(upgraded, pack.meta.id, 'note', note.id).body).toBe(note.body);
  });
});
