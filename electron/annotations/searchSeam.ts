// The link to the search index (electron/search). Every write of an annotation calls
// `indexAnnotation` and every delete `unindexAnnotation`, inside the same transaction
// as the write, so search never shows a note that is gone or misses one just written.
// `setAnnotationIndexer` swaps the index out (tests, or a build without search).
import type { Annotation } from '../../shared/model';
import * as search from '../search/index';
import type { Db } from '../store/db';

export interface AnnotationIndexer {
  index(db: Db, annotation: Annotation): void;
  unindex(db: Db, id: string): void;
}

const searchIndexer: AnnotationIndexer = {
  index: (db, a) =>
    search.indexAnnotation(db, {
      id: a.id,
      pack_id: a.packId,
      item_kind: a.kind,
      item_id: a.itemId,
      quote: a.anchor?.quote ?? null,
      note: a.note,
    }),
  unindex: (db, id) => search.unindexAnnotation(db, id),
};

let indexer: AnnotationIndexer | null = searchIndexer;

export function setAnnotationIndexer(next: AnnotationIndexer | null): void {
  indexer = next;
}

export function getAnnotationIndexer(): AnnotationIndexer | null {
  return indexer;
}

export function indexAnnotation(db: Db, annotation: Annotation): void {
  indexer?.index(db, annotation);
}

export function unindexAnnotation(db: Db, id: string): void {
  indexer?.unindex(db, id);
}
