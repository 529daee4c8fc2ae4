// Installing a pack version: one transaction that replaces the pack's content and
// touches no user table. Either the whole new version is in, or the old one is untouched.
import crypto from 'node:crypto';
import { markdownToPlainText } from '../../shared/markdown';
import { itemTitle, type ItemKind, type PackItem } from '../../shared/model';
import { zonedToInstant } from '../../shared/time';
import type { PackOrigin } from '../../shared/api';
import type { LoadedPack } from '../packs/types';
import type { Db } from './db';

export interface InstallInfo {
  origin: PackOrigin;
  source: string;
  /** For signed packs, the manifest's version; local drafts count up from the installed one. */
  version?: number;
  publisherKeyId?: string | null;
  publishedAt?: string | null;
  now?: Date;
  /**
   * A published pack's objects, by item (`kind/id` → object SHA-256): recorded with each
   * row (items.object_sha256) so the next update can take the unchanged items as installed.
   */
  objects?: ReadonlyMap<string, string>;
}

export interface ItemKey {
  kind: ItemKind;
  id: string;
}

export interface InstallResult {
  packId: string;
  version: number;
  previousVersion: number | null;
  added: ItemKey[];
  changed: ItemKey[];
  removed: ItemKey[];
}

/** Steps that must run inside the install transaction (e.g. the search index). */
export type InstallHook = (db: Db, result: InstallResult, pack: LoadedPack) => void;
const hooks: InstallHook[] = [];
export function onInstall(hook: InstallHook): void {
  if (!hooks.includes(hook)) hooks.push(hook);
}

/**
 * Items read back from the store, with the `items.sha256` of the row they were read from
 * (sync's unchanged items): their hash is not computed again. The row's hash was computed
 * from exactly these fields (`data_json` is `JSON.stringify(data)`, which parsing and
 * stringifying again reproduces), so the answer is the same, 10,000 hashes cheaper.
 */
export const storedItemSha = new WeakMap<PackItem, string>();

export function itemSha256(item: PackItem): string {
  const known = storedItemSha.get(item);
  if (known !== undefined) return known;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify({ kind: item.kind, data: item.data, body: item.body }))
    .digest('hex');
}

export function installPack(db: Db, pack: LoadedPack, info: InstallInfo): InstallResult {
  const packId = pack.meta.id;
  const run = db.transaction((): InstallResult => {
    const previous = db.prepare('SELECT version FROM packs WHERE id = ?').get(packId) as
      { version: number } | undefined;
    const version = info.version ?? (previous ? previous.version + 1 : 1);
    const oldRows = new Map<string, { sha256: string; object: string | null }>();
    for (const [kind, id, sha256, object] of db
      .prepare('SELECT kind, id, sha256, object_sha256 FROM items WHERE pack_id = ?')
      .raw()
      .iterate(packId) as Iterable<[ItemKind, string, string, string | null]>)
      oldRows.set(`${kind}/${id}`, { sha256, object });

    db.prepare(
      `INSERT INTO packs (id, title, meta_json, version, origin, source, publisher_key_id, published_at, installed_at)
       VALUES (@id, @title, @meta, @version, @origin, @source, @key, @published, @installed)
       ON CONFLICT(id) DO UPDATE SET title = excluded.title, meta_json = excluded.meta_json, version = excluded.version,
         origin = excluded.origin, source = excluded.source, publisher_key_id = excluded.publisher_key_id,
         published_at = excluded.published_at, installed_at = excluded.installed_at`,
    ).run({
      id: packId,
      title: pack.meta.title,
      meta: JSON.stringify(pack.meta),
      version,
      origin: info.origin,
      source: info.source,
      key: info.publisherKeyId ?? null,
      published: info.publishedAt ?? null,
      installed: (info.now ?? new Date()).toISOString(),
    });

    // Only what changed is written: an update of 1 % of a large pack touches 1 % of
    // the rows and parses 1 % of the Markdown.
    const upsertItem = db.prepare(
      `INSERT INTO items (pack_id, kind, id, title, data_json, body, plain_text, sha256, starts_at, ends_at, object_sha256)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(pack_id, kind, id) DO UPDATE SET title = excluded.title, data_json = excluded.data_json,
         body = excluded.body, plain_text = excluded.plain_text, sha256 = excluded.sha256,
         starts_at = excluded.starts_at, ends_at = excluded.ends_at, object_sha256 = excluded.object_sha256`,
    );
    const setObject = db.prepare('UPDATE items SET object_sha256 = ? WHERE pack_id = ? AND kind = ? AND id = ?');
    const added: ItemKey[] = [];
    const changed: ItemKey[] = [];
    for (const item of pack.items) {
      const sha = itemSha256(item);
      const key = `${item.kind}/${item.id}`;
      const old = oldRows.get(key);
      oldRows.delete(key);
      const object = info.objects?.get(key) ?? null;
      if (old?.sha256 === sha) {
        // The same item from another object (a new encoder, a row installed before the
        // column existed): remember the new one. A source folder's install has none and
        // leaves the fact standing, which stays true while the content is the same.
        if (object !== null && old.object !== object) setObject.run(object, packId, item.kind, item.id);
        continue;
      }
      (old === undefined ? added : changed).push({ kind: item.kind, id: item.id });
      let startsAt: number | null = null;
      let endsAt: number | null = null;
      if (item.kind === 'meeting') {
        const zone = item.data.timeZone ?? pack.meta.event.timeZone;
        startsAt = zonedToInstant(item.data.start, zone);
        endsAt = zonedToInstant(item.data.end, zone);
      }
      upsertItem.run(
        packId,
        item.kind,
        item.id,
        itemTitle(item),
        JSON.stringify(item.data),
        item.body,
        markdownToPlainText(item.body),
        sha,
        startsAt,
        endsAt,
        object,
      );
    }
    const deleteItem = db.prepare('DELETE FROM items WHERE pack_id = ? AND kind = ? AND id = ?');
    const removed = [...oldRows.keys()].map((k) => {
      const [kind, id] = k.split('/') as [ItemKind, string];
      deleteItem.run(packId, kind, id);
      return { kind, id };
    });

    db.prepare('DELETE FROM pack_assets WHERE pack_id = ?').run(packId);
    const insertBlob = db.prepare(
      'INSERT OR IGNORE INTO blobs (sha256, mime, width, height, bytes) VALUES (?, ?, ?, ?, ?)',
    );
    const insertAsset = db.prepare('INSERT INTO pack_assets (pack_id, path, sha256) VALUES (?, ?, ?)');
    for (const photo of pack.photos.values()) {
      insertBlob.run(photo.sha256, photo.mime, photo.width, photo.height, photo.bytes);
      insertAsset.run(packId, photo.path, photo.sha256);
    }
    db.prepare('DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM pack_assets)').run();

    const result: InstallResult = {
      packId,
      version,
      previousVersion: previous?.version ?? null,
      added,
      changed,
      removed,
    };
    for (const hook of hooks) hook(db, result, pack);
    return result;
  });
  return run.immediate();
}

/** Remove a pack's content. The reader's annotations, stars and read state stay (they become orphaned). */
export function removePack(db: Db, packId: string): boolean {
  return db.transaction(() => {
    const info = db.prepare('DELETE FROM packs WHERE id = ?').run(packId);
    db.prepare('DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM pack_assets)').run();
    return info.changes > 0;
  })();
}
