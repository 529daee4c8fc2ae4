// Re-anchoring after a pack install, inside the install's transaction (registered
// with `onInstall`): annotations on changed or returning items are placed again in
// the new text (shared/anchoring.ts: exact → quote with context → fuzzy), those that
// cannot be placed, and those on removed items, become 'orphaned'. Rows are only ever
// UPDATEd here: quote, note and colour of an orphan stay as they were.
import { reanchor } from '../../shared/anchoring';
import type { Annotation, ItemKind } from '../../shared/model';
import type { Db } from '../store/db';
import type { InstallResult, ItemKey } from '../store/install';
import { itemText, rowToAnnotation, writeAnnotation, type AnnotationRow } from './rows';
import { indexAnnotation } from './searchSeam';

export interface ReanchorStats {
  checked: number;
  exact: number;
  context: number;
  fuzzy: number;
  /** Item notes (no anchor) whose item is installed. */
  whole: number;
  orphaned: number;
}

export function emptyStats(): ReanchorStats {
  return { checked: 0, exact: 0, context: 0, fuzzy: 0, whole: 0, orphaned: 0 };
}

/**
 * Where `a` belongs in `text` (null: its item is not installed). Returns the annotation
 * to store and how it was placed. Never changes id, note, colour or timestamps: moving
 * with the text is not an edit by the reader.
 */
export function placeAnnotation(
  a: Annotation,
  text: string | null,
): { annotation: Annotation; how: keyof Omit<ReanchorStats, 'checked'> } {
  if (text === null) return { annotation: { ...a, status: 'orphaned' }, how: 'orphaned' };
  if (a.anchor === null) return { annotation: { ...a, status: 'anchored' }, how: 'whole' };
  const placed = reanchor(text, a.anchor);
  if (!placed) return { annotation: { ...a, status: 'orphaned' }, how: 'orphaned' };
  return { annotation: { ...a, anchor: placed.anchor, status: 'anchored' }, how: placed.match.method };
}

/** Re-place every annotation on one item against its installed text (or orphan them if it is gone). */
export function reanchorItem(
  db: Db,
  ref: { packId: string; kind: ItemKind; itemId: string },
  stats: ReanchorStats = emptyStats(),
): ReanchorStats {
  const rows = db
    .prepare('SELECT * FROM annotations WHERE pack_id = ? AND item_kind = ? AND item_id = ?')
    .all(ref.packId, ref.kind, ref.itemId) as AnnotationRow[];
  if (rows.length === 0) return stats;
  const text = itemText(db, ref);
  for (const row of rows) {
    const before = rowToAnnotation(row);
    const { annotation, how } = placeAnnotation(before, text);
    stats.checked++;
    stats[how]++;
    if (JSON.stringify(annotation) !== JSON.stringify(before)) {
      writeAnnotation(db, annotation);
      // The index holds the quote and the note; only a reworded quote needs re-indexing.
      if (annotation.anchor?.quote !== before.anchor?.quote) indexAnnotation(db, annotation);
    }
  }
  return stats;
}

/** The install hook's work: every annotated item that was added, changed or removed. */
export function reanchorAfterInstall(
  db: Db,
  result: Pick<InstallResult, 'packId' | 'added' | 'changed' | 'removed'>,
): ReanchorStats {
  const annotated = new Set(
    (
      db.prepare('SELECT DISTINCT item_kind, item_id FROM annotations WHERE pack_id = ?').all(result.packId) as {
        item_kind: string;
        item_id: string;
      }[]
    ).map((r) => `${r.item_kind}/${r.item_id}`),
  );
  const stats = emptyStats();
  if (annotated.size === 0) return stats;
  const touched: ItemKey[] = [...result.added, ...result.changed, ...result.removed];
  for (const key of touched) {
    if (!annotated.has(`${key.kind}/${key.id}`)) continue;
    reanchorItem(db, { packId: result.packId, kind: key.kind, itemId: key.id }, stats);
  }
  return stats;
}

/** Registered with `onInstall`; runs inside the install transaction, so a failure rolls the install back. */
export function reanchorOnInstall(db: Db, result: InstallResult): void {
  reanchorAfterInstall(db, result);
}
