// The loopback browser host: the built renderer plus the same API as Electron's IPC,
// over HTTP on 127.0.0.1, guarded by a random per-run token. It is how our tests drive
// the real UI in Chromium, and a fallback where Electron is not installed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isApiMethod } from '../../shared/api';
import { BriefbookError, serializeError } from '../../shared/errors';
import type { Core } from '../api/core';
import { dispatch } from '../api/dispatch';
import { BROWSER_HOST_CSP, mimeType, resolveStaticFile } from './staticFiles';

export interface ServeOptions {
  core: Core;
  rendererDir: string;
  host?: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

function sendError(res: http.ServerResponse, status: number, err: BriefbookError): void {
  send(res, status, { ok: false, error: serializeError(err) });
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BriefbookError('invalid-input', 'Request body is larger than 1 MB.'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const STATUS_BY_CODE: Record<string, number> = {
  'invalid-input': 400,
  'not-found': 404,
  unauthorized: 401,
  internal: 500,
};

export async function startBrowserHost(options: ServeOptions): Promise<RunningHost> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host))
    throw new BriefbookError(
      'invalid-input',
      `The browser host only listens on loopback (127.0.0.1 or ::1), not "${host}": it serves your private briefing data.`,
    );
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const rendererDir = fs.realpathSync(options.rendererDir);
  const streams = new Set<http.ServerResponse>();
  let origin = '';

  const unsubscribe = options.core.onEvent((event) => {
    const data = `data: ${JSON.stringify(event)}\n\n`;
    for (const s of streams) s.write(data);
  });

  const server = http.createServer(async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    try {
      // DNS rebinding: a page elsewhere resolving its name to 127.0.0.1 must not reach us.
      const hostHeader = req.headers.host ?? '';
      if (hostHeader !== new URL(origin).host && hostHeader !== `localhost:${new URL(origin).port}`) {
        return sendError(res, 421, new BriefbookError('unauthorized', 'Unexpected Host header.'));
      }
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) return await handleApi(req, res, url);
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendError(res, 405, new BriefbookError('invalid-input', 'Method not allowed.'));
      const file = resolveStaticFile(rendererDir, url.pathname) ?? resolveStaticFile(rendererDir, '/index.html');
      if (!file)
        return sendError(res, 503, new BriefbookError('internal', 'The renderer is not built. Run `npm run build`.'));
      res.writeHead(200, {
        'Content-Type': mimeType(file),
        'Content-Security-Policy': BROWSER_HOST_CSP,
        'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
      });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    } catch (err) {
      if (!res.headersSent)
        sendError(res, 500, err instanceof BriefbookError ? err : new BriefbookError('internal', 'Internal error.'));
      else res.destroy();
    }
  });

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (url.pathname === '/api/events') {
      if (!tokensEqual(url.searchParams.get('token') ?? '', token))
        return sendError(res, 401, new BriefbookError('unauthorized', 'Missing or wrong token.'));
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (!tokensEqual(String(req.headers['x-briefbook-token'] ?? ''), token)) {
      return sendError(
        res,
        401,
        new BriefbookError('unauthorized', 'Missing or wrong token: open the URL that `briefbook serve` printed.'),
      );
    }
    const requestOrigin = req.headers.origin;
    if (requestOrigin && requestOrigin !== origin && requestOrigin !== origin.replace('127.0.0.1', 'localhost')) {
      return sendError(res, 403, new BriefbookError('unauthorized', 'Cross-origin requests are refused.'));
    }
    if (req.method !== 'POST')
      return sendError(res, 405, new BriefbookError('invalid-input', 'API calls are POST requests.'));
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, new BriefbookError('invalid-input', 'API calls must send application/json.'));
    }
    const method = decodeURIComponent(url.pathname.slice('/api/'.length));
    if (!isApiMethod(method))
      return sendError(res, 404, new BriefbookError('not-found', `Unknown API method "${method}".`));
    let params: unknown;
    try {
      const body = await readBody(req);
      params = body ? JSON.parse(body) : {};
    } catch (err) {
      return sendError(
        res,
        400,
        err instanceof BriefbookError ? err : new BriefbookError('invalid-input', 'Request body is not valid JSON.'),
      );
    }
    const result = await dispatch(options.core.api, method, params);
    if (result.ok) return send(res, 200, result);
    send(res, STATUS_BY_CODE[result.error.code] ?? 422, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${hostPart}:${address.port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
