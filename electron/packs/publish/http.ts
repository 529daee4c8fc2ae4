// A minimal HTTP(S) fetcher: plain GETs with byte caps and timeouts, a few redirects
// (never from https to http). Sync replaces it with conditional GETs, staging and
// resume; verification is the same either way.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { BriefbookError } from '../../../shared/errors';
import { MANIFEST_LIMITS } from '../../../shared/manifest';
import { LIMITS } from '../../../shared/model';
import { OBJECT_NAME, type PackFetcher } from './fetcher';
import { MANIFEST_FILE, OBJECTS_DIR, SIGNATURE_FILE } from './manifest';

export interface HttpOptions {
  /** Abort when no byte arrives for this long (ms). */
  timeoutMs?: number;
  maxRedirects?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function isHttpUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

type GetResult = { status: 'ok'; bytes: Buffer } | { status: 'not-found' };

/**
 * GET `url`, reading at most `limit` bytes (a longer body is cut there, so the caller
 * can tell it was too long). `sink`, when given, receives the bytes instead of memory.
 */
export function httpGet(
  url: string,
  limit: number,
  options: HttpOptions = {},
  sink?: fs.WriteStream,
): Promise<GetResult> {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let redirects = options.maxRedirects ?? 5;
  const attempt = (target: URL): Promise<GetResult> =>
    new Promise((resolve, reject) => {
      const lib = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
      if (!lib)
        return reject(
          new BriefbookError('invalid-input', `Only http:// and https:// URLs are supported, not ${target.protocol}`),
        );
      const req = lib.get(target, { headers: { 'accept-encoding': 'identity', 'user-agent': 'Briefbook' } }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          if (redirects-- <= 0) return reject(new BriefbookError('network', `${url}: too many redirects.`));
          const next = new URL(res.headers.location, target);
          if (target.protocol === 'https:' && next.protocol !== 'https:')
            return reject(new BriefbookError('network', `${url} redirects from https to ${next.protocol}; refused.`));
          return attempt(next).then(resolve, reject);
        }
        if (status === 404 || status === 410) {
          res.resume();
          return resolve({ status: 'not-found' });
        }
        if (status !== 200) {
          res.resume();
          return reject(
            new BriefbookError('network', `${target.href} answered HTTP ${status}; try again later or check the URL.`),
          );
        }
        const chunks: Buffer[] = [];
        let got = 0;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          if (sink) sink.end(() => resolve({ status: 'ok', bytes: Buffer.alloc(0) }));
          else resolve({ status: 'ok', bytes: Buffer.concat(chunks).subarray(0, limit) });
        };
        res.on('data', (chunk: Buffer) => {
          got += chunk.length;
          if (sink) sink.write(chunk.subarray(0, Math.max(0, chunk.length - Math.max(0, got - limit))));
          else chunks.push(chunk);
          if (got >= limit) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('error', (err) =>
          done ? undefined : reject(new BriefbookError('network', `${target.href}: ${err.message}`)),
        );
      });
      req.setTimeout(timeout, () =>
        req.destroy(new BriefbookError('network', `${target.href}: no answer for ${timeout / 1000} s (offline?)`)),
      );
      req.on('error', (err) =>
        reject(
          err instanceof BriefbookError
            ? err
            : new BriefbookError('network', `${target.href}: ${err.message}. Check the URL and the connection.`),
        ),
      );
    });
  return attempt(new URL(url));
}

/** A published directory on a web server: `base` is its URL (with or without /manifest.json). */
export function httpFetcher(base: string, options: HttpOptions = {}): PackFetcher {
  let root = base.replace(/[?#].*$/, '');
  if (root.endsWith(`/${MANIFEST_FILE}`)) root = root.slice(0, -MANIFEST_FILE.length);
  if (!root.endsWith('/')) root += '/';
  const url = (name: string) => new URL(name, root).href;
  return {
    location: root,
    async fetchManifest() {
      const m = await httpGet(url(MANIFEST_FILE), MANIFEST_LIMITS.maxManifestBytes + 1, options);
      if (m.status === 'not-found')
        throw new BriefbookError('not-found', `No ${MANIFEST_FILE} at ${root}. Check the URL the publisher gave you.`);
      const s = await httpGet(url(SIGNATURE_FILE), MANIFEST_LIMITS.signatureBytes + 1, options);
      if (s.status === 'not-found')
        throw new BriefbookError(
          'bad-signature',
          `No ${SIGNATURE_FILE} at ${root}: the pack is not signed. Nothing was installed.`,
          [{ file: SIGNATURE_FILE, message: 'missing' }],
        );
      return { manifest: m.bytes, signature: s.bytes };
    },
    async fetchObject(sha256, maxBytes) {
      if (!OBJECT_NAME.test(sha256)) return null;
      const r = await httpGet(url(`${OBJECTS_DIR}/${sha256}`), maxBytes + 1, options);
      return r.status === 'ok' ? r.bytes : null;
    },
    async close() {},
  };
}

/** Download a .briefpack URL to a private temporary file; the caller deletes it. */
export async function downloadToTemp(fileUrl: string, options: HttpOptions = {}): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-download-'));
  const file = path.join(dir, 'download.briefpack');
  const limit = LIMITS.maxPackBytes + 128 * 1024 * 1024;
  const sink = fs.createWriteStream(file, { mode: 0o600 });
  try {
    const r = await httpGet(fileUrl, limit + 1, options, sink);
    if (r.status === 'not-found') throw new BriefbookError('not-found', `Nothing at ${fileUrl} (HTTP 404).`);
    if (fs.statSync(file).size > limit)
      throw new BriefbookError('invalid-pack', `${fileUrl} is larger than ${Math.floor(limit / 1048576)} MB; refused.`);
    return file;
  } catch (err) {
    sink.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}
