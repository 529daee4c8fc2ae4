import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/api/core';
import { installPack } from '../../../electron/store/install';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { startBrowserHost, type RunningHost } from '../../../electron/serve/server';
import { tempDir, writeSourcePack } from '../../fixtures/sourcePack';

let core: Core;
let host: RunningHost;
let rendererDir: string;

beforeAll(async () => {
  core = openCore({ dataDir: tempDir(), transport: 'browser-host' });
  installPack(core.db, readSourceFolder(writeSourcePack()), { origin: 'local-draft', source: 'test' });
  rendererDir = tempDir('bb-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Briefbook</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'outside');
  host = await startBrowserHost({ core, rendererDir });
});
afterAll(async () => {
  await host.close();
  core.close();
});

function call(method: string, params: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Briefbook-Token': host.token, ...headers },
    body: JSON.stringify(params),
  });
}

/** fetch() will not let us forge Host, so raw requests use node:http. */
function rawGet(pathname: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { port } = new URL(host.origin);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('the browser host', () => {
  it('listens on loopback and prints a URL carrying the token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it("answers API calls with the core's results", async () => {
    const res = await call('getItem', { packId: 'test-summit', kind: 'official', itemId: 'tanaka-hiroshi' });
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(json).toMatchObject({ ok: true, value: { title: 'Tanaka Hiroshi', data: { nativeName: '田中 浩' } } });
  });

  it('refuses calls without the right token', async () => {
    expect((await call('listPacks', {}, { 'X-Briefbook-Token': 'wrong' })).status).toBe(401);
    const noToken = await fetch(`${host.origin}/api/listPacks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(noToken.status).toBe(401);
  });

  it('refuses another origin and a forged Host header (DNS rebinding)', async () => {
    expect((await call('listPacks', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await rawGet('/', { Host: 'evil.example' })).status).toBe(421);
  });

  it('validates method names and parameters with clear errors', async () => {
    const unknown = await call('dropTables', {});
    expect(unknown.status).toBe(404);
    const bad = await call('getItem', { packId: 'test-summit', kind: 'spy', itemId: 'x' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/^Invalid parameters for getItem: kind:/);
    const missing = await call('getItem', { packId: 'test-summit', kind: 'official', itemId: 'nobody' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain('has no official "nobody"');
  });

  it("writes a PDF only into the data folder's exports, never over a file elsewhere", async () => {
    const victim = path.join(tempDir('bb-victim-'), 'notes.pdf');
    fs.writeFileSync(victim, "the reader's own file");
    const params = { packId: 'test-summit', scope: { kind: 'all' }, notes: false, paper: 'a4' };
    for (const outPath of [victim, '../escape.pdf']) {
      const refused = await call('exportPdf', { ...params, outPath });
      expect(refused.status).toBe(400);
      expect((await refused.json()).error.message).toContain('only in its exports folder');
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe("the reader's own file");
    expect(fs.existsSync(path.join(core.dataDir, 'escape.pdf'))).toBe(false);

    const written = await call('exportPdf', { ...params, outPath: 'brief.pdf' });
    expect(written.status).toBe(200);
    expect((await written.json()).value.path).toBe(path.join(core.dataDir, 'exports', 'brief.pdf'));
    const copy = (await (await call('readExport', { fileName: 'brief.pdf' })).json()).value;
    expect(Buffer.from(copy.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await fetch(`${host.origin}/`);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(index.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(await (await fetch(`${host.origin}/assets/app.js`)).text()).toBe('console.log(1)');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      const res = await rawGet(p, { Host: new URL(host.origin).host });
      expect(res.body).not.toContain('outside');
    }
  });

  it('streams core events to subscribers who hold the token', async () => {
    const denied = await fetch(`${host.origin}/api/events?token=nope`);
    expect(denied.status).toBe(401);
    const controller = new AbortController();
    const res = await fetch(`${host.origin}/api/events?token=${host.token}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // the ": connected" comment
    core.events.emit({ type: 'packs-changed' });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toBe('data: {"type":"packs-changed"}\n\n');
    controller.abort();
  });
});
