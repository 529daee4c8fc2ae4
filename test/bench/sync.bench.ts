// Sync benchmark: install a 10,000-item pack from a loopback host, then apply a 1 %
// update, printing wall time (with the phases) and peak memory. Targets: install ≤ 2 s,
// 1 % update ≤ 0.3 s. Run with `npm run bench -- sync`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/api/core';
import { createSyncService } from '../../electron/sync/service';
import { subscribe } from '../../electron/sync/subscribe';
import { startFaultServer } from '../fixtures/faultServer';
import { generatePack, makeKey, publishPack } from '../fixtures/syncPacks';

const N = Number(process.env.BENCH_SYNC_ITEMS ?? 10_000);
const now = () => new Date('2027-03-10T12:00:00Z');

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;

async function main() {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-dist-'));
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-data-'));
  const key = makeKey();
  publishPack(generatePack(N), dist, { version: 1, key });
  const server = await startFaultServer(dist);
  const core = openCore({ dataDir: data, transport: 'direct', now });
  const baseRss = process.memoryUsage().rss;
  peakRss = baseRss;

  let t = performance.now();
  const first = await subscribe(
    { db: core.db, dataDir: data, now: now(), settings: { concurrency: 16 } },
    { url: server.url, publicKey: key.publicKey },
  );
  const installMs = performance.now() - t;
  const installPeak = peakRss;
  console.log(
    `install ${N} items: ${installMs.toFixed(0)} ms (target ≤ 2000), ${first.downloadedObjects} objects, ${mb(first.downloadedBytes)} downloaded, ${server.requests.length} requests; peak RSS ${mb(installPeak)} (+${mb(installPeak - baseRss)})`,
  );

  const changed = new Set(Array.from({ length: Math.round(N / 100) }, (_, i) => i * 97 + 5));
  publishPack(generatePack(N, { revised: changed }), dist, { version: 2, key });
  server.reset();
  peakRss = process.memoryUsage().rss;
  const service = createSyncService({ db: core.db, dataDir: data, emit: () => {}, now, settings: { concurrency: 16 } });
  t = performance.now();
  const report = await service.syncNow();
  const updateMs = performance.now() - t;
  const r = report.results[0]!;
  console.log(
    `1% update (${changed.size} items): ${updateMs.toFixed(0)} ms (target ≤ 300), ${r.status === 'installed' ? `${r.downloadedObjects} objects downloaded` : r.message}, ${server.requests.length} requests; peak RSS ${mb(peakRss)}`,
  );

  server.reset();
  t = performance.now();
  await service.syncNow();
  console.log(`no change (304): ${(performance.now() - t).toFixed(0)} ms, ${server.requests.length} request`);

  clearInterval(sampler);
  core.close();
  await server.close();
  fs.rmSync(dist, { recursive: true, force: true });
  fs.rmSync(data, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
