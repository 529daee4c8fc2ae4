// Migration 2: the search index (electron/search). Derived data only: it can be
// dropped and rebuilt from items and annotations at any time.
//
// - search_docs: one row per searchable unit (an item, a meeting's agenda entry, an
//   annotation) with what a hit shows and points at; also the input of the in-memory
//   name index.
// - search_fts: FTS5 over the same rows (rowid = search_docs.rowid), contentless (the
//   text lives in items/annotations). Text is folded and CJK runs are bigrammed before
//   it gets here (electron/search/text.ts). The scope column holds filter tokens
//   (kind, pack) so filters are part of the MATCH. bm25 needs every matching row of
//   every term (for its IDF), so a query that matches more than FTS_CAP rows is
//   ranked without it (electron/search/fulltext.ts).
// - search_packs: a stable small number per pack (for scope tokens) and the indexed
//   version and generation, which invalidate the in-memory name index.
import type { Migration } from './index';

export const migration002: Migration = {
  version: 2,
  name: 'search',
  sql: `
    CREATE TABLE search_packs (
      pack_no         INTEGER PRIMARY KEY,
      pack_id         TEXT NOT NULL UNIQUE,
      indexed_version INTEGER,
      generation      INTEGER NOT NULL DEFAULT 0
    ) STRICT;

    CREATE TABLE search_docs (
      rowid         INTEGER PRIMARY KEY,
      pack_id       TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('official', 'meeting', 'talking-point', 'note', 'annotation')),
      item_kind     TEXT NOT NULL,
      item_id       TEXT NOT NULL,
      annotation_id TEXT,
      agenda_index  INTEGER,
      title         TEXT NOT NULL,
      subtitle      TEXT NOT NULL,
      country       TEXT,
      names         TEXT NOT NULL,
      heading       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX search_docs_by_item ON search_docs (pack_id, item_kind, item_id);
    CREATE UNIQUE INDEX search_docs_by_annotation ON search_docs (annotation_id) WHERE annotation_id IS NOT NULL;

    CREATE VIRTUAL TABLE search_fts USING fts5(
      names, heading, body, scope,
      tokenize = 'unicode61 remove_diacritics 2',
      content = '', contentless_delete = 1,
      -- Type-ahead asks for 2- and 3-letter prefixes; without these indexes FTS5
      -- would merge the doclists of every word they begin.
      prefix = '2 3'
    );

    CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
      DELETE FROM search_fts WHERE rowid = old.rowid;
    END;

    -- Removing a pack removes its documents in the same transaction; annotations stay
    -- searchable (they are the reader's, and outlive the item they were made on).
    CREATE TRIGGER search_pack_removed AFTER DELETE ON packs BEGIN
      DELETE FROM search_docs WHERE pack_id = old.id AND kind <> 'annotation';
      UPDATE search_packs SET indexed_version = NULL, generation = generation + 1 WHERE pack_id = old.id;
    END;
  `,
};
