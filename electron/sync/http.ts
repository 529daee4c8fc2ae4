// The HTTP client sync uses: plain node:http/https GETs with a byte cap read while
// streaming (a longer body is cut off at cap + 1 bytes, so the caller sees it was too
// long without reading it all), an idle timeout and an overall deadline, a bounded
// number of redirects (never https → http), conditional GET with If-None-Match, and
// errors that say whether trying again can help.
import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { BriefbookError, type ErrorCode } from '../../shared/errors';

export interface HttpOptions {
  /** Abort when no byte arrives for this long. */
  idleTimeoutMs: number;
  /** Abort a single request that takes longer than this in total (slow-drip bodies). */
  deadlineMs: number;
  maxRedirects: number;
  /** Keep-alive agents, one per protocol, shared by the requests of one sync. */
  agents?: { http: http.Agent; https: https.Agent };
}

export const DEFAULT_HTTP: HttpOptions = { idleTimeoutMs: 20_000, deadlineMs: 120_000, maxRedirects: 5 };

export type HttpResult =
  /** `from`: where the body starts in the file (0 unless a Range request was answered 206). */
  | { status: 'ok'; body: Buffer; sha256: string; etag: string | null; from: number }
  | { status: 'not-modified'; etag: string | null }
  | { status: 'not-found' };

/** A failed request. `retryable` is true for network errors, timeouts and 5xx/408/429 answers. */
export class HttpError extends BriefbookError {
  readonly retryable: boolean;
  readonly httpStatus: number | null;
  constructor(code: ErrorCode, message: string, retryable: boolean, httpStatus: number | null = null) {
    super(code, message);
    this.name = 'HttpError';
    this.retryable = retryable;
    this.httpStatus = httpStatus;
  }
}

/** Errors that mean "no network here", as opposed to a host that misbehaves. */
const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EADDRNOTAVAIL']);

function networkError(url: URL, err: NodeJS.ErrnoException): HttpError {
  if (err instanceof HttpError) return err;
  const code = err.code ?? '';
  if (OFFLINE_CODES.has(code))
    return new HttpError(
      'offline',
      `${url.host} cannot be reached (${code}): no network, or the name does not resolve.`,
      true,
    );
  if (code === 'ECONNREFUSED') return new HttpError('network', `${url.host} refused the connection.`, true);
  return new HttpError('network', `${url.href}: the connection failed (${code || err.message}).`, true);
}

export function createAgents(maxSockets: number): { http: http.Agent; https: https.Agent } {
  return {
    http: new http.Agent({ keepAlive: true, maxSockets }),
    https: new https.Agent({ keepAlive: true, maxSockets }),
  };
}

export interface GetOptions {
  /** Read at most this many bytes; a longer body is returned cut at maxBytes + 1. */
  maxBytes: number;
  etag?: string | null;
  /** Ask for the body from this byte on (Range); the host may answer with all of it instead. */
  from?: number;
  /**
   * Hand the body over as it arrives, with where it starts in the file (`from` of the
   * result), instead of keeping it (`body` is then empty); returning false stops reading.
   */
  onChunk?: (chunk: Buffer, start: number) => boolean;
}

