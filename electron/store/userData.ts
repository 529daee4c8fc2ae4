// The reader's own data: settings, stars, read state. Pack installs never write here.
import { DEFAULT_SETTINGS, Settings } from '../../shared/api';
import type { ItemRef } from '../../shared/model';
import type { Db } from './db';

export function getSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
  const stored: Record<string, unknown> = {};
  for (const r of rows) stored[r.key] = JSON.parse(r.value_json);
  // A value from an older or damaged profile falls back to its default rather than breaking the app.
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in stored)) continue;
    const one = Settings.shape[key].safeParse(stored[key]);
    if (one.success) merged[key] = one.data;
  }
  return merged as Settings;
}

export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  const put = db.prepare(
    'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json',
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) put.run(key, JSON.stringify(value));
  })();
  return getSettings(db);
}

export function setStarred(db: Db, ref: ItemRef, starred: boolean, now = new Date()): boolean {
  if (starred) {
    db.prepare('INSERT OR IGNORE INTO stars (pack_id, item_kind, item_id, created_at) VALUES (?, ?, ?, ?)').run(
      ref.packId,
      ref.kind,
      ref.itemId,
      now.toISOString(),
    );
  } else {
    db.prepare('DELETE FROM stars WHERE pack_id = ? AND item_kind = ? AND item_id = ?').run(
      ref.packId,
      ref.kind,
      ref.itemId,
    );
  }
  return starred;
}

export function markRead(db: Db, ref: ItemRef, now = new Date()): string {
  const row = db
    .prepare('SELECT sha256 FROM items WHERE pack_id = ? AND kind = ? AND id = ?')
    .get(ref.packId, ref.kind, ref.itemId) as { sha256: string } | undefined;
  const readAt = now.toISOString();
  db.prepare(
    `INSERT INTO read_state (pack_id, item_kind, item_id, read_at, read_sha256) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(pack_id, item_kind, item_id) DO UPDATE SET read_at = excluded.read_at, read_sha256 = excluded.read_sha256`,
  ).run(ref.packId, ref.kind, ref.itemId, readAt, row?.sha256 ?? '');
  return readAt;
}
