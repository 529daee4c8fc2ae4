// Which URLs belong to the app and which may be handed to the OS browser. Pure (no
// `electron` import) so every rule is unit-tested. Every check parses the URL with the
// WHATWG parser and compares parsed parts exactly: never `startsWith` on strings,
// which would let `app://briefbook.evil/` or `https://example.com.attacker.com` through.

export const APP_SCHEME = 'app';
export const APP_HOST = 'briefbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longer than any link a person writes; a guard against pathological input. */
const MAX_EXTERNAL_URL_LENGTH = 2048;

/** Zero-width and bidirectional-override characters that make a URL read differently
 *  from what it is. */
const INVISIBLE = /[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/u;

/** True when `s` holds a C0/C1 control character, a space or other whitespace, or an
 *  invisible formatting character. The URL parser silently strips some of these
 *  (`java\tscript:` parses as `javascript:`), so they are refused outright. */
export function hasControlOrSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return /\s/u.test(s) || INVISIBLE.test(s);
}

function parseAbsolute(raw: unknown): URL | null {
  if (typeof raw !== 'string') return null;
  try {
    // No base: relative URLs ("/x", "//host/x", "x.html") throw and are refused.
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True when `url` is a page of the app itself: scheme `app`, host exactly `briefbook`,
 *  no port and no credentials. Chromium lower-cases standard-scheme hosts, so the host
 *  compares case-insensitively; anything else (percent-encoded hosts…) is refused. */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string' || hasControlOrSpace(url)) return false;
  const parsed = parseAbsolute(url);
  if (!parsed) return false;
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

export type ExternalUrlCheck = { ok: true; url: string; origin: string } | { ok: false; reason: string };

export interface ExternalUrlOptions {
  /** When given, the URL's origin must equal one of these exactly (e.g. "https://example.com"). */
  allowedOrigins?: readonly string[];
}

/**
 * Decide whether a link may be opened in the OS browser. Only absolute http(s) URLs with
 * a hostname and no credentials pass; the result is the parser's normalised form, and
 * that string (not the raw input) is what must be opened, so what was checked is
 * exactly what runs.
 */
export function checkExternalUrl(raw: unknown, options: ExternalUrlOptions = {}): ExternalUrlCheck {
  if (typeof raw !== 'string') return { ok: false, reason: 'not a string' };
  if (raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return { ok: false, reason: 'empty or too long' };
  if (hasControlOrSpace(raw)) return { ok: false, reason: 'contains whitespace or control characters' };
  const url = parseAbsolute(raw);
  if (!url) return { ok: false, reason: 'not an absolute URL' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, reason: `scheme ${url.protocol} is not allowed` };
  if (url.hostname === '') return { ok: false, reason: 'no host name' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials in the URL' };
  if (options.allowedOrigins && !options.allowedOrigins.some((o) => sameOrigin(url.origin, o))) {
    return { ok: false, reason: `origin ${url.origin} is not allowed` };
  }
  return { ok: true, url: url.href, origin: url.origin };
}

/** The normalised URL when it may be opened externally, else null. */
export function validateExternalUrl(raw: unknown, options: ExternalUrlOptions = {}): string | null {
  const check = checkExternalUrl(raw, options);
  return check.ok ? check.url : null;
}

/** Exact origin equality after parsing both sides (scheme, host and port). */
export function sameOrigin(a: string, b: string): boolean {
  const ua = parseAbsolute(a);
  const ub = parseAbsolute(b);
  if (!ua || !ub) return false;
  if (ua.origin === 'null' || ub.origin === 'null') return false; // opaque origins never match
  return ua.origin === ub.origin;
}

export type NavigationDecision =
  { action: 'allow' } | { action: 'open-external'; url: string } | { action: 'deny'; reason: string };

/** What to do when the page tries to go to `url` (a click, a redirect, a new window). */
export function decideNavigation(url: unknown): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  const check = checkExternalUrl(url);
  return check.ok ? { action: 'open-external', url: check.url } : { action: 'deny', reason: check.reason };
}
