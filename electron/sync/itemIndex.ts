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
import { itemSha256 } from '../store/install';
import type { Db } from '../store/db';
import { syncDir } from './staging';

interface Fact {
  kind: ItemKind;
  id: string;
  /** items.sha256 of the decoded item. */
  storeSha: string;
}

/** items.sha256 of the items reusableItems handed out (so saving the index does not hash them again). */
const storeShas = new WeakMap<PackItem, string>();

type IndexFile = { format: 1; objects: Record<string, [ItemKind, string, string]> };

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
  const row = db.prepare('SELECT sha256, data_json, body FROM items WHERE pack_id = ? AND kind = ? AND id = ?');
  for (const entry of manifest.items) {
    const fact = facts.get(entry.sha256);
    if (!fact || fact.kind !== entry.kind || fact.id !== entry.id) continue;
    const r = row.get(manifest.packId, entry.kind, entry.id) as
      { sha256: string; data_json: string; body: string } | undefined;
    if (!r || r.sha256 !== fact.storeSha) continue;
    const item = { kind: entry.kind, id: entry.id, data: JSON.parse(r.data_json), body: r.body } as PackItem;
    storeShas.set(item, r.sha256);
    reused.set(entry.sha256, item);
  }
  return reused;
}

/** Record the object of every item of a verified pack (replacing what was recorded for the pack). */
export function saveItemIndex(
  dataDir: string,
  manifest: Manifest,
  items: readonly PackItem[],
  known: ReadonlyMap<string, PackItem>,
): void {
  const byKey = new Map(items.map((it) => [`${it.kind}/${it.id}`, it]));
  const objects: IndexFile['objects'] = {};
  for (const entry of manifest.items) {
    const item = known.get(entry.sha256) ?? byKey.get(`${entry.kind}/${entry.id}`);
    if (item) objects[entry.sha256] = [entry.kind, entry.id, storeShas.get(item) ?? itemSha256(item)];
  }
  const file = indexFile(dataDir, manifest.packId);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ format: 1, objects } satisfies IndexFile), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch {
    // A cache: without it the next update decodes every item again.
  }
}

/** Forget a pack's index (the pack was removed or purged). */
export function dropItemIndex(dataDir: string, packId: string): void {
  fs.rmSync(indexFile(dataDir, packId), { force: true });
}
