// Prepared statements cached per connection: preparing costs more than running the
// small lookups search makes per hit.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db';

const cache = new WeakMap<Db, Map<string, Statement>>();

export function stmt(db: Db, sql: string): Statement {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let s = perDb.get(sql);
  if (!s) perDb.set(sql, (s = db.prepare(sql)));
  return s;
}
