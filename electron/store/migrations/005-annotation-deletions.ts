// Migration 5: the reader's deletions of annotations, and a guard that makes them the
// only way an annotation row can go. A DELETE on `annotations` aborts unless the row's
// id was first recorded in `annotation_deletions`, which only the reader's own delete
// (electron/annotations/repo.ts, deleteAnnotation) does. So a pack install, a sync, an
// import or a future bug cannot silently drop a note: it would fail loudly and roll back.
// (INSERT OR REPLACE would bypass delete triggers; the annotation code never uses it.)
import type { Migration } from './index';

export const migration005: Migration = {
  version: 5,
  name: 'annotation-deletions',
  sql: `
    -- One row per annotation the reader deleted. annotation_json holds the row as it
    -- was, so "undo" (restoreAnnotation) can bring it back with the same id; it is
    -- cleared after the restore window. The id itself stays, so an import of an older
    -- copy does not bring back what the reader deleted on purpose.
    CREATE TABLE annotation_deletions (
      id              TEXT PRIMARY KEY,
      deleted_at      TEXT NOT NULL,
      annotation_json TEXT
    ) STRICT;

    CREATE TRIGGER annotations_deleted_only_by_the_reader
    BEFORE DELETE ON annotations
    WHEN NOT EXISTS (SELECT 1 FROM annotation_deletions WHERE id = OLD.id)
    BEGIN
      SELECT RAISE(ABORT, 'annotations are deleted only by the reader (electron/annotations/repo.ts deleteAnnotation)');
    END;

    CREATE INDEX annotations_by_updated ON annotations (updated_at);
  `,
};
