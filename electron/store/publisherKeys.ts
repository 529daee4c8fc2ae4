// The publisher key pinned for each signed pack, and the keys it replaced.
import type { Db } from './db';

export interface PinnedKey {
  packId: string;
  publicKey: string;
  keyId: string;
  pinnedVia: 'reader' | 'rotation';
  pinnedAt: string;
  retiredAt: string | null;
}

interface Row {
  pack_id: string;
  public_key: string;
  key_id: string;
  pinned_via: PinnedKey['pinnedVia'];
  pinned_at: string;
  retired_at: string | null;
}

const toPin = (r: Row): PinnedKey => ({
  packId: r.pack_id,
  publicKey: r.public_key,
  keyId: r.key_id,
  pinnedVia: r.pinned_via,
  pinnedAt: r.pinned_at,
  retiredAt: r.retired_at,
});

export function currentPin(db: Db, packId: string): PinnedKey | null {
  const row = db.prepare('SELECT * FROM publisher_keys WHERE pack_id = ? AND retired_at IS NULL').get(packId) as
    Row | undefined;
  return row ? toPin(row) : null;
}

/** Every key pinned for the pack, oldest first. */
export function keyHistory(db: Db, packId: string): PinnedKey[] {
  return (
    db.prepare('SELECT * FROM publisher_keys WHERE pack_id = ? ORDER BY pinned_at, rowid').all(packId) as Row[]
  ).map(toPin);
}

/** Make `key` the pack's current key, retiring the one before. Call inside the install transaction. */
export function pinKey(
  db: Db,
  packId: string,
  key: { publicKey: string; keyId: string },
  via: PinnedKey['pinnedVia'],
  now: Date,
): void {
  const at = now.toISOString();
  const current = currentPin(db, packId);
  if (current?.publicKey === key.publicKey) return;
  db.prepare('UPDATE publisher_keys SET retired_at = ? WHERE pack_id = ? AND retired_at IS NULL').run(at, packId);
  db.prepare(
    `INSERT INTO publisher_keys (pack_id, public_key, key_id, pinned_via, pinned_at, retired_at)
     VALUES (?, ?, ?, ?, ?, NULL)
     ON CONFLICT (pack_id, public_key) DO UPDATE SET pinned_via = excluded.pinned_via,
       pinned_at = excluded.pinned_at, retired_at = NULL`,
  ).run(packId, key.publicKey, key.keyId, via, at);
}
