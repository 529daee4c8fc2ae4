// Annotations: the reader's highlights and notes, which no pack update, crash or bad
// input may lose. Public surface of electron/annotations/.
//   repo.ts      create, edit, recolour, delete (with undo), restore, re-attach, list
//   reanchor.ts  re-anchoring inside every pack install (registered by setupAnnotations)
//   exchange.ts  export and import (EXPORT_FORMAT.md)
//   rows.ts      the table, read and written
//   searchSeam.ts  where the search index plugs in
import { onInstall } from '../store/install';
import { reanchorOnInstall } from './reanchor';

/** Register the install hook. Idempotent; openCore calls it before anything is installed. */
export function setupAnnotations(): void {
  onInstall(reanchorOnInstall);
}

export {
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotations,
  reattachAnnotation,
  restoreAnnotation,
  updateAnnotation,
} from './repo';
export { exportAnnotations, importAnnotations, buildExport, parseExport, importExport } from './exchange';
export { reanchorAfterInstall, reanchorItem, type ReanchorStats } from './reanchor';
export { getAnnotationIndexer, setAnnotationIndexer, type AnnotationIndexer } from './searchSeam';
