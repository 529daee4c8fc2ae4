// Sync as the app and the CLI use it: runs one sync at a time, streams progress as
// events, keeps a status for the UI, enforces expiry (even with no network), and in the
// app syncs in the background at start and then periodically. Reading never waits for
// it: everything it does happens off the API calls, and an install is one short
// transaction at the end.
import type { ApiEvent } from '../../shared/api';
import type { SyncReport, SyncStatus } from '../../shared/syncApi';
import type { ReaderKeySource } from '../packs/confidential/index';
import type { Db } from '../store/db';
import { unreadChangeCount } from './changes';
import { expiryOf, packExpiries, purgeExpired } from './expiry';
import { acquireSyncLock } from './lock';
import { openStaging } from './staging';
import { lastSynced } from './status';
import { listSubscriptions } from './subscriptions';
import { syncSubscription, type SyncProgress, type SyncSettings } from './sync';

export interface SyncServiceOptions {
  db: Db;
  dataDir: string;
  emit: (event: ApiEvent) => void;
  now?: () => Date;
  settings?: Partial<SyncSettings>;
  /** This computer's reader key for confidential packs. */
  readerKey?: ReaderKeySource;
}

export interface SyncService {
  syncNow(options?: { packId?: string }): Promise<SyncReport>;
  status(): SyncStatus;
  /** Background sync: shortly after start, then every `intervalMs`. */
  start(options?: { firstDelayMs?: number; intervalMs?: number }): void;
  stop(): void;
  /** Purge expired packs now (also done by every sync). */
  enforceExpiry(): string[];
}

const OFFLINE = new Set(['offline', 'network']);

export function createSyncService(options: SyncServiceOptions): SyncService {
  const { db, dataDir, emit } = options;
  const now = options.now ?? (() => new Date());
  let running: Promise<SyncReport> | null = null;
  let progress: SyncProgress | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const enforceExpiry = (): string[] => {
    const purged = purgeExpired(db, now());
    if (purged.length > 0) emit({ type: 'packs-changed' });
    return purged;
  };

  const run = async (packId?: string): Promise<SyncReport> => {
    const startedAt = now();
    const purged = enforceExpiry();
    const release = acquireSyncLock(dataDir);
    try {
      openStaging(dataDir).clean();
      const subs = listSubscriptions(db).filter((s) => !packId || s.packId === packId);
      const results = [];
      for (const sub of subs) {
        const result = await syncSubscription(
          {
            db,
            dataDir,
            now: startedAt,
            settings: options.settings,
            readerKey: options.readerKey,
            onProgress: (p) => {
              progress = p;
              emit({ type: 'sync-progress', ...p });
            },
          },
          sub.packId,
        );
        progress = null;
        results.push(result);
        emit({ type: 'sync-finished', packId: sub.packId, ok: result.status !== 'failed', message: result.message });
        if (result.status === 'installed') emit({ type: 'packs-changed' });
      }
      return { startedAt: startedAt.toISOString(), finishedAt: now().toISOString(), results, purged };
    } finally {
      release();
    }
  };

  const service: SyncService = {
    syncNow({ packId } = {}) {
      if (running) return running;
      running = run(packId).finally(() => {
        running = null;
      });
      return running;
    },
    status() {
      const t = now();
      const titles = new Map(packExpiries(db, t).map((p) => [p.packId, p]));
      const subs = listSubscriptions(db);
      const subscriptions = subs.map((s) => {
        const pack = titles.get(s.packId);
        return {
          packId: s.packId,
          title: pack?.title ?? null,
          url: s.url,
          version: s.version,
          lastAttemptAt: s.lastAttemptAt,
          lastSuccessAt: s.lastSuccessAt,
          lastError:
            s.lastErrorCode && s.lastError && s.lastErrorAt
              ? { code: s.lastErrorCode, message: s.lastError, at: s.lastErrorAt }
              : null,
          expiry: pack ? { expires: pack.expires, state: pack.state, purgeAt: pack.purgeAt } : expiryOf(null, t),
          unreadChanges: pack ? unreadChangeCount(db, s.packId) : 0,
        };
      });
      const lastSuccessAt = subs
        .map((s) => s.lastSuccessAt)
        .reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null);
      const failing = subs.filter((s) => s.lastErrorCode && (!s.lastSuccessAt || s.lastErrorAt! >= s.lastSuccessAt));
      let state: SyncStatus['state'];
      let message: string;
      if (running) {
        state = 'syncing';
        message = progress
          ? `syncing ${progress.packId}: ${progress.objectsDone} of ${progress.objectsTotal} objects`
          : 'syncing…';
      } else if (subs.length === 0 || subs.every((s) => !s.lastAttemptAt)) {
        state = 'never';
        message = subs.length === 0 ? 'no subscriptions' : 'not synced yet';
      } else if (failing.length > 0 && failing.every((s) => OFFLINE.has(s.lastErrorCode!))) {
        state = 'offline';
        message = `offline — ${lastSynced(lastSuccessAt, t)}`;
      } else if (failing.length > 0) {
        state = 'error';
        message = `${failing.length === 1 ? `${failing[0]!.packId} could not be synced` : `${failing.length} packs could not be synced`} — ${lastSynced(lastSuccessAt, t)}`;
      } else {
        state = 'idle';
        message = `up to date — ${lastSynced(lastSuccessAt, t)}`;
      }
      return { state, message, lastSuccessAt, progress, subscriptions, expiries: [...titles.values()] };
    },
    start({ firstDelayMs = 3_000, intervalMs = 30 * 60_000 } = {}) {
      if (timer) return;
      stopped = false;
      const tick = (delay: number) => {
        timer = setTimeout(() => {
          service
            .syncNow()
            .catch((err: unknown) => console.error('[briefbook] background sync failed', err))
            .finally(() => {
              if (!stopped) tick(intervalMs);
            });
        }, delay);
        timer.unref();
      };
      tick(firstDelayMs);
    },
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    enforceExpiry,
  };
  return service;
}
