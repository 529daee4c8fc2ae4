// Shared set-up for the sync tests: a data folder with the app's core (so every install
// hook runs as in the app), a published folder, and fast timeouts and retries.
import fs from 'node:fs';
import { openCore, type Core } from '../../../electron/api/core';
import { createSyncService } from '../../../electron/sync/service';
import { openStaging } from '../../../electron/sync/staging';
import { subscribe } from '../../../electron/sync/subscribe';
import type { SyncSettings } from '../../../electron/sync/sync';
import type { LoadedPack } from '../../../electron/packs/types';
import type { ApiEvent } from '../../../shared/api';
import { tempDir } from '../../fixtures/sourcePack';
import { dumpStore } from '../../fixtures/storeDump';
import {
  generatePack,
  makeKey,
  publishPack,
  type GenerateOptions,
  type Published,
  type TestKey,
} from '../../fixtures/syncPacks';

export const FAST: Partial<SyncSettings> = {
  http: { idleTimeoutMs: 400, deadlineMs: 5_000, maxRedirects: 5 },
  retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
  concurrency: 8,
};

/** Sync's clock for these tests: packs are current, nothing has expired. */
export const NOW = new Date('2027-03-10T12:00:00Z');

export interface Reader {
  core: Core;
  dataDir: string;
  events: ApiEvent[];
  sync: ReturnType<typeof createSyncService>;
  close(): void;
}

export function openReader(dataDir = tempDir('bb-data-'), now: () => Date = () => NOW): Reader {
  const core = openCore({ dataDir, transport: 'direct', now });
  const events: ApiEvent[] = [];
  const sync = createSyncService({ db: core.db, dataDir, emit: (e) => events.push(e), now, settings: FAST });
  return { core, dataDir, events, sync, close: () => core.close() };
}

export function subscribeReader(reader: Reader, url: string, key: TestKey) {
  return subscribe(
    { db: reader.core.db, dataDir: reader.dataDir, now: NOW, settings: FAST },
    { url, publicKey: key.publicKey },
  );
}

export interface Publisher {
  dir: string;
  key: TestKey;
  versions: Published[];
  publish(n: number, options?: GenerateOptions & { key?: TestKey }): Published;
}

/** How one version reaches the published folder: signed (the default), or also sealed. */
export type PublishVersion = (pack: LoadedPack, dir: string, options: { version: number; key: TestKey }) => Published;

export function makePublisher(publishVersion: PublishVersion = publishPack): Publisher {
  const dir = tempDir('bb-dist-');
  const key = makeKey();
  const p: Publisher = {
    dir,
    key,
    versions: [],
    publish(n, options = {}) {
      const pub = publishVersion(generatePack(n, options), dir, {
        version: p.versions.length + 1,
        key: options.key ?? key,
      });
      p.versions.push(pub);
      return pub;
    },
  };
  return p;
}

/** Every table except the subscription's own bookkeeping (which records the failure). */
export function contentDump(reader: Reader): Record<string, unknown[]> {
  const dump = dumpStore(reader.core.db);
  delete dump.subscriptions;
  return dump;
}

/** Objects in the staging area (complete records; their hashes are checked when read). */
export function stagedObjects(dataDir: string): string[] {
  if (!fs.existsSync(`${dataDir}/sync/objects`)) return [];
  const staging = openStaging(dataDir);
  try {
    return staging.list();
  } finally {
    staging.close();
  }
}
