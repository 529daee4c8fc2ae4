// Migration 6: which published object each installed item was decoded from, so an update
// takes the unchanged items as installed instead of fetching or decoding them again
// (electron/sync/itemIndex.ts). It replaces a cache file per pack that had to be read,
// parsed and rewritten on every update; in the row, it is written in the same statement
// as the item and cannot drift from it. Items from a source folder or a confidential
// pack have none (NULL); rows installed before this migration get theirs at the next sync.
import type { Migration } from './index';

export const migration006: Migration = {
  version: 6,
  name: 'item-objects',
  sql: `
    ALTER TABLE items ADD COLUMN object_sha256 TEXT;
  `,
};
