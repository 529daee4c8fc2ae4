// Migration 7: a search document of an item holds the item's rowid, so a hit reads its
// item's text by rowid (electron/search/hits.ts) rather than through the items key
// index: one B-tree descent per hit instead of two. At 100,000 items that was a quarter
// of reading a query's hits. Annotations have none. Rows indexed before this migration
// get theirs here; an item keeps its rowid for as long as it is installed (updates
// change it in place), and its documents are rewritten whenever it is added or changed.
import type { Migration } from './index';

export const migration007: Migration = {
  version: 7,
  name: 'search-item-rowid',
  sql: `
    ALTER TABLE search_docs ADD COLUMN item_rowid INTEGER;
    UPDATE search_docs SET item_rowid = (
      SELECT i.rowid FROM items i
       WHERE i.pack_id = search_docs.pack_id AND i.kind = search_docs.item_kind AND i.id = search_docs.item_id
    ) WHERE kind <> 'annotation';
  `,
};
