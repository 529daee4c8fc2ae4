// The reader's annotations: create, edit, recolour, delete (with undo), re-attach,
// list. Every call is one transaction and is committed when it returns.
//
// NEVER DELETED: `deleteAnnotation` below is the only code that removes an annotation
// row, and the database enforces it: migration 005's trigger
// `annotations_deleted_only_by_the_reader` aborts any DELETE on `annotations` whose id
// was not first recorded in `annotation_deletions`, which only `deleteAnnotation`
// writes. Pack installs, re-anchoring and imports only INSERT and UPDATE.
import crypto from 'node:crypto';
import type { z } from 'zod';
import { buildAnchor } from '../../shared/anchoring';
import {
  RESTORE_WINDOW_DAYS,
  type annotationApiParams,
  type AnnotationList,
  type AnnotationView,
  type DeletedAnnotation,
} from '../../shared/annotationsApi';
import { BriefbookError } from '../../shared/errors';
import { Annotation, KIND_LABELS, type ItemKind, type TextAnchor } from '../../shared/model';
import type { Db } from '../store/db';
import { placeAnnotation } from './reanchor';
import { itemText, readAnnotation, rowToAnnotation, stamp, writeAnnotation, type AnnotationRow } from './rows';
import { indexAnnotation, unindexAnnotation } from './searchSeam';

/** What callers pass (defaults not yet applied: direct callers such as the CLI skip the dispatcher). */
type Params<K extends keyof typeof annotationApiParams> = z.input<(typeof annotationApiParams)[K]>;

const DAY_MS = 24 * 60 * 60 * 1000;

interface ItemTarget {
  packId: string;
  kind: ItemKind;
  itemId: string;
}

function requireItemText(db: Db, ref: ItemTarget): string {
  const text = itemText(db, ref);
  if (text === null) {
    throw new BriefbookError(
      'not-found',
      `No ${KIND_LABELS[ref.kind].one.toLowerCase()} "${ref.itemId}" is installed in pack "${ref.packId}". Reload the pack and try again.`,
    );
  }
  return text;
}

