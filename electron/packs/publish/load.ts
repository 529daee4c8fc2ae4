// From a location (published folder, .briefpack file, http(s) URL) to a verified
// LoadedPack: the one path `pack verify`, `add`, the bundled sample and sync share.
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError, type Problem } from '../../../shared/errors';
import { MANIFEST_LIMITS, sealedEncryption } from '../../../shared/manifest';
import { unsealVersion, type ReaderKeySource } from '../confidential/index';
import type { LoadedPack } from '../types';
import { BRIEFPACK_EXTENSION, looksLikeBriefpack, openBriefpack } from './briefpack';
import { decodeUtf8 } from './encoding';
import { dirFetcher, type PackFetcher } from './fetcher';
import { downloadToTemp, httpFetcher, isHttpUrl, type HttpOptions } from './http';
import { MANIFEST_FILE } from './manifest';
import {
  checkObject,
  decodePack,
  manifestObjects,
  verifyManifest,
  type KnownItems,
  type TrustAnchor,
  type VerifiedManifest,
  type VerifiedObjects,
} from './verify';

export interface FetchOptions {
  /**
   * The key to verify against, or a function choosing it from the pack id the
   * (not yet verified) manifest claims, e.g. the key pinned for that pack.
   */
  trust: TrustAnchor | ((claimedPackId: string | null) => TrustAnchor);
  now?: Date;
  /** The version of this pack already installed from a signed source; a lower one is refused. */
  installedVersion?: (packId: string) => number | null;
  /** Objects fetched at once (HTTP). */
  concurrency?: number;
  onProgress?: (p: { objectsDone: number; objectsTotal: number; bytesDone: number; bytesTotal: number }) => void;
  /** This computer's reader key, asked for only when the pack is confidential. */
  readerKey?: ReaderKeySource;
  /**
   * Items the caller already holds decoded from objects of this (verified) manifest: they
   * are neither fetched nor decoded again (see decodePack).
   */
  known?: (manifest: VerifiedManifest['manifest']) => KnownItems;
  /**
   * Where verified objects are kept instead of memory (sync's staging area, whose
   * fetcher writes them there itself; otherwise each is handed to `kept.put`): they are
   * then read from there, one at a time, as the pack is decoded and installed.
   */
  kept?: VerifiedObjects;
}

export interface FetchedPack {
  verified: VerifiedManifest;
  pack: LoadedPack;
  location: string;
  objectCount: number;
  totalBytes: number;
}

const PACK_ID_KEY = Buffer.from('"packId":"');
/** What a pack id may be (ItemId): letters, digits and hyphens, so it needs no unescaping. */
const PLAIN_ID = /^[a-z0-9][a-z0-9-]*$/;

