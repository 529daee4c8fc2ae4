// Reading installed packs: summaries for the library, contents for a pack, one item in full.
import { BriefbookError } from '../../shared/errors';
import { ITEM_KINDS, type ItemKind, type PackItem, type PackMeta } from '../../shared/model';
import type { ItemDetail, ItemSummary, PackContents, PackSummary, PhotoData } from '../../shared/api';
import { packProtection } from '../packs/confidential/installed';
import type { Db } from './db';

interface PackRow {
  id: string;
  title: string;
  meta_json: string;
  version: number;
  origin: PackSummary['origin'];
  source: string;
  publisher_key_id: string | null;
  published_at: string | null;
  installed_at: string;
}

interface ItemRow {
  kind: ItemKind;
  id: string;
  title: string;
  data_json: string;
  body: string;
}

function toSummary(db: Db, row: PackRow): PackSummary {
  const meta = JSON.parse(row.meta_json) as PackMeta;
  const counts = Object.fromEntries(ITEM_KINDS.map((k) => [k, 0])) as Record<ItemKind, number>;
  for (const c of db.prepare('SELECT kind, count(*) AS n FROM items WHERE pack_id = ? GROUP BY kind').all(row.id) as {
    kind: ItemKind;
    n: number;
  }[]) {
    counts[c.kind] = c.n;
  }
  return {
    id: row.id,
    title: row.title,
    event: meta.event,
    classification: meta.classification,
    preparedFor: meta.preparedFor ?? null,
    expires: meta.expires ?? null,
    version: row.version,
    origin: row.origin,
    source: row.source,
    publisherKeyId: row.publisher_key_id,
    publishedAt: row.published_at,
    installedAt: row.installed_at,
    counts,
    protection: packProtection(db, {
      id: row.id,
      version: row.version,
      publishedAt: row.published_at,
      origin: row.origin,
    }),
  };
}

export function listPacks(db: Db): PackSummary[] {
  const rows = db
    .prepare("SELECT * FROM packs ORDER BY json_extract(meta_json, '$.event.start'), title")
    .all() as PackRow[];
  return rows.map((r) => toSummary(db, r));
}

export function findPack(db: Db, packId: string): PackSummary | null {
  const row = db.prepare('SELECT * FROM packs WHERE id = ?').get(packId) as PackRow | undefined;
  return row ? toSummary(db, row) : null;
}

export function requirePack(db: Db, packId: string): PackSummary {
  const pack = findPack(db, packId);
  if (!pack)
    throw new BriefbookError(
      'not-found',
      `No pack "${packId}" is installed. Run \`briefbook packs\` to see the installed packs.`,
    );
  return pack;
}

const KIND_ORDER = `CASE kind WHEN 'official' THEN 0 WHEN 'meeting' THEN 1 WHEN 'talking-point' THEN 2 ELSE 3 END`;

export function getPackContents(db: Db, packId: string): PackContents {
  const pack = requirePack(db, packId);
  const rows = db
    .prepare(
      `SELECT kind, id, title, data_json FROM items WHERE pack_id = ? ORDER BY ${KIND_ORDER}, starts_at, title COLLATE NOCASE`,
    )
    .all(packId) as Omit<ItemRow, 'body'>[];
  const items = rows.map(
    (r) => ({ kind: r.kind, id: r.id, title: r.title, data: JSON.parse(r.data_json) }) as ItemSummary,
  );
  return { pack, items };
}

/** Every item with its body, in a stable order: what exports and indexes read. */
export function readPackItems(db: Db, packId: string): PackItem[] {
  const rows = db
    .prepare(
      `SELECT kind, id, title, data_json, body FROM items WHERE pack_id = ? ORDER BY ${KIND_ORDER}, starts_at, title COLLATE NOCASE`,
    )
    .all(packId) as ItemRow[];
  return rows.map((r) => ({ kind: r.kind, id: r.id, data: JSON.parse(r.data_json), body: r.body }) as PackItem);
}

export function getItem(db: Db, packId: string, kind: ItemKind, itemId: string): ItemDetail {
  const row = db
    .prepare('SELECT kind, id, title, data_json, body FROM items WHERE pack_id = ? AND kind = ? AND id = ?')
    .get(packId, kind, itemId) as ItemRow | undefined;
  if (!row) {
    requirePack(db, packId);
    throw new BriefbookError(
      'not-found',
      `Pack "${packId}" has no ${kind} "${itemId}". It may have been removed by the publisher in an update.`,
    );
  }
  const starred =
    db.prepare('SELECT 1 FROM stars WHERE pack_id = ? AND item_kind = ? AND item_id = ?').get(packId, kind, itemId) !==
    undefined;
  const read = db
    .prepare('SELECT read_at FROM read_state WHERE pack_id = ? AND item_kind = ? AND item_id = ?')
    .get(packId, kind, itemId) as { read_at: string } | undefined;
  return {
    kind: row.kind,
    id: row.id,
    data: JSON.parse(row.data_json),
    body: row.body,
    packId,
    title: row.title,
    starred,
    readAt: read?.read_at ?? null,
  } as ItemDetail;
}

export interface StoredPhoto {
  mime: PhotoData['mime'];
  width: number;
  height: number;
  bytes: Buffer;
  sha256: string;
}

export function readPhoto(db: Db, packId: string, path: string): StoredPhoto | null {
  const row = db
    .prepare(
      'SELECT b.sha256, b.mime, b.width, b.height, b.bytes FROM pack_assets a JOIN blobs b ON b.sha256 = a.sha256 WHERE a.pack_id = ? AND a.path = ?',
    )
    .get(packId, path) as StoredPhoto | undefined;
  return row ?? null;
}

export function getPhoto(db: Db, packId: string, path: string): PhotoData {
  const photo = readPhoto(db, packId, path);
  if (!photo) throw new BriefbookError('not-found', `Pack "${packId}" has no photo "${path}".`);
  return {
    mime: photo.mime,
    width: photo.width,
    height: photo.height,
    dataUrl: `data:${photo.mime};base64,${photo.bytes.toString('base64')}`,
  };
}
