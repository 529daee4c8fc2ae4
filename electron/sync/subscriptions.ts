// The subscriptions table (migration 4): where each pack is synced from and how the
// last attempts went.
import type { ErrorCode } from '../../shared/errors';
import type { Db } from '../store/db';

export interface Subscription {
  packId: string;
  url: string;
  etag: string | null;
  manifestSha256: string | null;
  version: number | null;
  addedAt: string;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastErrorCode: ErrorCode | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

interface Row {
  pack_id: string;
  url: string;
  etag: string | null;
  manifest_sha256: string | null;
  version: number | null;
  added_at: string;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error_code: ErrorCode | null;
  last_error: string | null;
  last_error_at: string | null;
}

const toSub = (r: Row): Subscription => ({
  packId: r.pack_id,
  url: r.url,
  etag: r.etag,
  manifestSha256: r.manifest_sha256,
  version: r.version,
  addedAt: r.added_at,
  lastAttemptAt: r.last_attempt_at,
  lastSuccessAt: r.last_success_at,
  lastErrorCode: r.last_error_code,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
});

export function listSubscriptions(db: Db): Subscription[] {
  return (db.prepare('SELECT * FROM subscriptions ORDER BY pack_id').all() as Row[]).map(toSub);
}

export function getSubscription(db: Db, packId: string): Subscription | null {
  const row = db.prepare('SELECT * FROM subscriptions WHERE pack_id = ?').get(packId) as Row | undefined;
  return row ? toSub(row) : null;
}

export function upsertSubscription(db: Db, packId: string, url: string, now: Date): void {
  db.prepare(
    `INSERT INTO subscriptions (pack_id, url, added_at) VALUES (?, ?, ?)
     ON CONFLICT (pack_id) DO UPDATE SET url = excluded.url`,
  ).run(packId, url, now.toISOString());
}

export function deleteSubscription(db: Db, packId: string): boolean {
  return db.prepare('DELETE FROM subscriptions WHERE pack_id = ?').run(packId).changes > 0;
}

/** The host answered and the pack is current: record what is installed and clear the error. */
export function recordSuccess(
  db: Db,
  packId: string,
  installed: { etag: string | null; manifestSha256: string; version: number },
  now: Date,
): void {
  db.prepare(
    `UPDATE subscriptions SET etag = ?, manifest_sha256 = ?, version = ?, last_attempt_at = ?, last_success_at = ?,
       last_error_code = NULL, last_error = NULL, last_error_at = NULL WHERE pack_id = ?`,
  ).run(installed.etag, installed.manifestSha256, installed.version, now.toISOString(), now.toISOString(), packId);
}

export function recordUpToDate(db: Db, packId: string, etag: string | null, now: Date): void {
  db.prepare(
    `UPDATE subscriptions SET etag = coalesce(?, etag), last_attempt_at = ?, last_success_at = ?,
       last_error_code = NULL, last_error = NULL, last_error_at = NULL WHERE pack_id = ?`,
  ).run(etag, now.toISOString(), now.toISOString(), packId);
}

export function recordFailure(db: Db, packId: string, code: ErrorCode, message: string, now: Date): void {
  db.prepare(
    `UPDATE subscriptions SET last_attempt_at = ?, last_error_code = ?, last_error = ?, last_error_at = ? WHERE pack_id = ?`,
  ).run(now.toISOString(), code, message, now.toISOString(), packId);
}
