import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  mimeTypeFor,
  resolveRendererPath,
  serveRendererFile,
} from '../../../electron/shell/rendererFiles';

let base: string;
let root: string;

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-renderer-'));
  root = path.join(base, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Briefbook</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'assets', 'font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  fs.writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
  fs.writeFileSync(path.join(base, 'renderer-evil.txt'), 'sibling with the same prefix');
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('resolveRendererPath', () => {
  it('maps app://briefbook paths into the renderer folder', () => {
    expect(resolveRendererPath(root, 'app://briefbook/')).toEqual({
      ok: true,
      filePath: path.join(root, 'index.html'),
      spaFallback: false,
    });
    expect(resolveRendererPath(root, 'app://briefbook/assets/index-abc.js?v=1#x')).toMatchObject({
      ok: true,
      filePath: path.join(root, 'assets', 'index-abc.js'),
    });
  });

  it.each([
    ['dot-dot (normalised by the URL parser, stays inside)', 'app://briefbook/../secret.txt', 'inside'],
    ['encoded dot-dot', 'app://briefbook/%2e%2e/secret.txt', 'inside'],
    ['an encoded slash inside dot-dot', 'app://briefbook/assets/..%2f..%2fsecret.txt', 403],
    ['an encoded backslash', 'app://briefbook/..%5csecret.txt', 400],
    ['a NUL byte', 'app://briefbook/index.html%00.js', 400],
    ['bad percent-encoding', 'app://briefbook/%E0%A4%A', 400],
    ['another host', 'app://evil/index.html', 403],
    ['a lookalike host', 'app://briefbook.evil/index.html', 403],
    ['another scheme', 'file:///etc/passwd', 403],
  ])('handles %s', (_what, url, expected) => {
    const result = resolveRendererPath(root, url);
    if (expected === 'inside') {
      expect(result.ok).toBe(true);
      if (result.ok) expect(path.relative(root, result.filePath).startsWith('..')).toBe(false);
    } else {
      expect(result).toMatchObject({ ok: false, status: expected });
    }
  });

  it('refuses methods other than GET and HEAD', () => {
    expect(resolveRendererPath(root, 'app://briefbook/index.html', 'POST')).toMatchObject({ ok: false, status: 405 });
  });
});

describe('serveRendererFile', () => {
  it('serves files with their MIME type and the CSP', async () => {
    const res = await serveRendererFile(root, 'app://briefbook/assets/index-abc.js');
    expect(res.status).toBe(200);
    expect(res.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(res.body?.toString()).toBe('console.log(1)');
  });

  it('serves index.html for / and for client-side routes, 404 for missing assets', async () => {
    expect((await serveRendererFile(root, 'app://briefbook/')).headers['Content-Type']).toBe(
      'text/html; charset=utf-8',
    );
    expect((await serveRendererFile(root, 'app://briefbook/packs/g20')).body?.toString()).toContain('<title>Briefbook');
    const missing = await serveRendererFile(root, 'app://briefbook/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const url of [
      'app://briefbook/../secret.txt',
      'app://briefbook/%2e%2e/secret.txt',
      'app://briefbook/assets/..%2f..%2fsecret.txt',
      'app://briefbook/..%2frenderer-evil.txt',
    ]) {
      const res = await serveRendererFile(root, url);
      expect(res.body?.toString() ?? '').not.toMatch(/do not serve|same prefix/);
    }
  });

  it('answers HEAD without a body and a folder with 404', async () => {
    const head = await serveRendererFile(root, 'app://briefbook/index.html', 'HEAD');
    expect(head).toMatchObject({ status: 200, body: null });
    expect((await serveRendererFile(root, 'app://briefbook/assets')).status).toBe(200); // extension-less → index.html
    expect((await serveRendererFile(root, 'app://briefbook/assets.js')).status).toBe(404);
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer file types', () => {
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