/** The pack id a manifest claims, read before its signature is checked: only to choose which pinned key to check it with. */
export function claimedPackId(bytes: Buffer): string | null {
  if (bytes.length > MANIFEST_LIMITS.maxManifestBytes) return null;
  // A published manifest is canonical JSON: its top-level "packId" is found without
  // decoding and parsing a megabyte of item entries (about 15 ms of a 1 % update). A
  // quote in JSON text is escaped inside strings, so this finds a key, not text; a wrong
  // claim only picks the wrong key, which the signature check then refuses.
  const at = bytes.indexOf(PACK_ID_KEY);
  if (at >= 0) {
    const start = at + PACK_ID_KEY.length;
    const end = bytes.indexOf(0x22, start);
    const id = end > start && end - start <= 200 ? bytes.toString('latin1', start, end) : '';
    if (PLAIN_ID.test(id)) return id;
  }
  const text = decodeUtf8(bytes);
  if (text === null) return null;
  try {
    const json = JSON.parse(text) as unknown;
    const id = typeof json === 'object' && json !== null ? (json as { packId?: unknown }).packId : undefined;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

export async function fetchPublished(fetcher: PackFetcher, options: FetchOptions): Promise<FetchedPack> {
  const verifyFetched = async () => {
    const { manifest: bytes, signature } = await fetcher.fetchManifest();
    const trust = typeof options.trust === 'function' ? options.trust(claimedPackId(bytes)) : options.trust;
    return verifyManifest(bytes, signature, trust, { now: options.now });
  };
  let verified: VerifiedManifest;
  try {
    verified = await verifyFetched();
  } catch (err) {
    // The two files may have been fetched across a publisher's update: fetch both once more.
    if (!(err instanceof BriefbookError) || err.code !== 'bad-signature') throw err;
    verified = await verifyFetched();
  }
  const { manifest } = verified;
  const installed = options.installedVersion?.(manifest.packId) ?? null;
  if (installed !== null && manifest.version < installed)
    throw new BriefbookError(
      'rollback',
      `${fetcher.location} holds version ${manifest.version} of "${manifest.packId}", older than the installed version ${installed}. An older version is never installed over a newer one (it may be a replayed copy). Nothing was changed.`,
    );
  // Confidential: the content key is unwrapped with this computer's reader key before any
  // object is fetched (a reader the pack is not addressed to stops here); decryptObjects below.
  const sealed = sealedEncryption(manifest) ? unsealVersion(verified, options.readerKey) : null;

  const known = options.known?.(manifest);
  const all = [...manifestObjects(manifest)];
  const wanted = known ? all.filter(([sha]) => !known.items.has(sha)) : all;
  const bytesTotal = all.reduce((n, [, o]) => n + o.size, 0);
  const objects = new Map<string, Buffer>();
  const problems: Problem[] = [];
  let next = 0;
  let bytesDone = bytesTotal - wanted.reduce((n, [, o]) => n + o.size, 0);
  const done = new Set<string>();
  const progress = (sha256: string, size: number) => {
    if (done.has(sha256)) return;
    done.add(sha256);
    bytesDone += size;
    options.onProgress?.({
      objectsDone: all.length - wanted.length + done.size,
      objectsTotal: all.length,
      bytesDone,
      bytesTotal,
    });
  };
  // Verified bytes are held here only when no one keeps them for us (options.kept).
  const keep = (sha256: string, bytes: Buffer, size: number) => {
    if (!options.kept) objects.set(sha256, bytes);
    else options.kept.put?.(sha256, bytes);
    progress(sha256, size);
  };
  if (fetcher.prefetch && wanted.length > 0) {
    const objectsOfManifest = manifestObjects(manifest);
    await fetcher.prefetch(
      manifest,
      wanted.map(([sha256]) => sha256),
      (sha256, bytes) => {
        const e = known?.items.has(sha256) ? undefined : objectsOfManifest.get(sha256);
        // Anything not exactly right is simply fetched again on its own below.
        if (e && !done.has(sha256) && !checkObject(sha256, e, bytes)) keep(sha256, bytes, e.size);
      },
    );
  }
  const rest = done.size > 0 ? wanted.filter(([sha256]) => !done.has(sha256)) : wanted;
  const worker = async () => {
    while (next < rest.length) {
      const [sha256, expected] = rest[next++]!;
      const got = await fetcher.fetchObject(sha256, expected.size);
      const problem = checkObject(sha256, expected, got);
      if (!problem) keep(sha256, got!, expected.size);
      else {
        problems.push(problem);
        progress(sha256, expected.size);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, worker));
  if (problems.length > 0) {
    problems.sort((a, b) => (a.file < b.file ? -1 : 1));
    const n = problems.length;
    throw new BriefbookError(
      'invalid-pack',
      `${n} object${n === 1 ? '' : 's'} of "${manifest.packId}" version ${manifest.version} at ${fetcher.location} ${n === 1 ? 'does' : 'do'} not match the signed manifest; nothing was installed.`,
      problems,
    );
  }
  // decryptObjects: a confidential pack's objects are verified and decrypted, then decoded as any pack's.
  const verifiedObjects = options.kept ?? objects;
  const opened = sealed?.open(verifiedObjects, options.now ?? new Date());
  const pack = opened ? decodePack(opened.verified, opened.objects) : decodePack(verified, verifiedObjects, known);
  return { verified, pack, location: fetcher.location, objectCount: all.length, totalBytes: bytesTotal };
}

/**
 * The same checks on a publication already in memory (the bundled sample, tests):
 * manifest and signature, every object's size and hash, then decoding.
 */
export function verifyInMemory(
  publication: { manifestBytes: Buffer; signature: Buffer; objects: ReadonlyMap<string, Buffer> },
  trust: TrustAnchor,
  location: string,
  now?: Date,
  readerKey?: ReaderKeySource,
): FetchedPack {
  const verified = verifyManifest(publication.manifestBytes, publication.signature, trust, { now });
  const wanted = [...manifestObjects(verified.manifest)];
  const problems = wanted.flatMap(
    ([sha, expected]) => checkObject(sha, expected, publication.objects.get(sha) ?? null) ?? [],
  );
  if (problems.length > 0)
    throw new BriefbookError('invalid-pack', `${problems.length} objects do not match the signed manifest.`, problems);
  const sealed = sealedEncryption(verified.manifest) ? unsealVersion(verified, readerKey) : null;
  const opened = sealed?.open(publication.objects, now ?? new Date());
  const pack = opened ? decodePack(opened.verified, opened.objects) : decodePack(verified, publication.objects);
  const totalBytes = wanted.reduce((n, [, o]) => n + o.size, 0);
  return { verified, pack, location, objectCount: wanted.length, totalBytes };
}

/** The right fetcher for a folder, a .briefpack file or an http(s) URL. */
export async function openFetcher(location: string, http: HttpOptions = {}): Promise<PackFetcher> {
  if (isHttpUrl(location)) {
    const pathname = new URL(location).pathname;
    if (!pathname.endsWith(BRIEFPACK_EXTENSION)) return httpFetcher(location, http);
    const file = await downloadToTemp(location, http);
    const inner = await openBriefpack(file).catch((err: unknown) => {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
      throw err;
    });
    return {
      location,
      fetchManifest: () => inner.fetchManifest(),
      fetchObject: (sha, max) => inner.fetchObject(sha, max),
      async close() {
        await inner.close();
        fs.rmSync(path.dirname(file), { recursive: true, force: true });
      },
    };
  }
  const stat = fs.statSync(location, { throwIfNoEntry: false });
  if (!stat)
    throw new BriefbookError(
      'invalid-input',
      `${location} does not exist. Give a published folder, a .briefpack file or a URL.`,
    );
  if (stat.isDirectory()) {
    if (!fs.existsSync(path.join(location, MANIFEST_FILE)) && fs.existsSync(path.join(location, 'pack.yaml')))
      throw new BriefbookError(
        'invalid-input',
        `${location} is a pack source folder, not a published pack. Build it first: briefbook pack build ${location} --key NAME.key --out DIST`,
      );
    return dirFetcher(location);
  }
  if (!looksLikeBriefpack(location))
    throw new BriefbookError('invalid-input', `${location} is not a .briefpack file (it is not a ZIP archive).`);
  return openBriefpack(location);
}

/** Open, fetch, verify and decode; the fetcher is always closed. */
export async function loadPublished(
  location: string,
  options: FetchOptions & { http?: HttpOptions },
): Promise<FetchedPack> {
  const fetcher = await openFetcher(location, options.http);
  try {
    return await fetchPublished(fetcher, options);
  } finally {
    await fetcher.close();
  }
}
