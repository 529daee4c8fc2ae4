// Expiry, enforced locally whether or not there is a network: a pack is "expiring"
// (the reader is warned) for three days before its `expires`, locked from `expires`
// (its content is no longer shown; the reader can still export their notes), and
// purged a day later (content, photos and search entries removed; the reader's own
// annotations, stars and read state stay, as after any removal, and remain exportable).
import { BriefbookError } from '../../shared/errors';
import type { ExpiryInfo } from '../../shared/syncApi';
import type { Db } from '../store/db';
import { removePack } from '../store/install';

export const WARN_BEFORE_MS = 3 * 24 * 3600 * 1000;
export const PURGE_AFTER_MS = 24 * 3600 * 1000;

export function expiryOf(expires: string | null | undefined, now: Date): ExpiryInfo {
  if (!expires) return { expires: null, state: 'none', purgeAt: null };
  const at = Date.parse(expires);
  if (Number.isNaN(at)) return { expires, state: 'none', purgeAt: null };
  const purgeAt = new Date(at + PURGE_AFTER_MS).toISOString();
  const t = now.getTime();
  const state = t >= at ? 'locked' : t >= at - WARN_BEFORE_MS ? 'expiring' : 'ok';
  return { expires, state, purgeAt };
}

export function packExpiries(db: Db, now: Date): ({ packId: string; title: string } & ExpiryInfo)[] {
  const rows = db
    .prepare("SELECT id, title, json_extract(meta_json, '$.expires') AS expires FROM packs ORDER BY id")
    .all() as { id: string; title: string; expires: string | null }[];
  return rows.map((r) => ({ packId: r.id, title: r.title, ...expiryOf(r.expires, now) }));
}

/** Throws 'expired' when the pack is locked: called before any of its content is shown. */
export function assertReadable(db: Db, packId: string, now: Date): void {
  const row = db
    .prepare("SELECT title, json_extract(meta_json, '$.expires') AS expires FROM packs WHERE id = ?")
    .get(packId) as { title: string; expires: string | null } | undefined;
  if (!row) return;
  const e = expiryOf(row.expires, now);
  if (e.state === 'locked')
    throw new BriefbookError(
      'expired',
      `${row.title} expired on ${e.expires} and is locked; it will be removed from this computer on ${e.purgeAt}. Your own notes on it can still be exported. Sync to get a current version, if the publisher has one.`,
    );
}

/** Remove every pack past its purge time. Returns the ids removed. */
export function purgeExpired(db: Db, now: Date): string[] {
  const purged: string[] = [];
  for (const p of packExpiries(db, now)) {
    if (p.state !== 'locked' || !p.purgeAt || Date.parse(p.purgeAt) > now.getTime()) continue;
    if (removeContent(db, p.packId)) purged.push(p.packId);
  }
  return purged;
}

/**
 * Remove a pack's content with the copies kept for diffs (which hold its text too).
 * The reader's annotations, stars and read state stay.
 */
export function removeContent(db: Db, packId: string): boolean {
  return db.transaction(() => {
    const removed = removePack(db, packId);
    db.prepare('DELETE FROM item_versions WHERE pack_id = ?').run(packId);
    db.prepare('DELETE FROM pack_changes WHERE pack_id = ?').run(packId);
    return removed;
  })();
}
