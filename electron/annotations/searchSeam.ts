// The seam to the search index (electron/search). Every write of an annotation calls
// `indexAnnotation` and every delete `unindexAnnotation`, inside the same transaction
// as the write, so search never shows a note that is gone or misses one just written.
// The search module plugs its functions in with `setAnnotationIndexer`; until it does,
// these are no-ops and annotations are simply not searchable (listAnnotations' `text`
// filter still works).
import type { Annotation } from '../../shared/model';
import type { Db } from '../store/db';

export interface AnnotationIndexer {
  index(db: Db, annotation: Annotation): void;
  unindex(db: Db, id: string): void;
}

let indexer: AnnotationIndexer | null = null;

export function setAnnotationIndexer(next: AnnotationIndexer | null): void {
  indexer = next;
}

export function indexAnnotation(db: Db, annotation: Annotation): void {
  indexer?.index(db, annotation);
}

export function unindexAnnotation(db: Db, id: string): void {
  indexer?.unindex(db, id);
}
