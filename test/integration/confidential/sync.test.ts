// Sync of a confidential pack from a real HTTP server on 127.0.0.1 that misbehaves on
// purpose (the fault pattern of test/integration/sync): the reader's key is its data
// folder's own; every failure leaves every table as it was.
// The fault matrix, the nginx test and the SIGKILL test also run on confidential packs:
// test/integration/sync/{faults,nginx,crash}.test.ts, through variants.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readerIdentity, unlockReaderKey } from '../../../electron/identity/index';
import { sealPublication, type ReaderPublicKey } from '../../../electron/packs/confidential/index';
import { createManifest, serializeManifest, signManifest } from '../../../electron/packs/publish/manifest';
import { encodePack } from '../../../electron/packs/publish/objects';
import { publisherKey } from '../../../electron/packs/publish/keys';
import { getSubscription } from '../../../electron/sync/index';
import { findPack } from '../../../electron/store/packsRepo';
import { packProtection } from '../../../electron/packs/confidential/index';
import { sealedEncryption } from '../../../shared/manifest';
import { startFaultServer, type Fault, type FaultServer } from '../../fixtures/faultServer';
import { generatePack, makeKey, type TestKey } from '../../fixtures/syncPacks';
import { tempDir } from '../../fixtures/sourcePack';
import { contentDump, openReader, stagedObjects, subscribeReader, type Reader } from '../sync/helpers';

let server: FaultServer;
let dist: string;
let key: TestKey;
let reader: Reader;
let versions: string[][];

/** Publish a sealed version of a generated pack into `dist`, as `pack build --recipients` does. */
function publishSealed(version: number, recipients: ReaderPublicKey[], revised?: Set<number>): string[] {
  const pack = generatePack(40, { revised });
  const encoded = encodePack(pack);
  const plain = createManifest(pack.meta, encoded, {
    version,
    publishedAt: '2027-03-01T00:00:00Z',
    publisher: publisherKey(key.publicKey),
  });
  const sealed = sealPublication(plain, encoded.objects, recipients);
  fs.mkdirSync(path.join(dist, 'objects'), { recursive: true });
  for (const [name, bytes] of sealed.objects) fs.writeFileSync(path.join(dist, 'objects', name), bytes);
  const bytes = serializeManifest(sealed.manifest);
  fs.writeFileSync(path.join(dist, 'manifest.sig'), signManifest(bytes, key.privateKey));
  fs.writeFileSync(path.join(dist, 'manifest.json'), bytes);
  const names = [...sealed.objects.keys()];
  versions.push(names);
  return names;
}

function readerKeyOf(dataDir: string) {
  readerIdentity(dataDir);
  return unlockReaderKey(dataDir);
}

beforeAll(async () => {
  dist = tempDir('bb-conf-dist-');
  key = makeKey();
  server = await startFaultServer(dist);
});
afterAll(() => server.close());

beforeEach(async () => {
  fs.rmSync(dist, { recursive: true, force: true });
  versions = [];
  reader = openReader();
  publishSealed(1, [readerKeyOf(reader.dataDir)]);
  await subscribeReader(reader, `${server.url}/`, key);
  publishSealed(2, [readerKeyOf(reader.dataDir)], new Set([3, 17, 30]));
  server.reset();
});
afterEach(() => reader.close());

async function syncOnce() {
  const report = await reader.sync.syncNow();
  return report.results[0]!;
}
const installedVersion = () => findPack(reader.core.db, 'sync-summit')!.version;
function inject(which: (p: string) => boolean, fault: Fault, times = Infinity) {
  server.fault = (p, n) => (which(p) && n <= times ? fault : null);
}
const firstNew = () => {
  const target = versions[1]!.find((o) => !versions[0]!.includes(o))!;
  return { target, match: (p: string) => p.endsWith(target) };
};

describe('sync of a confidential pack', () => {
  it('installs the update (every object is new: a fresh content key per version) and keeps the label', async () => {
    const r = await syncOnce();
    expect(r).toMatchObject({ status: 'installed', version: 2, changed: 3, added: 0, removed: 0 });
    expect(r.message).toMatch(/^Updated Sync Test Summit from version 1 to 2/);
    expect(r.status === 'installed' && r.downloadedObjects).toBe(versions[1]!.length);
    expect(stagedObjects(reader.dataDir)).toEqual([]);
    expect(packProtection(reader.core.db, findPack(reader.core.db, 'sync-summit')!)).toMatchObject({
      encrypted: true,
      recipients: 1,
    });
    server.reset();
    expect((await syncOnce()).status).toBe('up-to-date');
  });

  it('a tampered object is refused, never staged, and the retry downloads only it', async () => {
    const { target, match } = firstNew();
    const before = contentDump(reader);
    inject(match, { kind: 'tamper' });
    const r = await syncOnce();
    expect(r.status === 'failed' && r.code).toBe('invalid-pack');
    expect(r.message).toMatch(/wrong SHA-256/);
    expect(contentDump(reader)).toEqual(before);
    expect(installedVersion()).toBe(1);
    expect(stagedObjects(reader.dataDir)).not.toContain(target);
    server.reset();
    const again = await syncOnce();
    expect(again.status).toBe('installed');
    expect(server.objectRequests()).toEqual([target]);
  });

  it('a truncated body is refused and nothing changes', async () => {
    const before = contentDump(reader);
    inject(firstNew().match, { kind: 'truncate' });
    const r = await syncOnce();
    expect(r.status === 'failed' && r.code).toBe('invalid-pack');
    expect(r.message).toMatch(/truncated/);
    expect(contentDump(reader)).toEqual(before);
    server.fault = null;
    expect((await syncOnce()).status).toBe('installed');
  });

  it('a version no longer addressed to this reader is refused before any object is fetched; the old one stays', async () => {
    const other = tempDir('bb-other-');
    publishSealed(3, [readerKeyOf(other)]);
    server.reset();
    const before = contentDump(reader);
    const r = await syncOnce();
    // Version 2 was skipped over: the host now serves version 3, to someone else.
    expect(r.status === 'failed' && r.code).toBe('unauthorized');
    expect(r.message).toMatch(/not addressed to this computer/);
    expect(r.message).toContain(unlockReaderKey(reader.dataDir).keyId);
    expect(server.objectRequests()).toEqual([]);
    expect(contentDump(reader)).toEqual(before);
    expect(installedVersion()).toBe(1);
  });

  it('a computer the pack is not addressed to cannot subscribe: nothing is stored', async () => {
    const outsider = openReader();
    try {
      const before = contentDump(outsider);
      await expect(subscribeReader(outsider, `${server.url}/`, key)).rejects.toMatchObject({ code: 'unauthorized' });
      expect(contentDump(outsider)).toEqual(before);
      expect(getSubscription(outsider.core.db, 'sync-summit')).toBeNull();
      expect(sealedEncryption(JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8')))).not.toBeNull();
    } finally {
      outsider.close();
    }
  });
});
