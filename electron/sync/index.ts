// Sync: subscriptions that keep packs current over HTTP (or from a file share),
// safely, atomically and resumably. Public surface of electron/sync/; the protocol is
// described in PROTOCOL.md.
//   service.ts        one sync at a time, progress events, status, background schedule
//   sync.ts           the algorithm for one subscription
//   subscribe.ts      adding a subscription (URL + key or key id)
//   http.ts           GET with caps, timeouts, redirects, conditional GET, retries
//   remote.ts         http(s):// or file:// publications
//   staging.ts        verified objects kept on disk across runs
//   localObjects.ts   objects the store already holds
//   changes.ts        what changed since the reader last read it
//   expiry.ts         warn, lock, purge
import { setupChangeTracking } from './changes';

/** Register the install hook that records changes. Idempotent. */
export function setupSync(): void {
  setupChangeTracking();
}

export { createSyncService, type SyncService } from './service';
export { subscribe, parsePublicKeyText, type SubscribeInput } from './subscribe';
export { isSubscriptionUrl, normaliseUrl } from './remote';
export { packChanges, dismissChanges } from './changes';
export { assertReadable, expiryOf, removeContent } from './expiry';
export { deleteSubscription, getSubscription, listSubscriptions } from './subscriptions';
export { lastSynced } from './status';