export function requireAnnotation(db: Db, id: string): Annotation {
  const a = readAnnotation(db, id);
  if (!a) throw new BriefbookError('not-found', `No annotation ${id}. It may have been deleted.`);
  return a;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The anchor for a selection the reader made, checked against the installed text. */
function anchorForSelection(text: string, start: number, end: number, shownQuote: string | undefined): TextAnchor {
  let anchor: TextAnchor;
  try {
    anchor = buildAnchor(text, start, end);
  } catch (err) {
    throw new BriefbookError('invalid-input', `Cannot highlight this: ${(err as Error).message}.`);
  }
  if (shownQuote !== undefined && squash(shownQuote) !== squash(anchor.quote)) {
    throw new BriefbookError(
      'conflict',
      'The item changed since it was shown (the selected text is no longer at that place). Reload the item and select again.',
    );
  }
  return anchor;
}

function save(db: Db, a: Annotation): Annotation {
  const saved = writeAnnotation(db, a);
  indexAnnotation(db, saved);
  return saved;
}

export function createAnnotation(db: Db, p: Params<'createAnnotation'>, now: Date): Annotation {
  return db.transaction(() => {
    const text = requireItemText(db, p);
    const isHighlight = p.start !== undefined && p.end !== undefined;
    const anchor = isHighlight ? anchorForSelection(text, p.start!, p.end!, p.quote) : null;
    const note = p.note ?? '';
    if (!isHighlight && note.trim() === '') {
      throw new BriefbookError('invalid-input', 'A note on a whole item needs some text.');
    }
    const at = stamp(now);
    return save(db, {
      id: crypto.randomUUID(),
      packId: p.packId,
      kind: p.kind,
      itemId: p.itemId,
      anchor,
      color: p.color === undefined ? (isHighlight ? 'yellow' : null) : p.color,
      note,
      status: 'anchored',
      createdAt: at,
      updatedAt: at,
    });
  })();
}

export function updateAnnotation(db: Db, p: Params<'updateAnnotation'>, now: Date): Annotation {
  return db.transaction(() => {
    const a = requireAnnotation(db, p.id);
    const next: Annotation = {
      ...a,
      note: p.note ?? a.note,
      color: p.color === undefined ? a.color : p.color,
    };
    if (next.anchor !== null && next.color === null) {
      throw new BriefbookError('invalid-input', 'A highlight needs a colour. To remove the highlight, delete it.');
    }
    if (next.anchor === null && next.note.trim() === '') {
      throw new BriefbookError('invalid-input', 'A note on a whole item cannot be empty. To remove it, delete it.');
    }
    if (next.note === a.note && next.color === a.color) return a;
    return save(db, { ...next, updatedAt: stamp(now, a.updatedAt) });
  })();
}

/**
 * The reader's delete, the only way an annotation row goes away (see the header).
 * The row is kept in annotation_deletions for RESTORE_WINDOW_DAYS so it can be undone.
 */
export function deleteAnnotation(db: Db, p: Params<'deleteAnnotation'>, now: Date): DeletedAnnotation {
  return db.transaction((): DeletedAnnotation => {
    const until = (deletedAt: string) => new Date(Date.parse(deletedAt) + RESTORE_WINDOW_DAYS * DAY_MS).toISOString();
    const a = readAnnotation(db, p.id);
    if (!a) {
      const gone = deletedRow(db, p.id);
      if (gone?.annotation) return { annotation: gone.annotation, restorableUntil: until(gone.deletedAt) };
      throw new BriefbookError('not-found', `No annotation ${p.id}. It may have been deleted already.`);
    }
    const deletedAt = stamp(now, a.updatedAt);
    db.prepare(
      `INSERT INTO annotation_deletions (id, deleted_at, annotation_json) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET deleted_at = excluded.deleted_at, annotation_json = excluded.annotation_json`,
    ).run(a.id, deletedAt, JSON.stringify(a));
    db.prepare('DELETE FROM annotations WHERE id = ?').run(a.id);
    unindexAnnotation(db, a.id);
    // Past the restore window, keep only the id and date of a deletion (so imports respect it).
    db.prepare('UPDATE annotation_deletions SET annotation_json = NULL WHERE deleted_at < ?').run(
      new Date(now.getTime() - RESTORE_WINDOW_DAYS * DAY_MS).toISOString(),
    );
    return { annotation: a, restorableUntil: until(deletedAt) };
  })();
}

export function deletedRow(db: Db, id: string): { deletedAt: string; annotation: Annotation | null } | null {
  const row = db.prepare('SELECT deleted_at, annotation_json FROM annotation_deletions WHERE id = ?').get(id) as
    { deleted_at: string; annotation_json: string | null } | undefined;
  if (!row) return null;
  const parsed = row.annotation_json === null ? null : Annotation.safeParse(JSON.parse(row.annotation_json));
  return { deletedAt: row.deleted_at, annotation: parsed?.success ? parsed.data : null };
}

/** Undo a delete: the annotation comes back with the same id, placed in the text as it now reads. */
export function restoreAnnotation(db: Db, p: Params<'restoreAnnotation'>): Annotation {
  return db.transaction(() => {
    const existing = readAnnotation(db, p.id);
    if (existing) return existing;
    const gone = deletedRow(db, p.id);
    if (!gone?.annotation) {
      throw new BriefbookError(
        'not-found',
        gone
          ? `Annotation ${p.id} was deleted more than ${RESTORE_WINDOW_DAYS} days ago and can no longer be restored.`
          : `No deleted annotation ${p.id}.`,
      );
    }
    const { annotation } = placeAnnotation(gone.annotation, itemText(db, gone.annotation));
    db.prepare('DELETE FROM annotation_deletions WHERE id = ?').run(p.id);
    return save(db, annotation);
  })();
}

/** Attach an annotation to a new selection (or, for an item note, a new item) chosen by the reader. */
export function reattachAnnotation(db: Db, p: Params<'reattachAnnotation'>, now: Date): Annotation {
  return db.transaction(() => {
    const a = requireAnnotation(db, p.id);
    const target: ItemTarget = { packId: p.packId ?? a.packId, kind: p.kind ?? a.kind, itemId: p.itemId ?? a.itemId };
    const text = requireItemText(db, target);
    let anchor: TextAnchor | null = null;
    if (p.start !== undefined && p.end !== undefined) anchor = anchorForSelection(text, p.start, p.end, p.quote);
    else if (a.anchor !== null) {
      throw new BriefbookError('invalid-input', 'Select the text to attach this highlight to (give start and end).');
    }
    return save(db, {
      ...a,
      ...target,
      anchor,
      color: anchor !== null && a.color === null ? 'yellow' : a.color,
      status: 'anchored',
      updatedAt: stamp(now, a.updatedAt),
    });
  })();
}

// ---- reading ----------------------------------------------------------------

interface ViewRow extends AnnotationRow {
  item_title: string | null;
  pack_title: string | null;
  item_available: number;
}

const VIEW_FROM = `FROM annotations a
  LEFT JOIN items i ON i.pack_id = a.pack_id AND i.kind = a.item_kind AND i.id = a.item_id
  LEFT JOIN packs p ON p.id = a.pack_id`;
const VIEW_SELECT = `SELECT a.*, i.title AS item_title, p.title AS pack_title, (i.id IS NOT NULL) AS item_available ${VIEW_FROM}`;

function toView(r: ViewRow): AnnotationView {
  const a = rowToAnnotation(r);
  const available = r.item_available === 1;
  return {
    ...a,
    status: available ? a.status : 'orphaned',
    packTitle: r.pack_title,
    itemTitle: r.item_title,
    itemAvailable: available,
  };
}

export function getAnnotation(db: Db, id: string): AnnotationView {
  const row = db.prepare(`${VIEW_SELECT} WHERE a.id = ?`).get(id) as ViewRow | undefined;
  if (!row) throw new BriefbookError('not-found', `No annotation ${id}. It may have been deleted.`);
  return toView(row);
}

const likePattern = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listAnnotations(db: Db, f: Params<'listAnnotations'>): AnnotationList {
  const where: string[] = [];
  const args: Record<string, string | number> = {};
  const equal = (column: string, name: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(`${column} = @${name}`);
    args[name] = value;
  };
  equal('a.pack_id', 'packId', f.packId);
  equal('a.item_kind', 'kind', f.kind);
  equal('a.item_id', 'itemId', f.itemId);
  equal('a.color', 'color', f.color);
  if (f.type === 'highlight') where.push('a.quote IS NOT NULL');
  if (f.type === 'item-note') where.push('a.quote IS NULL');
  if (f.status === 'orphaned') where.push("(a.status = 'orphaned' OR i.id IS NULL)");
  if (f.status === 'anchored') where.push("(a.status = 'anchored' AND i.id IS NOT NULL)");
  for (const [n, word] of (f.text ?? '').trim().split(/\s+/).filter(Boolean).entries()) {
    where.push(`(a.note LIKE @w${n} ESCAPE '\\' OR a.quote LIKE @w${n} ESCAPE '\\')`);
    args[`w${n}`] = likePattern(word);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // On one item, reading order (item notes first); across items, most recently edited first.
  const order = f.itemId !== undefined ? 'a.start_pos IS NOT NULL, a.start_pos, a.created_at' : 'a.updated_at DESC';
  const total = (db.prepare(`SELECT count(*) AS n ${VIEW_FROM} ${clause}`).get(args) as { n: number }).n;
  const rows = db
    .prepare(`${VIEW_SELECT} ${clause} ORDER BY ${order}, a.id LIMIT @limit OFFSET @offset`)
    .all({ ...args, limit: f.limit ?? 1000, offset: f.offset ?? 0 }) as ViewRow[];
  return { annotations: rows.map(toView), total };
}
