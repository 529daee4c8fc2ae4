// The sync algorithm (PROTOCOL.md): one subscription at a time, with the clock fixed
// once at the start.
//   1. conditional GET of manifest.json (If-None-Match); a 304, or the bytes already
//      installed, means up to date and costs nothing more;
//   2. publishing's fetchPublished: signature against the pinned key before anything
//      else, schema, expiry, rollback; then every object through our fetcher, which
//      answers from the store, then the staging area, and only then the network (each
//      download capped at its declared size and kept in staging once it verifies);
//   3. one transaction: publishing's installVerifiedPack (pin + content) and the
//      subscription's new state. Either the new version is in, or the old one is untouched.
import { BriefbookError, formatProblem, type ErrorCode } from '../../shared/errors';
import type { SyncResult } from '../../shared/syncApi';
import { sha256Hex } from '../packs/photos';
import type { PackFetcher } from '../packs/publish/fetcher';
import { installVerifiedPack, installedSignedVersion } from '../packs/publish/install';
import { publicKeyFromBase64, type PublicKeyInfo } from '../packs/publish/keys';
import type { ReaderKeySource } from '../packs/confidential/index';
import { identityOptionsFromEnv, readerKeySource } from '../identity/index';
import { fetchPublished, type FetchedPack } from '../packs/publish/load';
import { BUNDLE_MIN_OBJECTS, BundleReader, bundleEntries, planBundle } from '../packs/publish/bundle';
import { manifestObjects, type TrustAnchor, type VerifiedObjects } from '../packs/publish/verify';
import type { Db } from '../store/db';
import { currentPin } from '../store/publisherKeys';
import { DEFAULT_HTTP, DEFAULT_RETRY, type HttpOptions, type RetryOptions } from './http';
import { reusableItems } from './reuse';
import { localObjects, type LocalObjects } from './localObjects';
import { openRemote, type Remote } from './remote';
import { openStaging, type Staging } from './staging';
import { getSubscription, recordFailure, recordSuccess, recordUpToDate, type Subscription } from './subscriptions';

