// Serving the built renderer (dist/renderer) for the app:// scheme: URL → file, with
// path traversal refused, exact MIME types and the security headers. No `electron`
// import, so it is unit-tested against a temp folder; electron/shell/protocol.ts only
// wraps the answer in a Response.
import fs from 'node:fs/promises';
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './urlPolicy';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers every app:// response carries, errors included. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

export type FileTarget =
  { ok: true; filePath: string; spaFallback: boolean } | { ok: false; status: 400 | 403 | 404 | 405; reason: string };

/**
 * Map a request URL to a file under `root`. Only GET/HEAD on app://briefbook; the
 * decoded path may not contain NUL, backslashes or `..` segments, and the resolved
 * file must stay inside `root` (checked with path.relative, not string prefixes).
 * "/" is index.html; an extension-less path that is not a file falls back to
 * index.html so client-side routes survive a reload.
 */
export function resolveRendererPath(root: string, requestUrl: string, method = 'GET'): FileTarget {
  if (method !== 'GET' && method !== 'HEAD') return { ok: false, status: 405, reason: `method ${method}` };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400, reason: 'unparsable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) {
    return { ok: false, status: 403, reason: `not ${APP_SCHEME}://${APP_HOST}` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400, reason: 'bad percent-encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\'))
    return { ok: false, status: 400, reason: 'forbidden character in path' };
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { ok: false, status: 403, reason: 'path traversal' };
  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  const absRoot = path.resolve(root);
  const filePath = path.resolve(absRoot, relative);
  const rel = path.relative(absRoot, filePath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel))
    return { ok: false, status: 403, reason: 'outside the renderer folder' };
  return { ok: true, filePath, spaFallback: path.extname(relative) === '' };
}

export interface FileResponse {
  status: number;
  headers: Record<string, string>;
  /** Null for HEAD requests and errors. */
  body: Buffer | null;
}

async function readFileIfRegular(filePath: string): Promise<Buffer | null> {
  try {
    const stat = await fs.stat(filePath);
    return stat.isFile() ? await fs.readFile(filePath) : null;
  } catch {
    return null;
  }
}

function errorResponse(status: number): FileResponse {
  return { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: null };
}

export async function serveRendererFile(root: string, requestUrl: string, method = 'GET'): Promise<FileResponse> {
  const target = resolveRendererPath(root, requestUrl, method);
  if (!target.ok) return errorResponse(target.status);
  let filePath = target.filePath;
  let body = await readFileIfRegular(filePath);
  if (body === null && target.spaFallback) {
    filePath = path.join(path.resolve(root), 'index.html');
    body = await readFileIfRegular(filePath);
  }
  if (body === null) return errorResponse(404);
  const headers = {
    ...securityHeaders(),
    'Content-Type': mimeTypeFor(filePath),
    'Content-Length': String(body.length),
  };
  return { status: 200, headers, body: method === 'HEAD' ? null : body };
}
