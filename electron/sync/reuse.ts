// An update takes the items it already holds as installed: an item whose store row was
// decoded from exactly the object the new manifest names (items.object_sha256, recorded
// by installPack) is neither fetched nor decoded nor validated again. The row's column is
// written in the same statement as its content, so the fact "this row is what object S
// decodes to" cannot go stale; a row without it (a source folder's install, or one from
// before the column existed) only costs speed: its object is re-encoded or fetched.
import type { Manifest } from '../../shared/manifest';
import type { ItemKind, PackItem } from '../../shared/model';
import type { KnownItems } from '../packs/publish/verify';
import type { Db } from '../store/db';
import { storedItemSha } from '../store/install';

/**
 * An item read from its store row, lazily: its data read and parsed, and its body read,
 * when asked for. An update asks for few of them (the photo check reads officials'
 * data; reference checks skip unchanged items whose references hold; installPack skips
 * rows whose hash is unchanged), and reading and parsing 10,000 rows costs more than the
 * rest of a 1 % update. The row stays the item's (same hash) for as long as the sync runs:
 * an update rewrites only items that changed, never these. (Accessors on the prototype:
 * defining them per object cost more than the parsing.)
 */
class StoredItem {
  constructor(
    readonly kind: ItemKind,
    readonly id: string,
    private readonly sha256: string,
    private readonly rows: RowReader,
  ) {}
  // Read again each time rather than kept: an update keeps no copy of the unchanged items.
  get data(): unknown {
    return JSON.parse(this.read('data_json'));
  }
  get body(): string {
    return this.read('body');
  }
  private read(column: 'data_json' | 'body'): string {
    const value = this.rows[column].get(this.kind, this.id, this.sha256) as string | undefined;
    if (value === undefined) throw new Error(`the stored row of ${this.kind} ${this.id} changed during the sync`);
    return value;
  }
}

/** kind, id, sha256, object_sha256 */
type InstalledRow = [string, string, string, string | null];

/** One column of an installed row, by kind, id and the row's hash (so a changed row reads as missing). */
type RowReader = Record<'data_json' | 'body', { get(kind: string, id: string, sha256: string): unknown }>;

export interface ReusableItems extends KnownItems {
  /**
   * The object each installed row was decoded from (null: not recorded), by `kind/id`,
   * read in the same query: localObjects asks it for the objects still to fetch.
   */
  installedObject(key: string): string | null | undefined;
}

/**
 * Installed items that are exactly the objects `manifest` names, by object SHA-256, and
 * whether their references still hold (nothing installed has gone from the manifest).
 */
export function reusableItems(db: Db, manifest: Manifest): ReusableItems {
  const reused = new Map<string, PackItem>();
  // One query for the pack (an update normally reuses nearly every item), without the
  // contents (StoredItem reads them when asked for).
  const rows = new Map<string, InstalledRow>();
  for (const r of db
    .prepare('SELECT kind, id, sha256, object_sha256 FROM items WHERE pack_id = ?')
    .raw()
    .iterate(manifest.packId) as Iterable<InstalledRow>)
    rows.set(`${r[0]}/${r[1]}`, r);
  const column = (name: 'data_json' | 'body') => {
    const stmt = db
      .prepare(`SELECT ${name} FROM items WHERE pack_id = ? AND kind = ? AND id = ? AND sha256 = ?`)
      .pluck();
    return { get: (kind: string, id: string, sha256: string) => stmt.get(manifest.packId, kind, id, sha256) };
  };
  const reader: RowReader = { data_json: column('data_json'), body: column('body') };
  let installedInManifest = 0;
  for (const entry of manifest.items) {
    const r = rows.get(`${entry.kind}/${entry.id}`);
    if (!r) continue;
    installedInManifest++;
    if (r[3] !== entry.sha256) continue;
    const item = new StoredItem(entry.kind, entry.id, r[2], reader) as unknown as PackItem;
    // The store hash is the row's: installPack need not hash the item again.
    storedItemSha.set(item, r[2]);
    reused.set(entry.sha256, item);
  }
  return {
    items: reused,
    // Nothing installed has gone: whatever an unchanged item points at is still there.
    // (Counting suffices: kind/id is unique in a valid manifest, and decodePack refuses
    // one where it is not.)
    referencesHold: installedInManifest === rows.size,
    installedObject: (key) => rows.get(key)?.[3],
  };
}