export interface SyncProgress {
  packId: string;
  objectsDone: number;
  objectsTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

export interface SyncSettings {
  http: HttpOptions;
  retry: RetryOptions;
  /** Objects downloaded at once. */
  concurrency: number;
}

// Objects are small (a few KB): with keep-alive connections, 32 requests in flight keep a
// loopback or LAN host busy (8 → 16 → 32 measured 2.1 → 1.8 → 1.5 s for 10,000 objects,
// and 818 → 653 ms for the GETs alone from nginx on a quiet 2-core machine).
export const DEFAULT_SYNC: SyncSettings = { http: DEFAULT_HTTP, retry: DEFAULT_RETRY, concurrency: 32 };

export interface SyncRun {
  db: Db;
  dataDir: string;
  /** Fixed once per sync: expiry and every recorded time use this instant. */
  now: Date;
  settings?: Partial<SyncSettings>;
  onProgress?: (p: SyncProgress) => void;
  /** This computer's reader key for confidential packs (default: the data folder's, unlocked from the environment). */
  readerKey?: ReaderKeySource;
}

/** The contract's SyncResult; an install also says where its time went (the benchmark reads it). */
export type SyncOutcome =
  | (Extract<SyncResult, { status: 'installed' }> & { timings?: { fetchMs: number; installMs: number } })
  | Exclude<SyncResult, { status: 'installed' }>;

export function settingsOf(run: SyncRun): SyncSettings {
  return { ...DEFAULT_SYNC, ...run.settings };
}

/**
 * A PackFetcher over one manifest already in hand: objects from the store, then staging,
 * then the remote, where many missing objects come in one request from the bundle.
 */
function syncFetcher(
  remote: Remote,
  manifest: { manifest: Buffer; signature: Buffer },
  local: LocalObjects,
  staging: Staging,
  counters: { objects: number; bytes: number },
): PackFetcher {
  return {
    location: remote.location,
    fetchManifest: async () => manifest,
    async prefetch(verified, wanted, onObject) {
      if (!remote.bundle || wanted.length < BUNDLE_MIN_OBJECTS) return;
      const entries = bundleEntries(verified);
      // Not worth it even if nothing wanted were here (a small update): no need to look.
      if (!planBundle(entries, new Set(wanted))) return;
      const missing = new Set(wanted.filter((sha) => !local.has(sha) && !staging.has(sha)));
      const plan = planBundle(entries, missing);
      if (!plan) return;
      const take = (sha256: string, bytes: Buffer) => {
        if (!missing.has(sha256)) return;
        counters.objects++;
        counters.bytes += bytes.length;
        staging.write(sha256, bytes);
        onObject(sha256, bytes);
      };
      let reader: BundleReader | null = null;
      try {
        await remote.bundle(verified.version, plan.from, plan.length, (chunk, start) => {
          // A host that ignores the range sends the bundle from its first record.
          reader ??= new BundleReader(entries, start === plan.from ? plan.first : 0, take);
          return reader.push(chunk);
        });
      } catch {
        // Cut off, timed out, refused: what arrived is kept, the rest comes one by one.
      }
    },
    async fetchObject(sha256, maxBytes) {
      const here = local.get(sha256) ?? staging.read(sha256, maxBytes);
      if (here) return here;
      const got = await remote.object(sha256, maxBytes);
      if (!got) return null;
      counters.objects++;
      counters.bytes += got.bytes.length;
      // Kept only when it is exactly what the manifest names; publishing's checkObject
      // then reports anything else precisely.
      if (got.bytes.length === maxBytes && got.sha256 === sha256) staging.write(sha256, got.bytes);
      return got.bytes;
    },
    async close() {},
  };
}

export interface FetchForInstall {
  /** Its items and photos are read from the staging area and the store when installed (VerifiedObjects.onDisk). */
  fetched: FetchedPack;
  etag: string | null;
  manifestSha256: string;
  downloadedObjects: number;
  downloadedBytes: number;
  fetchMs: number;
  /**
   * Close the staging area the pack is read from; once it is installed (`installed`), also
   * drop its objects from there. Call it whatever happened, after applyFetched.
   */
  release(installed: boolean): void;
}

/**
 * Fetch and verify the publication at `remote` against `trust`. Null when the remote's
 * manifest is the one already installed (`known`).
 */
export async function fetchForInstall(
  run: SyncRun,
  remote: Remote,
  trust: TrustAnchor | ((claimed: string | null, manifest: Buffer) => TrustAnchor),
  localPackId: string | null,
  known: { etag: string | null; manifestSha256: string | null } | null,
): Promise<FetchForInstall | null> {
  const settings = settingsOf(run);
  const started = performance.now();
  const answer = await remote.manifest(known?.etag ?? null);
  if (answer.status === 'not-modified') return null;
  const manifestSha256 = sha256Hex(answer.manifest);
  if (known && known.manifestSha256 === manifestSha256) return null;
  const staging = openStaging(run.dataDir);
  const counters = { objects: 0, bytes: 0 };
  let packId = localPackId ?? '';
  // Objects are looked up in the store once the manifest is verified (known callback).
  let store: LocalObjects | null = null;
  let sizes: ReadonlyMap<string, { size: number }> = new Map();
  const local: LocalObjects = {
    get: (sha) => store?.get(sha) ?? null,
    has: (sha) => store?.has(sha) ?? false,
  };
  // Verified objects stay where they are (staged, or in the store) and are read again
  // from there one at a time as the pack is decoded and installed: memory does not grow
  // with the pack.
  const kept: VerifiedObjects = {
    onDisk: true,
    get: (sha) => {
      const size = sizes.get(sha)?.size;
      if (size === undefined) return undefined;
      return staging.read(sha, size) ?? local.get(sha) ?? undefined;
    },
  };
  let fetched: FetchedPack;
  try {
    fetched = await fetchPublished(syncFetcher(remote, answer, local, staging, counters), {
      trust: (claimed) => {
        packId ||= claimed ?? '';
        return typeof trust === 'function' ? trust(claimed, answer.manifest) : trust;
      },
      now: run.now,
      installedVersion: (id) => installedSignedVersion(run.db, id),
      readerKey: run.readerKey ?? readerKeySource(run.dataDir, identityOptionsFromEnv()),
      concurrency: settings.concurrency,
      onProgress: (p) => run.onProgress?.({ packId, ...p }),
      known: (manifest) => {
        const reusable = reusableItems(run.db, manifest);
        store = localObjects(run.db, manifest, reusable.installedObject);
        sizes = manifestObjects(manifest);
        return reusable;
      },
      kept,
    });
  } catch (err) {
    staging.close();
    throw err;
  }
  return {
    fetched,
    etag: answer.etag,
    manifestSha256,
    downloadedObjects: counters.objects,
    downloadedBytes: counters.bytes,
    fetchMs: performance.now() - started,
    release(installed) {
      try {
        if (installed) staging.remove(sizes.keys());
      } finally {
        staging.close();
      }
    },
  };
}

function pinnedTrust(db: Db, packId: string): TrustAnchor {
  const pin = currentPin(db, packId);
  if (!pin)
    throw new BriefbookError(
      'bad-signature',
      `No publisher key is pinned for "${packId}", so no update can be trusted. Add the pack again with --pubkey NAME.pub.`,
    );
  return { publicKey: publicKeyFromBase64(pin.publicKey) };
}

/** Bring one subscription up to date. Never throws: failures are recorded and returned. */
export async function syncSubscription(run: SyncRun, packId: string): Promise<SyncOutcome> {
  const { db, now } = run;
  const sub = getSubscription(db, packId);
  if (!sub) return { packId, status: 'failed', code: 'not-found', message: `No subscription for "${packId}".` };
  let remote: Remote | null = null;
  try {
    const installed = installedSignedVersion(db, packId);
    const current = installed !== null && sub.version === installed;
    remote = openRemote(sub.url, { ...settingsOf(run) });
    const result = await fetchForInstall(
      run,
      remote,
      pinnedTrust(db, packId),
      packId,
      current ? { etag: sub.etag, manifestSha256: sub.manifestSha256 } : null,
    );
    if (!result) {
      recordUpToDate(db, packId, null, now);
      return {
        packId,
        status: 'up-to-date',
        version: installed,
        message: `${packId} is up to date (version ${installed}).`,
      };
    }
    let done = false;
    try {
      const { manifest } = result.fetched.verified;
      if (manifest.packId !== packId)
        throw new BriefbookError(
          'invalid-pack',
          `${sub.url} now serves pack "${manifest.packId}", not "${packId}". Nothing was changed; check the address with the publisher.`,
        );
      if (current && manifest.version === installed)
        throw new BriefbookError(
          'rollback',
          `${sub.url} serves version ${manifest.version} of "${packId}" with content different from the version ${installed} installed. A published version never changes; this copy is refused and nothing was changed.`,
        );
      const outcome = applyFetched(run, result, sub);
      done = true;
      return outcome;
    } finally {
      result.release(done);
    }
  } catch (err) {
    const failure = describeFailure(err);
    recordFailure(db, packId, failure.code, failure.message, now);
    return { packId, status: 'failed', ...failure };
  } finally {
    remote?.close();
  }
}

/** One transaction: publishing's install (pin + content) and the subscription's new state. */
export function applyFetched(
  run: SyncRun,
  result: FetchForInstall,
  sub: Pick<Subscription, 'packId'>,
  repin = false,
): Extract<SyncOutcome, { status: 'installed' }> {
  const { db, now } = run;
  const { manifest } = result.fetched.verified;
  const started = performance.now();
  const installed = db
    .transaction(() => {
      const r = installVerifiedPack(db, result.fetched, { now, repin });
      recordSuccess(
        db,
        sub.packId,
        { etag: result.etag, manifestSha256: result.manifestSha256, version: manifest.version },
        now,
      );
      return r;
    })
    .immediate();
  return {
    packId: sub.packId,
    status: 'installed',
    version: installed.version,
    previousVersion: installed.previousVersion,
    added: installed.added.length,
    changed: installed.changed.length,
    removed: installed.removed.length,
    downloadedObjects: result.downloadedObjects,
    downloadedBytes: result.downloadedBytes,
    timings: { fetchMs: Math.round(result.fetchMs), installMs: Math.round(performance.now() - started) },
    message:
      installed.previousVersion === null
        ? `Installed ${result.fetched.pack.meta.title} version ${installed.version}.`
        : `Updated ${result.fetched.pack.meta.title} from version ${installed.previousVersion} to ${installed.version}: ${installed.added.length} added, ${installed.changed.length} changed, ${installed.removed.length} removed.`,
  };
}

export function describeFailure(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof BriefbookError) {
    const shown = err.problems.slice(0, 5).map(formatProblem);
    const more = err.problems.length > 5 ? [`… and ${err.problems.length - 5} more`] : [];
    return { code: err.code, message: [err.message, ...shown, ...more].join('\n') };
  }
  return { code: 'internal', message: `Sync failed unexpectedly: ${err instanceof Error ? err.message : String(err)}` };
}

export type { PublicKeyInfo };
