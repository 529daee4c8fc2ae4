// Migration 1: pack content (replaced only by installs) and the reader's own data
// (never touched by installs). User tables deliberately have no foreign keys to
// items: an item removed by the publisher must not take the reader's notes with it.
import type { Migration } from './index';

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE packs (
      id               TEXT PRIMARY KEY,
      title            TEXT NOT NULL,
      meta_json        TEXT NOT NULL,
      version          INTEGER NOT NULL,
      origin           TEXT NOT NULL CHECK (origin IN ('local-draft', 'signed')),
      source           TEXT NOT NULL,
      publisher_key_id TEXT,
      published_at     TEXT,
      installed_at     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE items (
      pack_id    TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      kind       TEXT NOT NULL CHECK (kind IN ('official', 'meeting', 'talking-point', 'note')),
      id         TEXT NOT NULL,
      title      TEXT NOT NULL,
      data_json  TEXT NOT NULL,
      body       TEXT NOT NULL,
      plain_text TEXT NOT NULL,
      sha256     TEXT NOT NULL,
      -- UTC instants in ms, for meetings only: schedules sort and group by these.
      starts_at  INTEGER,
      ends_at    INTEGER,
      PRIMARY KEY (pack_id, kind, id)
    ) STRICT;
    CREATE INDEX items_by_start ON items (pack_id, starts_at) WHERE starts_at IS NOT NULL;

    -- Photos are content-addressed: one row per distinct image, shared across packs.
    CREATE TABLE blobs (
      sha256 TEXT PRIMARY KEY,
      mime   TEXT NOT NULL,
      width  INTEGER NOT NULL,
      height INTEGER NOT NULL,
      bytes  BLOB NOT NULL
    ) STRICT;

    CREATE TABLE pack_assets (
      pack_id TEXT NOT NULL REFERENCES packs(id) ON DELETE CASCADE,
      path    TEXT NOT NULL,
      sha256  TEXT NOT NULL REFERENCES blobs(sha256),
      PRIMARY KEY (pack_id, path)
    ) STRICT;

    CREATE TABLE annotations (
      id         TEXT PRIMARY KEY,
      pack_id    TEXT NOT NULL,
      item_kind  TEXT NOT NULL,
      item_id    TEXT NOT NULL,
      quote      TEXT,
      prefix     TEXT,
      suffix     TEXT,
      start_pos  INTEGER,
      end_pos    INTEGER,
      color      TEXT,
      note       TEXT NOT NULL DEFAULT '',
      status     TEXT NOT NULL DEFAULT 'anchored' CHECK (status IN ('anchored', 'orphaned')),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX annotations_by_item ON annotations (pack_id, item_kind, item_id);

    CREATE TABLE stars (
      pack_id    TEXT NOT NULL,
      item_kind  TEXT NOT NULL,
      item_id    TEXT NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (pack_id, item_kind, item_id)
    ) STRICT;

    -- read_sha256 is the item version the reader last opened, so "changed since you
    -- read it" survives updates.
    CREATE TABLE read_state (
      pack_id     TEXT NOT NULL,
      item_kind   TEXT NOT NULL,
      item_id     TEXT NOT NULL,
      read_at     TEXT NOT NULL,
      read_sha256 TEXT NOT NULL,
      PRIMARY KEY (pack_id, item_kind, item_id)
    ) STRICT;

    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    ) STRICT;
  `,
};
