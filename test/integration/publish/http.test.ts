// Published packs over real HTTP on 127.0.0.1: a static server, like nginx or S3 would be.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublished, type SigningKey } from '../../../electron/packs/publish/build';
import { addPublished } from '../../../electron/packs/publish/install';
import { loadPublished } from '../../../electron/packs/publish/load';
import { findPack } from '../../../electron/store/packsRepo';
import { MANIFEST_LIMITS } from '../../../shared/manifest';
import { PACK_ID, dumpStore, makeKey, openStore, tempDir, writeSource } from './fixture';

let root: string;
let key: SigningKey;
let server: http.Server;
let base: string;
/** Per-path faults: replace the body, or never answer. */
const faults = new Map<string, 'flip' | 'huge' | 'hang' | '500'>();

beforeAll(async () => {
  root = tempDir('bb-http-');
  key = makeKey();
  const source = writeSource(path.join(root, 'src'));
  await buildPublished(source, {
    key,
    outDir: path.join(root, 'www', 'packs', 'summit'),
    briefpack: path.join(root, 'www', 'summit.briefpack'),
  });
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const fault = faults.get(url.pathname);
    if (fault === 'hang') return;
    if (fault === '500') return void res.writeHead(500).end();
    if (fault === 'huge') {
      res.writeHead(200);
      const chunk = Buffer.alloc(1024 * 1024, 0x5b);
      for (let i = 0; i < 6; i++) res.write(chunk);
      return void res.end();
    }
    const file = path.join(root, 'www', path.normalize(url.pathname));
    if (!file.startsWith(path.join(root, 'www')) || !fs.existsSync(file) || !fs.statSync(file).isFile())
      return void res.writeHead(404).end();
    const body = fs.readFileSync(file);
    if (fault === 'flip') body[body.length - 2]! ^= 1;
    res.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('over HTTP', () => {
  it('verifies and installs from a published folder URL and from a .briefpack URL', async () => {
    const fetched = await loadPublished(`${base}/packs/summit/`, { trust: { publicKey: key.publicKey } });
    expect(fetched.verified.manifest.packId).toBe(PACK_ID);
    const db = openStore(path.join(root, 'store-ok'));
    await addPublished(db, `${base}/packs/summit/manifest.json`, { given: key.publicKey });
    expect(findPack(db, PACK_ID)?.source).toBe(`${base}/packs/summit/`);
    await addPublished(db, `${base}/summit.briefpack`, { given: key.publicKey });
    db.close();
  });

  it('refuses a tampered object, an oversized manifest, a missing pack and a dead server, leaving the store unchanged', async () => {
    const db = openStore(path.join(root, 'store-faults'));
    await addPublished(db, `${base}/packs/summit`, { given: key.publicKey });
    const before = dumpStore(db);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'www/packs/summit/manifest.json'), 'utf8'));
    const objectPath = `/packs/summit/objects/${manifest.items[0].sha256}`;
    const attempt = (url: string, timeoutMs = 5000) =>
      addPublished(db, url, { given: key.publicKey, http: { timeoutMs } });

    faults.set(objectPath, 'flip');
    await expect(attempt(`${base}/packs/summit/`)).rejects.toMatchObject({
      code: 'invalid-pack',
      problems: [{ file: objectPath.slice('/packs/summit/'.length), message: expect.stringMatching(/wrong SHA-256/) }],
    });
    faults.clear();

    faults.set('/packs/summit/manifest.json', 'huge');
    await expect(attempt(`${base}/packs/summit/`)).rejects.toThrow(
      new RegExp(`larger than ${MANIFEST_LIMITS.maxManifestBytes / 1024} KB`),
    );
    faults.clear();

    await expect(attempt(`${base}/nothing-here/`)).rejects.toMatchObject({ code: 'not-found' });

    faults.set('/packs/summit/manifest.json', '500');
    await expect(attempt(`${base}/packs/summit/`)).rejects.toMatchObject({ code: 'network' });
    faults.set('/packs/summit/manifest.json', 'hang');
    await expect(attempt(`${base}/packs/summit/`, 300)).rejects.toMatchObject({
      code: 'network',
      message: expect.stringMatching(/no answer/),
    });
    faults.clear();
    expect(dumpStore(db)).toBe(before);
    db.close();
  });
});
