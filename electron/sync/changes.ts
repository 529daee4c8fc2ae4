// "What changed since I last read it": recorded by an install hook (inside the install
// transaction), read back with a readable line diff against the version the reader
// last opened (kept in item_versions by the migration-4 triggers).
import { diffLines } from 'diff';
import type { ChangedItem, DiffLine, PackChanges } from '../../shared/syncApi';
import type { ItemKind } from '../../shared/model';
import type { Db } from '../store/db';
import { onInstall, type InstallResult } from '../store/install';

interface ChangeRow {
  item_kind: ItemKind;
  item_id: string;
  change: 'added' | 'changed' | 'removed';
  title: string;
  version: number;
  recorded_at: string;
}

interface ItemRow {
  kind: ItemKind;
  id: string;
  title: string;
  data_json: string;
  body: string;
  sha256: string;
}

/** The install hook: fold this install's added/changed/removed into pack_changes, prune what is no longer needed. */
export function recordChangesOnInstall(db: Db, result: InstallResult): void {
  const { packId, version } = result;
  const at = new Date().toISOString();
  if (result.previousVersion !== null) {
    const existing = db.prepare('SELECT change FROM pack_changes WHERE pack_id = ? AND item_kind = ? AND item_id = ?');
    const put = db.prepare(
      `INSERT INTO pack_changes (pack_id, item_kind, item_id, change, title, version, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (pack_id, item_kind, item_id) DO UPDATE SET change = excluded.change, title = excluded.title,
         version = excluded.version, recorded_at = excluded.recorded_at`,
    );
    const drop = db.prepare('DELETE FROM pack_changes WHERE pack_id = ? AND item_kind = ? AND item_id = ?');
    const titleOf = db.prepare('SELECT title FROM items WHERE pack_id = ? AND kind = ? AND id = ?');
    const oldTitle = db.prepare(
      'SELECT title FROM item_versions WHERE pack_id = ? AND item_kind = ? AND item_id = ? ORDER BY rowid DESC LIMIT 1',
    );
    const wasRead = db.prepare('SELECT 1 FROM read_state WHERE pack_id = ? AND item_kind = ? AND item_id = ?');
    const title = (kind: string, id: string) =>
      (titleOf.get(packId, kind, id) as { title: string } | undefined)?.title ?? id;
    for (const k of result.added) {
      const prev = (existing.get(packId, k.kind, k.id) as { change: string } | undefined)?.change;
      put.run(packId, k.kind, k.id, prev === 'removed' ? 'changed' : 'added', title(k.kind, k.id), version, at);
    }
    for (const k of result.changed) {
      const prev = (existing.get(packId, k.kind, k.id) as { change: string } | undefined)?.change;
      put.run(packId, k.kind, k.id, prev === 'added' ? 'added' : 'changed', title(k.kind, k.id), version, at);
    }
    for (const k of result.removed) {
      const prev = (existing.get(packId, k.kind, k.id) as { change: string } | undefined)?.change;
      if (prev === 'added' && !wasRead.get(packId, k.kind, k.id)) {
        drop.run(packId, k.kind, k.id);
        continue;
      }
      const t = (oldTitle.get(packId, k.kind, k.id) as { title: string } | undefined)?.title ?? k.id;
      put.run(packId, k.kind, k.id, 'removed', t, version, at);
    }
  }
  // A kept copy is needed only while it is what the reader last read and differs from what is installed.
  db.prepare(
    `DELETE FROM item_versions WHERE pack_id = ? AND (
       NOT EXISTS (SELECT 1 FROM read_state r WHERE r.pack_id = item_versions.pack_id AND r.item_kind = item_versions.item_kind
                   AND r.item_id = item_versions.item_id AND r.read_sha256 = item_versions.sha256)
       OR EXISTS (SELECT 1 FROM items i WHERE i.pack_id = item_versions.pack_id AND i.kind = item_versions.item_kind
                  AND i.id = item_versions.item_id AND i.sha256 = item_versions.sha256))`,
  ).run(packId);
}

export function setupChangeTracking(): void {
  onInstall(recordChangesOnInstall);
}

