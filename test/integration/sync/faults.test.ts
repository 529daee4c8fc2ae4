// Sync against a real HTTP server on 127.0.0.1 that misbehaves on purpose, for a signed
// pack and for a confidential one. Every case ends with the new version installed, or the
// old one untouched (every table compared, and still labelled as it was) and a clear status.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { startFaultServer, type Fault, type FaultServer } from '../../fixtures/faultServer';
import { makeKey } from '../../fixtures/syncPacks';
import { contentDump, openReader, stagedObjects, subscribeReader, type Publisher, type Reader } from './helpers';
import { isLabelled, VARIANTS } from './variants';

const CHANGED = new Set([3, 17, 30]);

describe.each(VARIANTS)('sync of a $name pack over HTTP with faults', (variant) => {
  let server: FaultServer;
  let publisher: Publisher;
  let reader: Reader;

  beforeAll(async () => {
    publisher = variant.makePublisher(() => reader.dataDir);
    server = await startFaultServer(publisher.dir);
  });
  afterAll(() => server.close());

  beforeEach(async () => {
    // v1 installed from the server; v2 (3 items changed) published and waiting.
    server.reset(); // a fault left by the last test would hit the subscription
    fs.rmSync(publisher.dir, { recursive: true, force: true });
    publisher.versions.length = 0;
    reader = openReader();
    publisher.publish(40);
    await subscribeReader(reader, `${server.url}/`, publisher.key);
    publisher.publish(40, { revised: CHANGED });
    server.reset();
  });
  afterEach(() => reader.close());

  const v2Objects = () => variant.newObjects(publisher.versions[0]!, publisher.versions[1]!);

  async function syncOnce() {
    const report = await reader.sync.syncNow();
    expect(report.results).toHaveLength(1);
    return report.results[0]!;
  }

  function installedVersion(): number {
    return (reader.core.db.prepare('SELECT version FROM packs WHERE id = ?').get('sync-summit') as { version: number })
      .version;
  }

  /** Inject `fault` on requests matching `which` (first `times` of them, or all). */
  function inject(which: (p: string) => boolean, fault: Fault, times = Infinity) {
    server.fault = (p, n) => (which(p) && n <= times ? fault : null);
  }
  const isObject = (p: string) => p.includes('/objects/');
  const isManifest = (p: string) => p.endsWith('manifest.json');
  const firstNew = () => {
    const target = v2Objects()[0]!;
    return (p: string) => p.endsWith(target);
  };

  async function expectUntouched(fault: () => void, code: string, message: RegExp) {
    const before = contentDump(reader);
    fault();
    const r = await syncOnce();
    expect(r.status).toBe('failed');
    expect(r.status === 'failed' && r.code).toBe(code);
    expect(r.message).toMatch(message);
    expect(contentDump(reader)).toEqual(before);
    expect(installedVersion()).toBe(1);
    expect(isLabelled(reader.core.db, variant)).toBe(true);
    expect(reader.sync.status().subscriptions[0]!.lastError?.code).toBe(code);
    // The next sync, with the host fixed, installs the new version.
    server.fault = null;
    const again = await syncOnce();
    expect(again.status, again.message).toBe('installed');
    expect(installedVersion()).toBe(2);
    expect(isLabelled(reader.core.db, variant)).toBe(true);
  }

  async function expectInstalled(fault: () => void) {
    fault();
    const r = await syncOnce();
    expect(r.status, r.message).toBe('installed');
    expect(installedVersion()).toBe(2);
    expect(isLabelled(reader.core.db, variant)).toBe(true);
    expect(reader.sync.status().subscriptions[0]!.lastError).toBeNull();
    expect(stagedObjects(reader.dataDir)).toEqual([]);
  }

  it('downloads only what the new version needs, then costs one conditional request', async () => {
    const r = await syncOnce();
    expect(r).toMatchObject({ status: 'installed', version: 2, previousVersion: 1, changed: 3, added: 0, removed: 0 });
    expect(server.requests.map((q) => q.path.split('/').pop()).sort()).toEqual(
      ['manifest.json', 'manifest.sig', ...v2Objects()].sort(),
    );
    expect(stagedObjects(reader.dataDir)).toEqual([]);
    server.reset();
    const again = await syncOnce();
    expect(again.status).toBe('up-to-date');
    expect(server.requests).toEqual([
      { path: '/manifest.json', ifNoneMatch: expect.any(String), range: null, status: 304 },
    ]);
    expect(reader.events.some((e) => e.type === 'sync-progress')).toBe(true);
  });

  it('slow responses: waits and installs', () => expectInstalled(() => inject(isObject, { kind: 'delay', ms: 150 })));

  it('a stalled response: times out, retries, installs', () =>
    expectInstalled(() => inject(firstNew(), { kind: 'stall' }, 1)));

  it('connection reset mid-object: retries, installs', () =>
    expectInstalled(() => inject(firstNew(), { kind: 'reset-mid' }, 1)));

  it('500s then success: retries with backoff, installs', async () => {
    await expectInstalled(() => inject(isManifest, { kind: 'status', code: 500 }, 2));
    expect(server.requests.filter((q) => isManifest(q.path)).map((q) => q.status)).toEqual([500, 500, 200]);
  });

  it('500s that do not stop: the old version stays, status says the host failed', () =>
    expectUntouched(() => inject(isObject, { kind: 'status', code: 503 }), 'network', /HTTP 503/));

  it('a 404 is not retried: the object is missing, nothing changes', async () => {
    await expectUntouched(() => inject(firstNew(), { kind: 'status', code: 404 }), 'invalid-pack', /missing/);
    expect(server.requests.filter((q) => q.status === 404)).toHaveLength(1);
  });

  it('a truncated body is refused', () =>
    expectUntouched(() => inject(firstNew(), { kind: 'truncate' }), 'invalid-pack', /truncated/));

  it('a tampered object is refused and never staged', async () => {
    const target = v2Objects()[0]!;
    const before = contentDump(reader);
    inject(firstNew(), { kind: 'tamper' });
    const r = await syncOnce();
    expect(r.status === 'failed' && r.code).toBe('invalid-pack');
    expect(r.message).toMatch(/wrong SHA-256/);
    expect(contentDump(reader)).toEqual(before);
    expect(stagedObjects(reader.dataDir)).not.toContain(target);
    // The good objects were kept: the retry downloads only the one that failed.
    server.reset();
    const again = await syncOnce();
    expect(again.status).toBe('installed');
    expect(server.objectRequests()).toEqual([target]);
  });

  it('an endless object body is cut off at its declared size and refused', () =>
    expectUntouched(() => inject(firstNew(), { kind: 'endless' }), 'invalid-pack', /larger than/));

  it('an endless manifest is cut off and refused unparsed', () =>
    expectUntouched(() => inject(isManifest, { kind: 'endless' }), 'invalid-pack', /limit for a manifest/));

  it('a tampered manifest is refused before any object is fetched: bad signature', async () => {
    const original = publisher.versions[1]!.manifestBytes;
    const tampered = variant.tamperManifest(original);
    expect(tampered.equals(original)).toBe(false);
    await expectUntouched(
      () => inject(isManifest, { kind: 'bytes', body: tampered }),
      'bad-signature',
      /does not verify/,
    );
  });

  it('a replayed older manifest is refused: rollback', async () => {
    expect((await syncOnce()).status).toBe('installed');
    const before = contentDump(reader);
    const v1 = publisher.versions[0]!;
    server.reset();
    server.fault = (p) =>
      isManifest(p)
        ? { kind: 'bytes', body: v1.manifestBytes }
        : p.endsWith('manifest.sig')
          ? { kind: 'bytes', body: v1.signature }
          : null;
    const r = await syncOnce();
    expect(r.status === 'failed' && r.code).toBe('rollback');
    expect(r.message).toMatch(/older than the installed version 2/);
    expect(server.objectRequests()).toEqual([]);
    expect(contentDump(reader)).toEqual(before);
    expect(isLabelled(reader.core.db, variant)).toBe(true);
  });

  it('a version signed by another key is refused before any object is fetched', async () => {
    const before = contentDump(reader);
    publisher.publish(40, { revised: CHANGED, key: makeKey() });
    const r = await syncOnce();
    expect(r.status === 'failed' && r.code).toBe('bad-signature');
    expect(r.message).toMatch(/unsigned key change is refused/);
    expect(server.objectRequests()).toEqual([]);
    expect(contentDump(reader)).toEqual(before);
  });

  // A confidential pack's expiry is inside its sealed header, so it is refused once the
  // header is opened (after its objects are fetched); a signed one's from the manifest.
  it('an expired version is refused; nothing changes', async () => {
    const before = contentDump(reader);
    publisher.publish(40, { revised: CHANGED, expires: '2027-03-01T00:00:00Z' });
    const r = await syncOnce();
    expect(r.status === 'failed' && r.code).toBe('expired');
    expect(r.message).toMatch(/expired on 2027-03-01/);
    expect(contentDump(reader)).toEqual(before);
    expect(installedVersion()).toBe(1);
    expect(isLabelled(reader.core.db, variant)).toBe(true);
  });

  it('no host: the old version stays and the status says offline with the last sync time', async () => {
    await server.close();
    try {
      const before = contentDump(reader);
      const r = await syncOnce();
      expect(r.status === 'failed' && r.code).toBe('network');
      expect(contentDump(reader)).toEqual(before);
      const status = reader.sync.status();
      expect(status.state).toBe('offline');
      expect(status.message).toMatch(/^offline — last synced (just now|\d+ min ago)$/);
      // Reading works as before.
      expect((await reader.core.api.getPack({ packId: 'sync-summit' })).items).toHaveLength(40);
    } finally {
      server = await startFaultServer(publisher.dir);
    }
  });
});
