// Which published object each installed item was decoded from, so an update neither
// re-encodes the installed items to find out which objects it already has, nor decodes
// and re-validates the unchanged ones again: an unchanged item is taken as installed.
//
// The index is a cache file per pack, <data>/sync/items/<pack id>.json, of facts that
// stay true whatever happens to the store: "object S decodes to item kind/id whose
// store hash (items.sha256) is H". An item is reused only while the store's row for
// kind/id still has hash H, so a stale, missing or damaged file costs speed, never
// correctness: the object is then fetched (or re-encoded from the store) and decoded.
import fs from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../../shared/manifest';
import type { ItemKind, PackItem } from '../../shared/model';
import type { Db } from '../store/db';
import { storedItemSha } from '../store/install';
import { syncDir } from './staging';

interface Fact {
  kind: ItemKind;
  id: string;
  /** items.sha256 of the decoded item. */
  storeSha: string;
}

export type IndexFile = { format: 1; objects: Record<string, [ItemKind, string, string]> };

function indexFile(dataDir: string, packId: string): string {
  return path.join(syncDir(dataDir), 'items', `${encodeURIComponent(packId)}.json`);
}

function load(dataDir: string, packId: string): Map<string, Fact> {
  const out = new Map<string, Fact>();
  try {
    const json = JSON.parse(fs.readFileSync(indexFile(dataDir, packId), 'utf8')) as IndexFile;
    if (json.format !== 1) return out;
    for (const [sha, [kind, id, storeSha]] of Object.entries(json.objects)) out.set(sha, { kind, id, storeSha });
  } catch {
    // No index yet, or an unreadable one: nothing is reused.
  }
  return out;
}

/**
 * Installed items that are exactly the objects `manifest` names, by object SHA-256.
 * Only items recorded in the index and unchanged in the store since.
 */
export function reusableItems(db: Db, dataDir: string, manifest: Manifest): Map<string, PackItem> {
  const facts = load(dataDir, manifest.packId);
  const reused = new Map<string, PackItem>();
  if (facts.size === 0) return reused;
  // One query for the pack (an update normally reuses nearly every item).
  const rows = new Map<string, { sha256: string; data_json: string; body: string }>();
  for (const r of db
    .prepare('SELECT kind, id, sha256, data_json, body FROM items WHERE pack_id = ?')
    .iterate(manifest.packId) as Iterable<{
    kind: string;
    id: string;
    sha256: string;
    data_json: string;
    body: string;
  }>)
    rows.set(`${r.kind}/${r.id}`, r);
  for (const entry of manifest.items) {
    const fact = facts.get(entry.sha256);
    if (!fact || fact.kind !== entry.kind || fact.id !== entry.id) continue;
    const r = rows.get(`${entry.kind}/${entry.id}`);
    if (!r || r.sha256 !== fact.storeSha) continue;
    const item = { kind: entry.kind, id: entry.id, data: JSON.parse(r.data_json), body: r.body } as PackItem;
    // The store hash is the row's, just compared: installPack need not hash the item again.
    storedItemSha.set(item, r.sha256);
    reused.set(entry.sha256, item);
  }
  return reused;
}

/**
 * The facts for a pack just installed from `manifest`: read inside the install
 * transaction, so the store hashes are those of exactly the items decoded from its objects.
 * An item `reused` (reusableItems) needs no reading: installPack either skipped its row,
 * whose hash is the one reusableItems compared, or wrote it with that same hash.
 */
export function itemIndexFacts(
  db: Db,
  manifest: Manifest,
  reused: ReadonlyMap<string, PackItem> = new Map(),
): IndexFile {
  const objects: IndexFile['objects'] = {};
  const rest: Manifest['items'] = [];
  for (const entry of manifest.items) {
    const item = reused.get(entry.sha256);
    const storeSha = item && item.kind === entry.kind && item.id === entry.id ? storedItemSha.get(item) : undefined;
    if (storeSha) objects[entry.sha256] = [entry.kind, entry.id, storeSha];
    else rest.push(entry);
  }
  if (rest.length === 0) return { format: 1, objects };
  // A few rows (an update): one lookup each; many (a first install): one scan of the pack.
  let shaOf: (kind: string, id: string) => string | undefined;
  if (rest.length <= 1000) {
    const one = db.prepare('SELECT sha256 FROM items WHERE pack_id = ? AND kind = ? AND id = ?').pluck();
    shaOf = (kind, id) => one.get(manifest.packId, kind, id) as string | undefined;
  } else {
    const shas = new Map<string, string>();
    for (const r of db
      .prepare('SELECT kind, id, sha256 FROM items WHERE pack_id = ?')
      .iterate(manifest.packId) as Iterable<{ kind: string; id: string; sha256: string }>)
      shas.set(`${r.kind}/${r.id}`, r.sha256);
    shaOf = (kind, id) => shas.get(`${kind}/${id}`);
  }
  for (const entry of rest) {
    const storeSha = shaOf(entry.kind, entry.id);
    if (storeSha) objects[entry.sha256] = [entry.kind, entry.id, storeSha];
  }
  return { format: 1, objects };
}

/** Write the index (after the install committed; a kill before this only costs speed). */
export function saveItemIndex(dataDir: string, packId: string, facts: IndexFile): void {
  const file = indexFile(dataDir, packId);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(facts), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // A cache: without it the next update decodes every item again.
  }
}

/** Forget a pack's index (the pack was removed or purged). */
export function dropItemIndex(dataDir: string, packId: string): void {
  fs.rmSync(indexFile(dataDir, packId), { force: true });
}