function itemText(title: string, dataJson: string, body: string): string {
  const data = JSON.parse(dataJson) as Record<string, unknown>;
  const fields = Object.entries(data)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return `${title}\n\n${fields.join('\n')}\n\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

const CONTEXT = 2;

/** A line diff with unchanged runs shortened to a little context around each change. */
export function readableDiff(before: string, after: string): { lines: DiffLine[]; added: number; removed: number } {
  const lines: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  for (const part of diffLines(before, after)) {
    const texts = part.value.replace(/\n$/, '').split('\n');
    const op = part.added ? 'added' : part.removed ? 'removed' : 'same';
    if (op === 'added') added += texts.length;
    if (op === 'removed') removed += texts.length;
    for (const text of texts) lines.push({ op, text });
  }
  const keep = lines.map((l) => l.op !== 'same');
  const near = lines.map((_, i) => keep.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some(Boolean));
  const out: DiffLine[] = [];
  lines.forEach((l, i) => {
    if (near[i]) out.push(l);
    else if (out.at(-1)?.op !== 'skipped') out.push({ op: 'skipped', text: '…' });
  });
  return { lines: out, added, removed };
}

export function packChanges(db: Db, packId: string): PackChanges {
  const rows = db
    .prepare('SELECT * FROM pack_changes WHERE pack_id = ? ORDER BY version DESC, item_kind, item_id')
    .all(packId) as ChangeRow[];
  const item = db.prepare(
    'SELECT kind, id, title, data_json, body, sha256 FROM items WHERE pack_id = ? AND kind = ? AND id = ?',
  );
  const read = db.prepare('SELECT read_sha256 FROM read_state WHERE pack_id = ? AND item_kind = ? AND item_id = ?');
  const kept = db.prepare(
    'SELECT title, data_json, body FROM item_versions WHERE pack_id = ? AND item_kind = ? AND item_id = ? AND sha256 = ?',
  );
  const notes = db.prepare('SELECT count(*) AS n FROM annotations WHERE pack_id = ? AND item_kind = ? AND item_id = ?');
  const out: PackChanges = { packId, added: [], changed: [], removed: [] };
  const seen = new Set<string>();
  const changedEntry = (cur: ItemRow, version: number | null, readSha: string | null): ChangedItem => {
    const old = readSha
      ? (kept.get(packId, cur.kind, cur.id, readSha) as { title: string; data_json: string; body: string } | undefined)
      : undefined;
    return {
      kind: cur.kind,
      id: cur.id,
      title: cur.title,
      version,
      diff: old
        ? readableDiff(itemText(old.title, old.data_json, old.body), itemText(cur.title, cur.data_json, cur.body))
        : null,
    };
  };
  for (const r of rows) {
    seen.add(`${r.item_kind}/${r.item_id}`);
    const cur = item.get(packId, r.item_kind, r.item_id) as ItemRow | undefined;
    const readSha =
      (read.get(packId, r.item_kind, r.item_id) as { read_sha256: string } | undefined)?.read_sha256 ?? null;
    if (!cur) {
      if (r.change !== 'removed') continue;
      const n = (notes.get(packId, r.item_kind, r.item_id) as { n: number }).n;
      out.removed.push({ kind: r.item_kind, id: r.item_id, title: r.title, version: r.version, annotations: n });
      continue;
    }
    if (readSha === cur.sha256) continue;
    if (r.change === 'added') out.added.push({ kind: cur.kind, id: cur.id, title: cur.title, version: r.version });
    else out.changed.push(changedEntry(cur, r.version, readSha));
  }
  // Items the reader opened at an older version with no recorded change (installed before tracking existed).
  const stale = db
    .prepare(
      `SELECT i.kind, i.id, i.title, i.data_json, i.body, i.sha256, r.read_sha256 FROM items i
       JOIN read_state r ON r.pack_id = i.pack_id AND r.item_kind = i.kind AND r.item_id = i.id
       WHERE i.pack_id = ? AND r.read_sha256 <> i.sha256 AND r.read_sha256 <> ''`,
    )
    .all(packId) as (ItemRow & { read_sha256: string })[];
  for (const s of stale) if (!seen.has(`${s.kind}/${s.id}`)) out.changed.push(changedEntry(s, null, s.read_sha256));
  return out;
}

/** The reader has seen the list: removed items leave it (added and changed ones leave it when opened). */
export function dismissChanges(db: Db, packId: string): number {
  return db.prepare("DELETE FROM pack_changes WHERE pack_id = ? AND change = 'removed'").run(packId).changes;
}

/** Unread changes per pack, for badges. */
export function unreadChangeCount(db: Db, packId: string): number {
  const c = packChanges(db, packId);
  return c.added.length + c.changed.length + c.removed.length;
}
