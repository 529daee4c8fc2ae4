import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  checkExternalUrl,
  decideNavigation,
  hasControlOrSpace,
  isAppUrl,
  sameOrigin,
  validateExternalUrl,
} from '../../../electron/shell/urlPolicy';

describe('isAppUrl', () => {
  it('accepts pages of app://briefbook', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://briefbook/')).toBe(true);
    expect(isAppUrl('app://briefbook/index.html#/pack/g20/official/tanaka')).toBe(true);
    expect(isAppUrl('APP://BRIEFBOOK/index.html')).toBe(true);
  });

  it.each([
    ['a lookalike host', 'app://briefbook.evil/index.html'],
    ['a host with the app as prefix', 'app://briefbookevil/'],
    ['credentials that hide another host', 'app://briefbook@evil/'],
    ['credentials on the app host', 'app://user:pw@briefbook/'],
    ['a port', 'app://briefbook:8080/'],
    ['another scheme', 'https://briefbook/'],
    ['file:', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['a relative URL', '/index.html'],
    ['a percent-encoded host', 'app://brief%62ook/'],
    ['an embedded tab', 'app://brief\tbook/'],
    ['a leading space', ' app://briefbook/'],
    ['an empty string', ''],
    ['a non-string', 42],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('validateExternalUrl', () => {
  it('returns the normalised URL for plain http(s) links', () => {
    expect(validateExternalUrl('https://example.com')).toBe('https://example.com/');
    expect(validateExternalUrl('http://example.com/a?b=c#d')).toBe('http://example.com/a?b=c#d');
    expect(validateExternalUrl('HTTPS://Example.COM/Path')).toBe('https://example.com/Path');
    expect(validateExternalUrl('https://例え.jp/')).toBe('https://xn--r8jz45g.jp/');
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['JavaScript: in mixed case', 'JaVaScRiPt:alert(1)'],
    ['javascript: split by a tab', 'java\tscript:alert(1)'],
    ['javascript: split by a newline', 'java\nscript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['the app scheme', 'app://briefbook/index.html'],
    ['an app: lookalike', 'app://briefbook.evil/'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['mailto:', 'mailto:someone@example.com'],
    ['ftp:', 'ftp://example.com/'],
    ['credentials', 'https://user:pass@host/'],
    ['a user name only', 'https://user@example.com/'],
    ['a relative path', '/etc/passwd'],
    ['a protocol-relative URL', '//evil.example/'],
    ['a bare word', 'example.com'],
    ['leading whitespace', ' https://example.com/'],
    ['trailing newline', 'https://example.com/\n'],
    ['a NUL byte', 'https://example.com/\u0000'],
    ['a C1 control', 'https://example.com/\u0085'],
    ['a right-to-left override', 'https://example.com/\u202egpj.exe'],
    ['a zero-width space', 'https://exa\u200bmple.com/'],
    ['an empty string', ''],
    ['a non-string', { href: 'https://example.com/' }],
    ['an overly long URL', `https://example.com/${'a'.repeat(3000)}`],
  ])('refuses %s', (_what, url) => {
    expect(validateExternalUrl(url)).toBeNull();
  });

  it('says why a URL was refused', () => {
    expect(checkExternalUrl('file:///etc/passwd')).toEqual({ ok: false, reason: 'scheme file: is not allowed' });
    expect(checkExternalUrl('https://user:pass@host/')).toEqual({ ok: false, reason: 'credentials in the URL' });
  });

  it('compares allowed origins exactly, never by prefix', () => {
    const allowedOrigins = ['https://example.com'];
    expect(validateExternalUrl('https://example.com/page', { allowedOrigins })).toBe('https://example.com/page');
    expect(validateExternalUrl('https://example.com.attacker.com/page', { allowedOrigins })).toBeNull();
    expect(validateExternalUrl('https://example.com@attacker.com/', { allowedOrigins })).toBeNull();
    expect(validateExternalUrl('https://example.com:8443/', { allowedOrigins })).toBeNull();
    expect(validateExternalUrl('http://example.com/', { allowedOrigins })).toBeNull();
    expect(validateExternalUrl('https://sub.example.com/', { allowedOrigins })).toBeNull();
  });

  it('lets a lookalike host through only as itself', () => {
    // Without an allow-list any public https host may open, but what opens is exactly
    // the parsed URL: its origin is the attacker's, not example.com's.
    const check = checkExternalUrl('https://example.com.attacker.com/login');
    expect(check).toEqual({
      ok: true,
      url: 'https://example.com.attacker.com/login',
      origin: 'https://example.com.attacker.com',
    });
    expect(sameOrigin('https://example.com.attacker.com/login', 'https://example.com')).toBe(false);
  });
});

describe('sameOrigin', () => {
  it('matches scheme, host and port exactly', () => {
    expect(sameOrigin('https://example.com/a', 'https://EXAMPLE.com:443/b')).toBe(true);
    expect(sameOrigin('https://example.com', 'http://example.com')).toBe(false);
    expect(sameOrigin('https://example.com', 'https://example.com:444')).toBe(false);
  });

  it('never matches opaque or unparsable origins', () => {
    expect(sameOrigin('app://briefbook/', 'app://briefbook/')).toBe(false);
    expect(sameOrigin('data:text/html,x', 'data:text/html,x')).toBe(false);
    expect(sameOrigin('not a url', 'not a url')).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('keeps in-app navigation, sends http(s) out, denies the rest', () => {
    expect(decideNavigation('app://briefbook/index.html')).toEqual({ action: 'allow' });
    expect(decideNavigation('https://example.com')).toEqual({ action: 'open-external', url: 'https://example.com/' });
    expect(decideNavigation('file:///etc/passwd')).toMatchObject({ action: 'deny' });
    expect(decideNavigation('app://briefbook.evil/')).toMatchObject({ action: 'deny' });
    expect(decideNavigation('javascript:alert(1)')).toMatchObject({ action: 'deny' });
  });
});

describe('hasControlOrSpace', () => {
  it('finds controls, whitespace and invisible characters', () => {
    expect(hasControlOrSpace('https://example.com/')).toBe(false);
    for (const s of ['a b', 'a\tb', 'a\u0000b', 'a\u007fb', 'a\u00a0b', 'a\u2028b', 'a\ufeffb', 'a\u3000b']) {
      expect(hasControlOrSpace(s)).toBe(true);
    }
  });
});
