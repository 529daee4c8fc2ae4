// Keeping the index current: an install hook that runs inside installPack's
// transaction (so a failed install leaves the index untouched), functions the
// annotation code calls when it saves or deletes a note, and a catch-up pass for
// anything indexed before this code existed. Pack removal is handled by a trigger
// (migration 002), so it is atomic with removePack whatever calls it.
import type { PackItem } from '../../shared/model';
import { unlessLocked, type Db } from '../store/db';
import type { InstallResult } from '../store/install';
import type { LoadedPack } from '../packs/types';
import { annotationDoc, itemDocs, KIND_CODES, type AnnotationRow, type SearchDoc } from './docs';
import { stmt } from './statements';
import { fold, ftsText, withJoinedCjk } from './text';

export function packNo(db: Db, packId: string): number {
  const row = db.prepare('SELECT pack_no FROM search_packs WHERE pack_id = ?').get(packId) as
    { pack_no: number } | undefined;
  if (row) return row.pack_no;
  return Number(db.prepare('INSERT INTO search_packs (pack_id) VALUES (?)').run(packId).lastInsertRowid);
}

/** The filter tokens of a document: its kind, its pack and (officials) its country. */
export function scopeText(kind: SearchDoc['kind'], packNumber: number, country: string | null): string {
  const tokens = [kindToken(kind), `xp${packNumber}`];
  if (country) tokens.push(countryToken(country));
  return tokens.join(' ');
}

export function kindToken(kind: SearchDoc['kind']): string {
  return `xk${KIND_CODES[kind]}`;
}

export function countryToken(country: string): string {
  return `xc${fold(country).replace(/[^\p{L}\p{N}]/gu, '')}`;
}

/**
 * Writes a pack's documents. `itemRowid` is the row of the item they come from (none for
 * an annotation): a hit reads its item's text by it (hits.ts).
 */