export function httpGet(url: string, get: GetOptions, options: HttpOptions = DEFAULT_HTTP): Promise<HttpResult> {
  let redirectsLeft = options.maxRedirects;
  const attempt = (target: URL): Promise<HttpResult> =>
    new Promise((resolve, reject) => {
      const lib = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
      if (!lib)
        return reject(
          new HttpError('invalid-input', `Only http:// and https:// URLs are synced, not ${target.href}.`, false),
        );
      const headers: Record<string, string> = { 'accept-encoding': 'identity', 'user-agent': 'Briefbook-sync' };
      if (get.etag) headers['if-none-match'] = get.etag;
      if (get.from) headers.range = `bytes=${get.from}-`;
      const agent = options.agents
        ? target.protocol === 'https:'
          ? options.agents.https
          : options.agents.http
        : undefined;
      let settled = false;
      const settle = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        fn();
      };
      const fail = (err: HttpError) => settle(() => reject(err));
      const req = lib.get(target, { headers, agent }, (res) => {
        const status = res.statusCode ?? 0;
        const etag = typeof res.headers.etag === 'string' ? res.headers.etag : null;
        if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
          res.resume();
          let next: URL;
          try {
            next = new URL(res.headers.location, target);
          } catch {
            return fail(new HttpError('network', `${target.href} redirects to an invalid address.`, false, status));
          }
          if (redirectsLeft-- <= 0)
            return fail(
              new HttpError('network', `${url}: more than ${options.maxRedirects} redirects; refused.`, false, status),
            );
          if (target.protocol === 'https:' && next.protocol !== 'https:')
            return fail(
              new HttpError(
                'network',
                `${target.href} redirects from https to ${next.protocol}; refused.`,
                false,
                status,
              ),
            );
          return settle(() => attempt(next).then(resolve, reject));
        }
        if (status === 304) {
          res.resume();
          return settle(() => resolve({ status: 'not-modified', etag: etag ?? get.etag ?? null }));
        }
        if (status === 404 || status === 410) {
          res.resume();
          return settle(() => resolve({ status: 'not-found' }));
        }
        let from = 0;
        if (status === 206 && get.from) {
          from = Number(/^bytes (\d+)-/.exec(String(res.headers['content-range']))?.[1] ?? NaN);
          if (from !== get.from) {
            res.resume();
            return fail(
              new HttpError('network', `${target.href} answered a range other than the one asked for.`, false),
            );
          }
        } else if (status !== 200) {
          res.resume();
          const retryable = status >= 500 || status === 408 || status === 429;
          return fail(
            new HttpError(
              'network',
              `${target.href} answered HTTP ${status}${retryable ? ' (the host has a problem; try again later)' : ''}.`,
              retryable,
              status,
            ),
          );
        }
        const cap = get.maxBytes + 1;
        const chunks: Buffer[] = [];
        const hash = crypto.createHash('sha256');
        let got = 0;
        const done = () => {
          const body = Buffer.concat(chunks, Math.min(got, cap));
          settle(() => resolve({ status: 'ok', body, sha256: hash.digest('hex'), etag, from }));
        };
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          const take = chunk.length > cap - got ? chunk.subarray(0, cap - got) : chunk;
          got += take.length;
          const more = get.onChunk ? get.onChunk(take, from) : (chunks.push(take), hash.update(take), true);
          if (got >= cap || !more) {
            // Larger than allowed, or the caller has what it wants: stop reading (and drop
            // the connection) right here.
            done();
            res.destroy();
            req.destroy();
          }
        });
        res.on('end', done);
        res.on('aborted', () =>
          fail(new HttpError('network', `${target.href}: the connection closed mid-body.`, true)),
        );
        res.on('error', (err) => fail(networkError(target, err)));
        res.on('close', () => {
          if (!res.complete) fail(new HttpError('network', `${target.href}: the connection closed mid-body.`, true));
        });
      });
      req.setTimeout(options.idleTimeoutMs, () =>
        req.destroy(
          new HttpError('network', `${target.href}: nothing received for ${options.idleTimeoutMs / 1000} s.`, true),
        ),
      );
      const deadline = setTimeout(
        () =>
          req.destroy(
            new HttpError('network', `${target.href}: took longer than ${options.deadlineMs / 1000} s; stopped.`, true),
          ),
        options.deadlineMs,
      );
      req.on('error', (err: NodeJS.ErrnoException) => fail(networkError(target, err)));
    });
  return attempt(new URL(url));
}

export interface RetryOptions {
  attempts: number;
  /** First wait; doubled each time, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { attempts: 4, baseDelayMs: 500, maxDelayMs: 8_000 };

/** Run `fn`, trying again after a growing pause while it fails with a retryable error. */
export async function withRetry<T>(fn: () => Promise<T>, retry: RetryOptions = DEFAULT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!(err instanceof HttpError) || !err.retryable || attempt >= retry.attempts) throw err;
      const pause = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** (attempt - 1));
      await new Promise((r) => setTimeout(r, pause / 2 + Math.random() * (pause / 2)));
    }
  }
}
