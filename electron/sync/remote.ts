// Where a subscription's bytes come from: a web server (conditional GET, retries) or a
// published folder given as a file:// URL (a file share). Either way only bytes come
// back; publishing's verify.ts decides whether to trust them.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BriefbookError } from '../../shared/errors';
import { MANIFEST_LIMITS } from '../../shared/manifest';
import { dirFetcher, OBJECT_NAME } from '../packs/publish/fetcher';
import { sha256Hex } from '../packs/photos';
import { bundleName } from '../packs/publish/bundle';
import { MANIFEST_FILE, OBJECTS_DIR, SIGNATURE_FILE } from '../packs/publish/manifest';
import { createAgents, httpGet, withRetry, type HttpOptions, type RetryOptions } from './http';

export type ManifestAnswer =
  { status: 'not-modified' } | { status: 'ok'; manifest: Buffer; signature: Buffer; etag: string | null };

export interface Remote {
  /** The normalised address, recorded as the pack's source. */
  readonly location: string;
  manifest(etag: string | null): Promise<ManifestAnswer>;
  /** At most maxBytes + 1 bytes of the object, or null when the host has none. */
  object(sha256: string, maxBytes: number): Promise<{ bytes: Buffer; sha256: string } | null>;
  /**
   * Stream the object bundle of `version` (bundle.ts) from byte `from` (or from 0, if the
   * host ignores ranges: `start` says which) to `onChunk`, reading at most `maxBytes`.
   * A host without one answers 404, which is no error. Folders (file://) have no bundle
   * method: reading their objects one by one costs no round trips.
   */
  bundle?(
    version: number,
    from: number,
    maxBytes: number,
    onChunk: (chunk: Buffer, start: number) => boolean,
  ): Promise<void>;
  close(): void;
}

export interface RemoteOptions {
  http: HttpOptions;
  retry: RetryOptions;
  concurrency: number;
}

export function isSubscriptionUrl(s: string): boolean {
  return /^(https?|file):\/\//i.test(s);
}

/** The published folder's URL with a trailing slash (a URL ending in manifest.json is accepted too). */
export function normaliseUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new BriefbookError('invalid-input', `"${input}" is not a URL. Give the address the publisher sent you.`);
  }
  if (!['http:', 'https:', 'file:'].includes(url.protocol))
    throw new BriefbookError(
      'invalid-input',
      `Only http://, https:// and file:// addresses can be synced, not ${url.protocol}`,
    );
  if (url.username || url.password)
    throw new BriefbookError(
      'invalid-input',
      'Put no user name or password in the URL; packs are public, signed files.',
    );
  url.hash = '';
  url.search = '';
  if (url.pathname.endsWith(`/${MANIFEST_FILE}`)) url.pathname = url.pathname.slice(0, -MANIFEST_FILE.length);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export function openRemote(location: string, options: RemoteOptions): Remote {
  const base = normaliseUrl(location);
  return base.startsWith('file:') ? fileRemote(base) : httpRemote(base, options);
}

function httpRemote(base: string, options: RemoteOptions): Remote {
  const agents = createAgents(options.concurrency);
  const http: HttpOptions = { ...options.http, agents };
  const url = (name: string) => new URL(name, base).href;
  return {
    location: base,
    async manifest(etag) {
      const m = await withRetry(
        () => httpGet(url(MANIFEST_FILE), { maxBytes: MANIFEST_LIMITS.maxManifestBytes, etag }, http),
        options.retry,
      );
      if (m.status === 'not-modified') return { status: 'not-modified' };
      if (m.status === 'not-found')
        throw new BriefbookError(
          'not-found',
          `No ${MANIFEST_FILE} at ${base} (HTTP 404). Check the address with the publisher.`,
        );
      const s = await withRetry(
        () => httpGet(url(SIGNATURE_FILE), { maxBytes: MANIFEST_LIMITS.signatureBytes }, http),
        options.retry,
      );
      if (s.status !== 'ok')
        throw new BriefbookError(
          'bad-signature',
          `No ${SIGNATURE_FILE} at ${base}: the pack is not signed, so it is not trusted.`,
          [{ file: SIGNATURE_FILE, message: 'missing' }],
        );
      return { status: 'ok', manifest: m.body, signature: s.body, etag: m.etag };
    },
    async object(sha256, maxBytes) {
      if (!OBJECT_NAME.test(sha256)) return null;
      const r = await withRetry(() => httpGet(url(`${OBJECTS_DIR}/${sha256}`), { maxBytes }, http), options.retry);
      return r.status === 'ok' ? { bytes: r.body, sha256: r.sha256 } : null;
    },
    async bundle(version, from, maxBytes, onChunk) {
      // One attempt: what it delivers is kept, and the caller fetches the rest one by one.
      await httpGet(url(bundleName(version)), { maxBytes, from, onChunk }, http);
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

function fileRemote(base: string): Remote {
  const dir = fileURLToPath(base);
  if (!fs.existsSync(dir))
    throw new BriefbookError('network', `${dir} cannot be reached (is the file share mounted?).`);
  const fetcher = dirFetcher(dir);
  return {
    location: base,
    async manifest() {
      const { manifest, signature } = await fetcher.fetchManifest();
      return { status: 'ok', manifest, signature, etag: null };
    },
    async object(sha256, maxBytes) {
      const bytes = await fetcher.fetchObject(sha256, maxBytes);
      return bytes ? { bytes, sha256: sha256Hex(bytes) } : null;
    },
    close() {},
  };
}