function docWriter(db: Db, packId: string): (docs: readonly SearchDoc[], itemRowid: number | null) => void {
  const no = packNo(db, packId);
  const insertDoc = stmt(
    db,
    `INSERT INTO search_docs (pack_id, kind, item_kind, item_id, annotation_id, agenda_index, title, subtitle, country, names, heading, item_rowid)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFts = stmt(db, 'INSERT INTO search_fts (rowid, names, heading, body, scope) VALUES (?, ?, ?, ?, ?)');
  return (docs, itemRowid) => {
    for (const d of docs) {
      const rowid = insertDoc.run(
        packId,
        d.kind,
        d.itemKind,
        d.itemId,
        d.annotationId,
        d.agendaIndex,
        d.title,
        d.subtitle,
        d.country,
        d.names,
        d.heading,
        itemRowid,
      ).lastInsertRowid;
      insertFts.run(
        rowid,
        ftsText(withJoinedCjk(d.names)),
        ftsText(d.heading),
        ftsText(d.body),
        scopeText(d.kind, no, d.country),
      );
    }
  };
}

function bumpGeneration(db: Db, packId: string, version: number | null): void {
  packNo(db, packId);
  db.prepare('UPDATE search_packs SET indexed_version = ?, generation = generation + 1 WHERE pack_id = ?').run(
    version,
    packId,
  );
}

/** The install hook: re-indexes exactly the items that were added, changed or removed. */
export function indexInstall(db: Db, result: InstallResult, pack: LoadedPack): void {
  const { packId } = result;
  const indexed = db.prepare('SELECT indexed_version FROM search_packs WHERE pack_id = ?').get(packId) as
    { indexed_version: number | null } | undefined;
  if (indexed?.indexed_version == null || indexed.indexed_version !== result.previousVersion) {
    // Never indexed (or indexed from another version): index the whole pack.
    db.prepare("DELETE FROM search_docs WHERE pack_id = ? AND kind <> 'annotation'").run(packId);
    indexStoredItems(db, packId);
  } else {
    const removeItem = db.prepare(
      "DELETE FROM search_docs WHERE pack_id = ? AND item_kind = ? AND item_id = ? AND kind <> 'annotation'",
    );
    for (const k of [...result.removed, ...result.changed]) removeItem.run(packId, k.kind, k.id);
    const touched = new Set([...result.added, ...result.changed].map((k) => `${k.kind}/${k.id}`));
    // Only the touched items' plain text, not the whole pack's (an update touches a few).
    const stored = db.prepare('SELECT rowid, plain_text FROM items WHERE pack_id = ? AND kind = ? AND id = ?').raw();
    const write = docWriter(db, packId);
    for (const item of pack.items) {
      if (!touched.has(`${item.kind}/${item.id}`)) continue;
      const [rowid, plainText] = (stored.get(packId, item.kind, item.id) as [number, string] | undefined) ?? [null, ''];
      write(itemDocs(item, plainText), rowid);
    }
  }
  refreshAnnotationTitles(db, packId);
  bumpGeneration(db, packId, result.version);
}

/**
 * Index every item of the pack as stored, a few hundred rows at a time: the documents of
 * a whole pack are never held at once, so indexing a large pack takes no more memory
 * than a small one. Rows come in the order installPack wrote them (the pack's order),
 * by rowid: `+pack_id` keeps SQLite from reading the pack through its key index and
 * sorting all of it for every page.
 */
function indexStoredItems(db: Db, packId: string): void {
  const page = db.prepare(
    `SELECT rowid, kind, id, data_json, body, plain_text FROM items
     WHERE rowid > ? AND +pack_id = ? ORDER BY rowid LIMIT ${INDEX_PAGE}`,
  );
  const write = docWriter(db, packId);
  let after = 0;
  for (;;) {
    const rows = page.all(after, packId) as (StoredItemRow & { rowid: number })[];
    if (rows.length === 0) return;
    for (const r of rows) write(itemDocs(storedItem(r), r.plain_text), r.rowid);
    after = rows[rows.length - 1]!.rowid;
  }
}

const INDEX_PAGE = 256;

interface StoredItemRow {
  kind: PackItem['kind'];
  id: string;
  data_json: string;
  body: string;
  plain_text: string;
}

/** Rebuilds the documents of one installed pack from the items table. */
export function reindexPackFromStore(db: Db, packId: string): void {
  const version = db.prepare('SELECT version FROM packs WHERE id = ?').get(packId) as { version: number } | undefined;
  db.transaction(() => {
    db.prepare("DELETE FROM search_docs WHERE pack_id = ? AND kind <> 'annotation'").run(packId);
    if (!version) return bumpGeneration(db, packId, null);
    indexStoredItems(db, packId);
    bumpGeneration(db, packId, version.version);
  })();
}

/** An item as stored: data_json is the schema's output (defaults applied) at install time. */
export function storedItem(r: Pick<StoredItemRow, 'kind' | 'id' | 'data_json' | 'body'>): PackItem {
  return { kind: r.kind, id: r.id, data: JSON.parse(r.data_json), body: r.body } as PackItem;
}

function itemTitleOf(db: Db, packId: string, kind: string, itemId: string): string | null {
  const row = db
    .prepare('SELECT title FROM items WHERE pack_id = ? AND kind = ? AND id = ?')
    .get(packId, kind, itemId) as { title: string } | undefined;
  return row?.title ?? null;
}

/** Index (or re-index) one annotation. Call it in the transaction that saves the annotation. */
export function indexAnnotation(db: Db, row: AnnotationRow): void {
  db.transaction(() => {
    db.prepare('DELETE FROM search_docs WHERE annotation_id = ?').run(row.id);
    docWriter(db, row.pack_id)([annotationDoc(row, itemTitleOf(db, row.pack_id, row.item_kind, row.item_id))], null);
  })();
}

/** Remove an annotation from the index. Call it in the transaction that deletes the annotation. */
export function unindexAnnotation(db: Db, annotationId: string): void {
  db.prepare('DELETE FROM search_docs WHERE annotation_id = ?').run(annotationId);
}

/** Annotation subtitles name their item; an install may rename or remove it. */
function refreshAnnotationTitles(db: Db, packId: string): void {
  const rows = db
    .prepare(
      "SELECT a.id, a.pack_id, a.item_kind, a.item_id, a.quote, a.note FROM annotations a JOIN search_docs d ON d.annotation_id = a.id WHERE d.pack_id = ? AND d.kind = 'annotation'",
    )
    .all(packId) as AnnotationRow[];
  const update = db.prepare('UPDATE search_docs SET subtitle = ? WHERE annotation_id = ?');
  for (const r of rows) update.run(annotationDoc(r, itemTitleOf(db, packId, r.item_kind, r.item_id)).subtitle, r.id);
}

const annotationSignatures = new WeakMap<Db, string>();
const caughtUpAt = new WeakMap<Db, string>();

/**
 * Changes since the connection opened, by this connection and by any other (the CLI
 * writing while the app runs). Equal marks mean nothing was written in between.
 */
function writeMark(db: Db): string {
  const [own, others] = stmt(db, 'SELECT total_changes(), (SELECT data_version FROM pragma_data_version())')
    .raw()
    .get() as [number, number];
  return `${own}/${others}`;
}

/**
 * Brings the index up to date with whatever was written without it: packs installed
 * before migration 002, annotations saved by code that did not call indexAnnotation.
 * Returns the database's write mark once it is up to date, which callers may use to
 * keep what they read from it until the next write.
 */
export function catchUp(db: Db): string {
  // Search calls this before every query: one statement when nothing was written since.
  const mark = writeMark(db);
  if (caughtUpAt.get(db) === mark) return mark;
  // While another process holds the write lock, search goes on with the index as it is
  // and the next query tries again, rather than failing ("database is locked") or
  // holding the app's main thread for the busy timeout.
  if (!unlessLocked(db, () => indexWhatWasWrittenWithout(db))) return mark;
  const after = writeMark(db);
  caughtUpAt.set(db, after);
  return after;
}

function indexWhatWasWrittenWithout(db: Db): void {
  const stale = stmt(
    db,
    `SELECT p.id FROM packs p LEFT JOIN search_packs s ON s.pack_id = p.id
       WHERE s.indexed_version IS NULL OR s.indexed_version <> p.version`,
  ).all() as { id: string }[];
  for (const { id } of stale) reindexPackFromStore(db, id);

  const sig = stmt(db, 'SELECT count(*) AS n, max(updated_at) AS at FROM annotations').get() as {
    n: number;
    at: string | null;
  };
  const signature = `${sig.n}|${sig.at ?? ''}`;
  if (annotationSignatures.get(db) === signature) return;
  db.transaction(() => {
    db.prepare(
      "DELETE FROM search_docs WHERE kind = 'annotation' AND annotation_id NOT IN (SELECT id FROM annotations)",
    ).run();
    const rows = db
      .prepare('SELECT id, pack_id, item_kind, item_id, quote, note FROM annotations')
      .all() as AnnotationRow[];
    for (const r of rows) indexAnnotation(db, r);
  })();
  annotationSignatures.set(db, signature);
}
