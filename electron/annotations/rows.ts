// How an annotation is stored (migration 001's `annotations` table) and read back.
// The only statements that write the table live here and in repo.ts; none of them is
// INSERT OR REPLACE (which would delete a row behind the guard trigger's back).
import { Annotation, type TextAnchor } from '../../shared/model';
import type { Db } from '../store/db';

export interface AnnotationRow {
  id: string;
  pack_id: string;
  item_kind: string;
  item_id: string;
  quote: string | null;
  prefix: string | null;
  suffix: string | null;
  start_pos: number | null;
  end_pos: number | null;
  color: string | null;
  note: string;
  status: string;
  created_at: string;
  updated_at: string;
}

export function rowToAnnotation(r: AnnotationRow): Annotation {
  const anchor: TextAnchor | null =
    r.quote === null
      ? null
      : {
          quote: r.quote,
          prefix: r.prefix ?? '',
          suffix: r.suffix ?? '',
          start: r.start_pos ?? 0,
          end: r.end_pos ?? 0,
        };
  return {
    id: r.id,
    packId: r.pack_id,
    kind: r.item_kind as Annotation['kind'],
    itemId: r.item_id,
    anchor,
    color: r.color as Annotation['color'],
    note: r.note,
    status: r.status as Annotation['status'],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toParams(a: Annotation) {
  return {
    id: a.id,
    pack_id: a.packId,
    item_kind: a.kind,
    item_id: a.itemId,
    quote: a.anchor?.quote ?? null,
    prefix: a.anchor?.prefix ?? null,
    suffix: a.anchor?.suffix ?? null,
    start_pos: a.anchor?.start ?? null,
    end_pos: a.anchor?.end ?? null,
    color: a.color,
    note: a.note,
    status: a.status,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

export function readAnnotation(db: Db, id: string): Annotation | null {
  const row = db.prepare('SELECT * FROM annotations WHERE id = ?').get(id) as AnnotationRow | undefined;
  return row ? rowToAnnotation(row) : null;
}

/** Insert or overwrite one annotation by id. Validates against the model first: a bad row never lands. */
export function writeAnnotation(db: Db, annotation: Annotation): Annotation {
  const a = Annotation.parse(annotation);
  db.prepare(
    `INSERT INTO annotations (id, pack_id, item_kind, item_id, quote, prefix, suffix, start_pos, end_pos, color, note, status, created_at, updated_at)
     VALUES (@id, @pack_id, @item_kind, @item_id, @quote, @prefix, @suffix, @start_pos, @end_pos, @color, @note, @status, @created_at, @updated_at)
     ON CONFLICT(id) DO UPDATE SET pack_id = excluded.pack_id, item_kind = excluded.item_kind, item_id = excluded.item_id,
       quote = excluded.quote, prefix = excluded.prefix, suffix = excluded.suffix, start_pos = excluded.start_pos,
       end_pos = excluded.end_pos, color = excluded.color, note = excluded.note, status = excluded.status,
       created_at = excluded.created_at, updated_at = excluded.updated_at`,
  ).run(toParams(a));
  return a;
}

/** The item's plain text (what anchors index into), or null when it is not installed. */
export function itemText(db: Db, ref: { packId: string; kind: string; itemId: string }): string | null {
  const row = db
    .prepare('SELECT plain_text FROM items WHERE pack_id = ? AND kind = ? AND id = ?')
    .get(ref.packId, ref.kind, ref.itemId) as { plain_text: string } | undefined;
  return row?.plain_text ?? null;
}

/** An ISO timestamp for an edit: now, but always after the previous one (clocks go backwards). */
export function stamp(now: Date, previous?: string): string {
  const iso = now.toISOString();
  if (previous === undefined || iso > previous) return iso;
  return new Date(Date.parse(previous) + 1).toISOString();
}
