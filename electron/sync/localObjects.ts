// Objects the store already holds, so a sync fetches only what is new. The installed
// item with the kind and id the manifest gives for an object is re-encoded into its
// published object (canonical JSON, electron/packs/publish/encoding.ts), and a photo is
// its blob; either is used only when its bytes hash to the name the manifest gives, so
// a store that drifted from the publication simply means that object is downloaded
// again. Items are looked up one at a time, for the objects asked for: the unchanged
// items of an update normally never get here (reuse.ts takes them as installed).
import type { Manifest } from '../../shared/manifest';
import type { ItemKind, PackItem } from '../../shared/model';
import { encodeItem } from '../packs/publish/encoding';
import { sha256Hex } from '../packs/photos';
import type { Db } from '../store/db';

export interface LocalObjects {
  get(sha256: string): Buffer | null;
  /**
   * Whether the store may hold the object, as far as can be told without reading it: a
   * photo blob of that hash, or the item's row, unless the row is recorded as decoded
   * from another object (items.object_sha256). `get` gives the answer.
   */
  has(sha256: string): boolean;
}

/**
 * `installedObject`: the object each installed row was decoded from, by `kind/id`
 * (undefined: no such row; null: not recorded), as reuse.ts read the rows already.
 */
export function localObjects(
  db: Db,
  manifest: Manifest,
  installedObject: (key: string) => string | null | undefined,
): LocalObjects {
  const entries = new Map(manifest.items.map((e) => [e.sha256, e]));
  const item = db.prepare('SELECT data_json, body FROM items WHERE pack_id = ? AND kind = ? AND id = ?');
  const blob = db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?');
  // The blobs there are, read once, so the photos of a first install (none here) cost no query each.
  let blobs: Set<string> | null = null;
  const blobNames = () => (blobs ??= new Set(db.prepare('SELECT sha256 FROM blobs').pluck().all() as string[]));
  return {
    get(sha256) {
      const entry = entries.get(sha256);
      if (entry) {
        // No row, or one known to come from another object: nothing to re-encode.
        const object = installedObject(`${entry.kind}/${entry.id}`);
        if (object === undefined || (object !== null && object !== sha256)) return null;
        const r = item.get(manifest.packId, entry.kind, entry.id) as { data_json: string; body: string } | undefined;
        if (!r) return null;
        const kind: ItemKind = entry.kind;
        const bytes = encodeItem({ kind, id: entry.id, data: JSON.parse(r.data_json), body: r.body } as PackItem);
        return sha256Hex(bytes) === sha256 ? bytes : null;
      }
      if (!blobNames().has(sha256)) return null;
      const row = blob.get(sha256) as { bytes: Buffer } | undefined;
      return row && sha256Hex(row.bytes) === sha256 ? row.bytes : null;
    },
    has(sha256) {
      const entry = entries.get(sha256);
      if (!entry) return blobNames().has(sha256);
      const object = installedObject(`${entry.kind}/${entry.id}`);
      return object === sha256 || object === null;
    },
  };
}
