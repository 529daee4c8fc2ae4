// Migration 4: sync (electron/sync). Subscriptions and their status, and what the
// reader needs to see "what changed since I last read it". No user data lives here
// that a sync could lose: read_state, stars and annotations stay in their own tables.
//
// - subscriptions: one per pack followed from a URL or a published folder. etag and
//   manifest_sha256 describe the manifest installed from it (a 304, or the same
//   bytes, means up to date). The pinned key is publisher_keys' (migration 3).
// - pack_changes: items added, changed or removed by installs since the reader last
//   caught up; an added or changed item stops being news once it is opened at its
//   current version (read_state.read_sha256 = items.sha256).
// - item_versions: the version of an item the reader last opened, kept when an install
//   replaces or removes it, so a readable diff can be shown. Written by a trigger, so
//   every install path keeps it; pruned by the sync install hook.
import type { Migration } from './index';

export const migration004: Migration = {
  version: 4,
  name: 'sync',
  sql: `
    CREATE TABLE subscriptions (
      pack_id         TEXT PRIMARY KEY,
      url             TEXT NOT NULL,
      etag            TEXT,
      manifest_sha256 TEXT,
      version         INTEGER,
      added_at        TEXT NOT NULL,
      last_attempt_at TEXT,
      last_success_at TEXT,
      last_error_code TEXT,
      last_error      TEXT,
      last_error_at   TEXT
    ) STRICT;

    CREATE TABLE pack_changes (
      pack_id     TEXT NOT NULL,
      item_kind   TEXT NOT NULL,
      item_id     TEXT NOT NULL,
      change      TEXT NOT NULL CHECK (change IN ('added', 'changed', 'removed')),
      title       TEXT NOT NULL,
      version     INTEGER NOT NULL,
      recorded_at TEXT NOT NULL,
      PRIMARY KEY (pack_id, item_kind, item_id)
    ) STRICT;

    CREATE TABLE item_versions (
      pack_id   TEXT NOT NULL,
      item_kind TEXT NOT NULL,
      item_id   TEXT NOT NULL,
      sha256    TEXT NOT NULL,
      title     TEXT NOT NULL,
      data_json TEXT NOT NULL,
      body      TEXT NOT NULL,
      PRIMARY KEY (pack_id, item_kind, item_id, sha256)
    ) STRICT;

    CREATE TRIGGER items_keep_read_version_on_delete BEFORE DELETE ON items
    WHEN EXISTS (SELECT 1 FROM read_state r WHERE r.pack_id = old.pack_id AND r.item_kind = old.kind
                 AND r.item_id = old.id AND r.read_sha256 = old.sha256)
    BEGIN
      INSERT OR IGNORE INTO item_versions (pack_id, item_kind, item_id, sha256, title, data_json, body)
      VALUES (old.pack_id, old.kind, old.id, old.sha256, old.title, old.data_json, old.body);
    END;

    CREATE TRIGGER items_keep_read_version_on_update BEFORE UPDATE OF sha256 ON items
    WHEN old.sha256 <> new.sha256 AND EXISTS (SELECT 1 FROM read_state r WHERE r.pack_id = old.pack_id
                 AND r.item_kind = old.kind AND r.item_id = old.id AND r.read_sha256 = old.sha256)
    BEGIN
      INSERT OR IGNORE INTO item_versions (pack_id, item_kind, item_id, sha256, title, data_json, body)
      VALUES (old.pack_id, old.kind, old.id, old.sha256, old.title, old.data_json, old.body);
    END;
  `,
};
