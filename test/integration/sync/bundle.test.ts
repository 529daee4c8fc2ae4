// A first install through the object bundle: one request instead of one per object, every
// record checked against the signed manifest as a lone object would be, and whatever the
// bundle does not deliver (a tampered record, a cut-off stream, no bundle at all) fetched
// one by one. A sync cut off mid-bundle resumes with a Range request at the first object
// it does not hold, so nothing verified is downloaded twice.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { bundleEntries, bundleName, recordOffset, RECORD_HEAD } from '../../../electron/packs/publish/bundle';
import { startFaultServer, type FaultServer } from '../../fixtures/faultServer';
import { publishPack, type Published } from '../../fixtures/syncPacks';
import { makePublisher, openReader, stagedObjects, subscribeReader, type Publisher, type Reader } from './helpers';

const ITEMS = 240;
let server: FaultServer;
let publisher: Publisher;
let v1: Published;
const readers: Reader[] = [];

beforeAll(async () => {
  publisher = makePublisher((pack, dir, options) => publishPack(pack, dir, { ...options, bundle: true }));
  v1 = publisher.publish(ITEMS);
  server = await startFaultServer(publisher.dir);
});
afterAll(() => server.close());
afterEach(() => {
  while (readers.length) readers.pop()!.close();
  server.reset();
});

function reader(): Reader {
  const r = openReader();
  readers.push(r);
  return r;
}

const bundlePath = `/${bundleName(1)}`;
const bundleFile = () => path.join(publisher.dir, bundleName(1));
const itemCount = (r: Reader) => (r.core.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
/** Where record `index` of version 1's bundle starts. */
const offsetOf = (index: number) => recordOffset(bundleEntries(v1.manifest), index);

describe('a first install through the bundle', () => {
  it('takes every object in one request', async () => {
    const r = reader();
    const out = await subscribeReader(r, server.url, publisher.key);
    expect(out).toMatchObject({ status: 'installed', downloadedObjects: v1.objects.length });
    expect(server.requests.map((q) => q.path)).toEqual(['/manifest.json', '/manifest.sig', bundlePath]);
    expect(itemCount(r)).toBe(ITEMS);
  });

  it('fetches one by one from the first record that does not match its name, and installs', async () => {
    const entries = bundleEntries(v1.manifest);
    const bad = 150;
    const bytes = fs.readFileSync(bundleFile());
    bytes[offsetOf(bad) + RECORD_HEAD + 3]! ^= 0x20;
    server.fault = (p) => (p === bundlePath ? { kind: 'bytes', body: bytes } : null);
    const r = reader();
    expect(await subscribeReader(r, server.url, publisher.key)).toMatchObject({ status: 'installed' });
    expect(server.objectRequests().sort()).toEqual(
      entries
        .slice(bad)
        .map((e) => e.sha256)
        .sort(),
    );
    expect(itemCount(r)).toBe(ITEMS);
  });

  it('fetches the rest one by one when the bundle is cut off, missing, or endless', async () => {
    for (const fault of [
      { kind: 'truncate' },
      { kind: 'reset-mid' },
      { kind: 'status', code: 404 },
      { kind: 'endless' },
    ] as const) {
      server.reset();
      server.fault = (p) => (p === bundlePath ? fault : null);
      const r = reader();
      const out = await subscribeReader(r, server.url, publisher.key);
      expect(out, fault.kind).toMatchObject({ status: 'installed' });
      expect(itemCount(r), fault.kind).toBe(ITEMS);
      const fromBundle = v1.objects.length - server.objectRequests().length;
      if (fault.kind === 'truncate' || fault.kind === 'reset-mid') expect(fromBundle, fault.kind).toBeGreaterThan(50);
      else expect(fromBundle, fault.kind).toBe(0);
      // No object came twice.
      expect(new Set(server.objectRequests()).size).toBe(server.objectRequests().length);
    }
  });

  it('resumes after a cut-off with a Range request at the first object it does not hold', async () => {
    const r = reader();
    // The bundle stops half-way and every object request fails: the sync fails, keeping what arrived.
    server.fault = (p) =>
      p === bundlePath ? { kind: 'truncate' } : p.includes('/objects/') ? { kind: 'status', code: 404 } : null;
    const failed = await subscribeReader(r, server.url, publisher.key).catch((err: Error) => err);
    expect(failed).toBeInstanceOf(Error);
    expect(itemCount(r)).toBe(0);
    const staged = new Set(stagedObjects(r.dataDir));
    const entries = bundleEntries(v1.manifest);
    const firstMissing = entries.findIndex((e) => !staged.has(e.sha256));
    expect(firstMissing).toBeGreaterThan(50);

    server.reset();
    const out = await subscribeReader(r, server.url, publisher.key);
    expect(out).toMatchObject({ status: 'installed', downloadedObjects: entries.length - firstMissing });
    const bundleRequests = server.requests.filter((q) => q.path === bundlePath);
    expect(bundleRequests.map((q) => [q.range, q.status])).toEqual([[`bytes=${offsetOf(firstMissing)}-`, 206]]);
    expect(server.objectRequests()).toEqual([]);
    expect(itemCount(r)).toBe(ITEMS);
  });

  it('reads past what it holds when the host ignores the range', async () => {
    const r = reader();
    server.fault = (p) =>
      p === bundlePath ? { kind: 'truncate' } : p.includes('/objects/') ? { kind: 'status', code: 404 } : null;
    await subscribeReader(r, server.url, publisher.key).catch(() => null);
    const held = stagedObjects(r.dataDir).length;
    server.reset();
    server.ranges = false;
    const out = await subscribeReader(r, server.url, publisher.key);
    expect(out).toMatchObject({ status: 'installed', downloadedObjects: v1.objects.length - held });
    expect(server.requests.filter((q) => q.path === bundlePath).map((q) => q.status)).toEqual([200]);
    expect(server.objectRequests()).toEqual([]);
  });
});

describe('an update', () => {
  it('takes its few new objects one by one, not the bundle', async () => {
    const r = reader();
    await subscribeReader(r, server.url, publisher.key);
    const v2 = publisher.publish(ITEMS, { revised: new Set([30, 200]) });
    server.reset();
    expect((await r.sync.syncNow()).results[0]).toMatchObject({ status: 'installed', downloadedObjects: 2 });
    expect(server.requests.filter((q) => q.path.startsWith('/bundles/'))).toEqual([]);
    expect(server.objectRequests().sort()).toEqual(v2.objects.filter((o) => !v1.objects.includes(o)).sort());
  });
});
