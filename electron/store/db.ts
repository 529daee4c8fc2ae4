// Opening a profile's database: WAL, foreign keys, and the numbered migrations, with
// the schema version kept in PRAGMA user_version.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../shared/errors';
import { MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export const DB_FILE_NAME = 'briefbook.sqlite3';

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for another ABI (Electron's). */
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

/** How much of the database file SQLite reads through a memory map. */
const MMAP_BYTES = 256 * 1024 * 1024;

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  // Reads through a memory map instead of a read() per page: at 100,000 items search's
  // p50 went from a median of 2.38 to 2.11 ms (npm run bench -- search, alternating runs).
  // Pages of the file the map covers are the OS's page cache, shared, not our heap.
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  // REPLACE conflicts must fire delete triggers too: the trigger that guards the
  // reader's annotations against any deletion but their own depends on it.
  db.pragma('recursive_triggers = ON');
  migrate(db, options.migrations ?? MIGRATIONS);
  return db;
}

/**
 * Runs work that can wait with no busy timeout: while another process (the CLI) holds
 * the write lock it gives up at once instead of holding the caller's thread, which in
 * the app is the main process, for up to the connection's busy timeout. False when it
 * gave up; SQLite rolled back whatever it had begun.
 */
export function unlessLocked(db: Db, work: () => void): boolean {
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    work();
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'SQLITE_BUSY') return false;
    throw err;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: readonly Migration[]): void {
  // A gap (say 005 shipped before 004) would make profiles skip a migration forever.
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`Migration ${m.name} is numbered ${m.version}; expected ${i + 1} (no gaps, in order).`);
  });
  const current = schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new BriefbookError(
      'conflict',
      `This data folder was written by a newer Briefbook (schema ${current}; this version knows ${latest}). Update Briefbook to open it; nothing was changed.`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}
