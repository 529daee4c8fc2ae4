// Debian's nginx as the host: a published folder (signed, or confidential) served as
// static files on a random 127.0.0.1 port, with nginx's own ETags. Subscribe, update,
// then a 304.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNginx, startNginx, type Nginx } from '../../fixtures/nginx';
import { bundleEntries, bundleName, recordOffset } from '../../../electron/packs/publish/bundle';
import { publishPack } from '../../fixtures/syncPacks';
import { makePublisher, openReader, stagedObjects, subscribeReader, type Publisher, type Reader } from './helpers';
import { isLabelled, VARIANTS } from './variants';

const haveNginx = findNginx() !== null;
if (!haveNginx) console.warn('nginx is not installed (apt-get install -y nginx-light): the nginx sync test is skipped');

describe.skipIf(!haveNginx).each(VARIANTS)('sync of a $name pack from nginx', (variant) => {
  let nginx: Nginx;
  let publisher: Publisher;
  let reader: Reader;

  beforeAll(async () => {
    reader = openReader();
    publisher = variant.makePublisher(() => reader.dataDir);
    publisher.publish(60);
    nginx = await startNginx(publisher.dir);
  });
  afterAll(async () => {
    reader?.close();
    await nginx?.stop();
  });

  /** Access-log lines ("<status> <uri> <range> <if-none-match>") written since `from` (nginx logs `"` as \x22). */
  const logSince = (from: number) =>
    nginx
      .accessLog()
      .slice(from)
      .map((l) => l.replaceAll('\\x22', '"'));

  /**
   * The lines from `from` on, once there are at least `n`: nginx writes a request's log
   * line after sending the response, so the client can be a little ahead of the log.
   */
  async function logLines(from: number, n: number): Promise<string[]> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const lines = logSince(from);
      if (lines.length >= n || Date.now() > deadline) return lines;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('adds, updates with only the objects it needs, then gets a 304 for the unchanged manifest', async () => {
    const added = await subscribeReader(reader, `${nginx.url}/`, publisher.key);
    // 60 items, 3 photos (and a confidential pack's sealed header).
    const objects = publisher.versions[0]!.objects.length;
    expect(objects).toBe(variant.encrypted ? 64 : 63);
    expect(added).toMatchObject({ status: 'installed', version: 1, downloadedObjects: objects });
    expect((await logLines(0, objects + 2)).filter((l) => l.startsWith('200 /objects/'))).toHaveLength(objects);

    const [v1] = publisher.versions;
    const v2 = publisher.publish(60, { revised: new Set([12, 44]) });
    // nginx's ETag is the file's mtime (whole seconds) and size. A real publish comes
    // minutes after the last; a test can write v2 within v1's second at the same size,
    // and nginx would then answer 304 (see electron/sync/PROTOCOL.md, "Weak ETags").
    const manifest = path.join(publisher.dir, 'manifest.json');
    const later = new Date(fs.statSync(manifest).mtimeMs + 5_000);
    fs.utimesSync(manifest, later, later);
    const fresh = variant.newObjects(v1!, v2);
    let mark = nginx.accessLog().length;
    const update = (await reader.sync.syncNow()).results[0]!;
    expect(update).toMatchObject({ status: 'installed', version: 2, changed: 2, downloadedObjects: fresh.length });
    const lines = await logLines(mark, 2 + fresh.length);
    // The installed ETag belonged to v1's manifest, so nginx answers 200 with the new one.
    expect(lines.map((l) => l.split(' ').slice(0, 2).join(' ')).sort()).toEqual(
      ['200 /manifest.json', '200 /manifest.sig', ...fresh.map((o) => `200 /objects/${o}`)].sort(),
    );
    const items = reader.core.db
      .prepare("SELECT count(*) AS n FROM items WHERE pack_id = 'sync-summit' AND body LIKE '%Revised in revision 1%'")
      .get();
    expect(items).toEqual({ n: 2 });
    expect(isLabelled(reader.core.db, variant)).toBe(true);

    // Unchanged: a conditional GET with nginx's ETag, answered 304, and nothing else.
    mark = nginx.accessLog().length;
    const again = (await reader.sync.syncNow()).results[0]!;
    expect(again.status).toBe('up-to-date');
    await logLines(mark, 1);
    await new Promise((r) => setTimeout(r, 200)); // anything else would be logged by now
    const [only, ...rest] = logSince(mark);
    expect(rest).toEqual([]);
    expect(only).toMatch(/^304 \/manifest\.json - "[0-9a-f]+-[0-9a-f]+"$/);
    const etag = reader.core.db.prepare("SELECT etag FROM subscriptions WHERE pack_id = 'sync-summit'").get() as {
      etag: string;
    };
    expect(only!.endsWith(etag.etag)).toBe(true);
  });
});

describe.skipIf(!haveNginx)('a first install from nginx through the object bundle', () => {
  it('is one request, and after a cut-off resumes with a Range at the first object not held', async () => {
    const publisher = makePublisher((pack, dir, options) => publishPack(pack, dir, { ...options, bundle: true }));
    const v1 = publisher.publish(240);
    const bundle = path.join(publisher.dir, bundleName(1));
    const whole = fs.readFileSync(bundle);
    const nginx = await startNginx(publisher.dir);
    const readers: Reader[] = [];
    try {
      const first = openReader();
      readers.push(first);
      expect(await subscribeReader(first, `${nginx.url}/`, publisher.key)).toMatchObject({ status: 'installed' });
      expect(nginx.accessLog().filter((l) => !l.includes('/manifest.'))).toEqual(['200 /bundles/1.bundle - -']);

      // A host that had only half the bundle and none of the objects yet: the sync fails, keeping the half.
      const cut = openReader();
      readers.push(cut);
      fs.writeFileSync(bundle, whole.subarray(0, whole.length >> 1));
      fs.renameSync(path.join(publisher.dir, 'objects'), path.join(publisher.dir, 'objects-hidden'));
      await expect(subscribeReader(cut, `${nginx.url}/`, publisher.key)).rejects.toThrow();
      const staged = new Set(stagedObjects(cut.dataDir));
      const entries = bundleEntries(v1.manifest);
      const firstMissing = entries.findIndex((e) => !staged.has(e.sha256));
      expect(firstMissing).toBeGreaterThan(50);

      fs.writeFileSync(bundle, whole);
      fs.renameSync(path.join(publisher.dir, 'objects-hidden'), path.join(publisher.dir, 'objects'));
      const mark = nginx.accessLog().length;
      expect(await subscribeReader(cut, `${nginx.url}/`, publisher.key)).toMatchObject({
        status: 'installed',
        downloadedObjects: entries.length - firstMissing,
      });
      const lines = nginx
        .accessLog()
        .slice(mark)
        .filter((l) => !l.includes('/manifest.'));
      expect(lines).toEqual([`206 /bundles/1.bundle bytes=${recordOffset(entries, firstMissing)}- -`]);
    } finally {
      for (const r of readers) r.close();
      await nginx.stop();
    }
  });
});
