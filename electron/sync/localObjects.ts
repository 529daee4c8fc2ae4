// Objects the store already holds, so a sync fetches only what is new. An installed
// item is re-encoded into its published object (canonical JSON, electron/packs/publish/
// encoding.ts) and a photo is its blob; the object is used only when its bytes hash to
// the name the manifest gives, so a store that drifted from the publication simply
// means that object is downloaded again.
import type { ItemKind, PackItem } from '../../shared/model';
import { encodeItem } from '../packs/publish/encoding';
import { sha256Hex } from '../packs/photos';
import type { Db } from '../store/db';

export interface LocalObjects {
  get(sha256: string): Buffer | null;
}

export function localObjects(db: Db, packId: string): LocalObjects {
  let items: Map<string, Buffer> | null = null;
  const blob = db.prepare('SELECT bytes FROM blobs WHERE sha256 = ?');
  const loadItems = (): Map<string, Buffer> => {
    const map = new Map<string, Buffer>();
    const rows = db.prepare('SELECT kind, id, data_json, body FROM items WHERE pack_id = ?').all(packId) as {
      kind: ItemKind;
      id: string;
      data_json: string;
      body: string;
    }[];
    for (const r of rows) {
      const bytes = encodeItem({ kind: r.kind, id: r.id, data: JSON.parse(r.data_json), body: r.body } as PackItem);
      map.set(sha256Hex(bytes), bytes);
    }
    return map;
  };
  return {
    get(sha256) {
      items ??= loadItems();
      const item = items.get(sha256);
      if (item) return item;
      const row = blob.get(sha256) as { bytes: Buffer } | undefined;
      return row && sha256Hex(row.bytes) === sha256 ? row.bytes : null;
    },
  };
}
