// The sync methods of the API contract (shared/syncApi.ts), over one profile's core.
import type { ApiEvent, BriefbookApi } from '../../shared/api';
import { BriefbookError } from '../../shared/errors';
import type { SyncApiResults } from '../../shared/syncApi';
import type { ReaderKeySource } from '../packs/confidential/index';
import type { Db } from '../store/db';
import { dismissChanges, packChanges } from './changes';
import { removeContent } from './expiry';
import type { SyncService } from './service';
import { parsePublicKeyText, subscribe } from './subscribe';
import { deleteSubscription } from './subscriptions';

export interface SyncApiDeps {
  db: Db;
  dataDir: string;
  sync: SyncService;
  emit: (event: ApiEvent) => void;
  now: () => Date;
  /** The reader's notes on a pack, in the annotations export format (electron/annotations). */
  exportNotes: (packId: string) => { fileName: string; json: string; count: number };
  /** This computer's reader key for confidential packs. */
  readerKey?: ReaderKeySource;
}

export function syncApi(deps: SyncApiDeps): Pick<BriefbookApi, keyof SyncApiResults> {
  const { db, sync, emit, now } = deps;
  return {
    addSubscription: async ({ url, publisherKey, keyId, repin }) => {
      const result = await subscribe(
        {
          db,
          dataDir: deps.dataDir,
          now: now(),
          onProgress: (p) => emit({ type: 'sync-progress', ...p }),
          readerKey: deps.readerKey,
        },
        { url, publicKey: publisherKey ? parsePublicKeyText(publisherKey) : null, keyId: keyId ?? null, repin },
      );
      emit({ type: 'packs-changed' });
      emit({ type: 'sync-finished', packId: result.packId, ok: true, message: result.message });
      return result;
    },
    removeSubscription: async ({ packId }) => ({ removed: deleteSubscription(db, packId) }),
    syncNow: ({ packId }) => sync.syncNow({ packId }),
    syncStatus: async () => sync.status(),
    packChanges: async ({ packId }) => packChanges(db, packId),
    dismissChanges: async ({ packId }) => ({ dismissed: dismissChanges(db, packId) }),
    removePack: async ({ packId }) => {
      const removed = db.transaction(() => {
        deleteSubscription(db, packId);
        return removeContent(db, packId);
      })();
      if (!removed) throw new BriefbookError('not-found', `No pack "${packId}" is installed.`);
      emit({ type: 'packs-changed' });
      return { removed };
    },
    exportBeforePurge: async ({ packId }) => deps.exportNotes(packId),
  };
}
