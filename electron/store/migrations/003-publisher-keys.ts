// Migration 3: the publisher key pinned for each signed pack, with its rotation
// history. A pin outlives the pack's removal: re-adding a pack never silently accepts
// a different key. Exactly one key per pack is current (retired_at IS NULL).
import type { Migration } from './index';

export const migration003: Migration = {
  version: 3,
  name: 'publisher-keys',
  sql: `
    CREATE TABLE publisher_keys (
      pack_id    TEXT NOT NULL,
      public_key TEXT NOT NULL,  -- raw 32-byte Ed25519 key, base64
      key_id     TEXT NOT NULL,
      -- how the key came to be trusted: given by the reader (--pubkey), or followed
      -- through a rotation the previous key signed
      pinned_via TEXT NOT NULL CHECK (pinned_via IN ('reader', 'rotation')),
      pinned_at  TEXT NOT NULL,
      retired_at TEXT,
      PRIMARY KEY (pack_id, public_key)
    ) STRICT;
    CREATE UNIQUE INDEX publisher_keys_current ON publisher_keys (pack_id) WHERE retired_at IS NULL;
  `,
};
