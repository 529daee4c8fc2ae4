// test/integration/sync/nginx.test.ts on a confidential pack: Debian's nginx serves the
// sealed folder as plain static files with its own ETags. Subscribe, update, then a 304.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packProtection } from '../../../electron/packs/confidential/index';
import { findPack } from '../../../electron/store/packsRepo';
import { findNginx, startNginx, type Nginx } from '../../fixtures/nginx';
import { openReader, subscribeReader, type Publisher, type Reader } from '../sync/helpers';
import { makeSealedPublisher, readerKeyOf } from './fixture';

const haveNginx = findNginx() !== null;
if (!haveNginx)
  console.warn('nginx is not installed (apt-get install -y nginx-light): the confidential nginx sync test is skipped');

let nginx: Nginx;
let publisher: Publisher;
let reader: Reader;

beforeAll(async () => {
  if (!haveNginx) return;
  reader = openReader();
  publisher = makeSealedPublisher(() => [readerKeyOf(reader.dataDir)]);
  publisher.publish(60);
  nginx = await startNginx(publisher.dir);
});
afterAll(async () => {
  reader?.close();
  await nginx?.stop();
});

/** nginx writes a request's log line after the response: wait until `n` lines from `from` are there. */
async function logLines(from: number, n: number): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const lines = nginx
      .accessLog()
      .slice(from)
      .map((l) => l.replaceAll('\\x22', '"'));
    if (lines.length >= n || Date.now() > deadline) return lines;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!haveNginx)('sync of a confidential pack from nginx', () => {
  it('adds, updates (every object new under the new key), then gets a 304', async () => {
    const added = await subscribeReader(reader, `${nginx.url}/`, publisher.key);
    // 60 items, 3 photos and the sealed header.
    expect(added).toMatchObject({ status: 'installed', version: 1, downloadedObjects: 64 });
    expect((await logLines(0, 66)).filter((l) => l.startsWith('200 /objects/'))).toHaveLength(64);

    const v2 = publisher.publish(60, { revised: new Set([12, 44]) });
    // nginx's ETag is mtime (whole seconds) + size; see electron/sync/PROTOCOL.md, "Weak ETags".
    const manifest = path.join(publisher.dir, 'manifest.json');
    const later = new Date(fs.statSync(manifest).mtimeMs + 5_000);
    fs.utimesSync(manifest, later, later);
    let mark = nginx.accessLog().length;
    const update = (await reader.sync.syncNow()).results[0]!;
    expect(update).toMatchObject({ status: 'installed', version: 2, changed: 2, downloadedObjects: 64 });
    const lines = await logLines(mark, 2 + v2.objects.length);
    expect(lines.map((l) => l.split(' ').slice(0, 2).join(' ')).sort()).toEqual(
      ['200 /manifest.json', '200 /manifest.sig', ...v2.objects.map((o) => `200 /objects/${o}`)].sort(),
    );
    const revised = reader.core.db
      .prepare("SELECT count(*) AS n FROM items WHERE pack_id = 'sync-summit' AND body LIKE '%Revised in revision 1%'")
      .get();
    expect(revised).toEqual({ n: 2 });
    expect(packProtection(reader.core.db, findPack(reader.core.db, 'sync-summit')!)).toMatchObject({
      encrypted: true,
      recipients: 1,
    });

    mark = nginx.accessLog().length;
    const again = (await reader.sync.syncNow()).results[0]!;
    expect(again.status).toBe('up-to-date');
    await logLines(mark, 1);
    await new Promise((r) => setTimeout(r, 200)); // anything else would be logged by now
    const rest = await logLines(mark, 1);
    expect(rest).toHaveLength(1);
    expect(rest[0]).toMatch(/^304 \/manifest\.json "[0-9a-f]+-[0-9a-f]+"$/);
  });
});
