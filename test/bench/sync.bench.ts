// Sync benchmark: install a 10,000-item pack from a loopback host, then apply a 1 %
// update, printing wall time (with the phases), and the memory an install holds by pack
// size. Targets: install ≤ 2 s,
// 1 % update ≤ 0.3 s. Run with `npm run bench -- sync`.
//
// The host is Debian's nginx when installed (a real static host in its own process, so
// its work is not counted as ours), else the Node test server in this process. Each
// figure comes with a baseline measured in the same run:
//   - objects alone at 8 (the old default), 16 and 32 requests in flight;
//   - the install from the same host without the object bundle (FORMAT.md §5.2), that
//     is one request per object, after the one with it;
//   - the 1 % updates on a copy of the same data folder whose rows forget the object
//     they were decoded from (items.object_sha256) before each update, i.e. the path
//     without reuse (every installed item re-encoded to find its object, every object
//     decoded and validated again), against the normal one.
// Installs are repeated (BENCH_INSTALLS, default 3, alternating with and without the
// bundle), updates too (BENCH_UPDATES, default 5: versions 2, 3, … each revising the same
// 1 % of the items again); each path prints its median and best run.
//
// Memory is measured apart, by pack size (BENCH_MEMORY_SIZES, default 2500, 10000 and
// 20000 items): each install runs in a child process of its own with every collection a
// full one (--gc-global) and traced (--trace-gc), so the largest heap left after a
// collection is the most the install held live at once, sampled wherever it was, in
// synchronous code too (a timer cannot sample inside the install transaction). Printed
// beside it, as the baseline of the same run: the heap the pack's parsed manifest takes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { openCore } from '../../electron/api/core';
import { publicKeyFromBase64 } from '../../electron/packs/publish/keys';
import { parseManifest } from '../../electron/packs/publish/manifest';
import { manifestObjects, verifyManifest } from '../../electron/packs/publish/verify';
import { openRemote } from '../../electron/sync/remote';
import { createSyncService } from '../../electron/sync/service';
import { subscribe } from '../../electron/sync/subscribe';
import { DEFAULT_SYNC, type SyncOutcome } from '../../electron/sync/sync';
import { startFaultServer } from '../fixtures/faultServer';
import { findNginx, startNginx } from '../fixtures/nginx';
import { generatePack, makeKey, publishPack } from '../fixtures/syncPacks';

const N = Number(process.env.BENCH_SYNC_ITEMS ?? 10_000);
const MEMORY_SIZES = (process.env.BENCH_MEMORY_SIZES ?? '2500,10000,20000').split(',').map(Number);
const UPDATES = Number(process.env.BENCH_UPDATES ?? 5);
const INSTALLS = Number(process.env.BENCH_INSTALLS ?? 3);
const now = () => new Date('2027-03-10T12:00:00Z');

const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const ms = (t: number) => `${t.toFixed(0)} ms`;
const rows: [string, string, string][] = [];
const row = (what: string, figure: string, note = '') => {
  rows.push([what, figure, note]);
  console.log(`${what}: ${figure}${note ? ` (${note})` : ''}`);
};
/** Each timed run starts from a collected heap, so one run's garbage does not slow the next. */
const collect = () => global.gc?.();

/** The median run (its phases are printed) and the figure "<median> median, <best> best of <n>". */
function medianOf<R extends { wall: number }>(runs: readonly R[]): { mid: R; figure: string } {
  const sorted = [...runs].sort((a, b) => a.wall - b.wall);
  const mid = sorted[Math.floor(sorted.length / 2)]!;
  return { mid, figure: `${ms(mid.wall)} median, ${ms(sorted[0]!.wall)} best of ${runs.length}` };
}

interface UpdateRun {
  wall: number;
  outcome: Extract<SyncOutcome, { status: 'installed' }>;
}

async function host(root: string): Promise<{ url: string; name: string; close(): Promise<void> }> {
  if (findNginx() && process.env.BENCH_SYNC_HOST !== 'node') {
    const n = await startNginx(root);
    return { url: `${n.url}/`, name: 'nginx', close: n.stop };
  }
  const s = await startFaultServer(root);
  return { url: `${s.url}/`, name: 'node test server (in this process)', close: s.close };
}

async function main() {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-dist-'));
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-data-'));
  const key = makeKey();
  const v1 = publishPack(generatePack(N), dist, { version: 1, key, bundle: true });
  const server = await host(dist);
  console.log(`${N} items, host: ${server.name}, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)}`);

  // Network alone: every object of v1 fetched (nothing kept), at three concurrencies.
  for (const concurrency of [8, 16, 32]) {
    const remote = openRemote(server.url, { ...DEFAULT_SYNC, concurrency });
    const wanted = [...manifestObjects(v1.manifest)];
    let next = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < wanted.length) {
          const [sha, o] = wanted[next++]!;
          await remote.object(sha, o.size);
        }
      }),
    );
    remote.close();
    row(
      `  GET ${wanted.length} objects, ${concurrency} in flight`,
      ms(performance.now() - t),
      concurrency === DEFAULT_SYNC.concurrency ? 'the default' : concurrency === 8 ? 'old default' : '',
    );
  }
  let t = performance.now();
  verifyManifest(
    v1.manifestBytes,
    v1.signature,
    { publicKey: publicKeyFromBase64(key.publicKey.base64) },
    { now: now() },
  );
  row('  verifyManifest (signature + schema)', ms(performance.now() - t));

  // Installs alternate between the host with the bundle and without it (objects one by
  // one), INSTALLS times each, each into a fresh data folder; the last one with the
  // bundle is kept for the updates.
  const install = async (dir: string) => {
    const core = openCore({ dataDir: dir, transport: 'direct', now });
    collect();
    let progressAt = 0;
    const t0 = performance.now();
    const outcome = await subscribe(
      {
        db: core.db,
        dataDir: dir,
        now: now(),
        onProgress: (p) => {
          if (p.objectsDone === p.objectsTotal) progressAt = performance.now();
        },
      },
      { url: server.url, publicKey: key.publicKey },
    );
    const wall = performance.now() - t0;
    core.close();
    return { wall, objectsAt: progressAt - t0, outcome };
  };
  const installs = {
    bundle: [] as Awaited<ReturnType<typeof install>>[],
    perObject: [] as Awaited<ReturnType<typeof install>>[],
  };
  for (let i = 0; i < INSTALLS; i++) {
    const last = i === INSTALLS - 1;
    const dir = last ? data : fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-data-'));
    installs.bundle.push(await install(dir));
    if (!last) fs.rmSync(dir, { recursive: true, force: true });
    const perObject = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-data-per-object-'));
    fs.renameSync(path.join(dist, 'bundles'), path.join(dist, 'bundles-hidden'));
    installs.perObject.push(await install(perObject));
    fs.renameSync(path.join(dist, 'bundles-hidden'), path.join(dist, 'bundles'));
    fs.rmSync(perObject, { recursive: true, force: true });
  }
  for (const [label, runs] of [
    [`install ${N} items`, installs.bundle],
    [`install ${N} items without the bundle`, installs.perObject],
  ] as const) {
    const { mid, figure } = medianOf(runs);
    const o = mid.outcome;
    row(
      label,
      figure,
      `target ≤ 2000; median run: objects fetched and staged by ${ms(mid.objectsAt)}, fetch + verify + decode ${ms(o.timings!.fetchMs)}, install transaction ${ms(o.timings!.installMs)}; ${o.downloadedObjects} objects, ${mb(o.downloadedBytes)}`,
    );
  }

  // The same data folder twice: without reuse (object column cleared) and the normal path.
  const dataOld = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-data-old-'));
  fs.cpSync(data, dataOld, { recursive: true });
  const paths = [
    { label: '1% update without reuse', dir: dataOld, forget: true, runs: [] as UpdateRun[] },
    { label: '1% update', dir: data, forget: false, runs: [] as UpdateRun[] },
  ].map((p) => {
    const c = openCore({ dataDir: p.dir, transport: 'direct', now });
    return { ...p, core: c, service: createSyncService({ db: c.db, dataDir: p.dir, emit: () => {}, now }) };
  });
  // The same 1 % of the items revised again in each version (a different set would also
  // change back the last one's, 2 %).
  const changed = new Set(Array.from({ length: Math.round(N / 100) }, (_, i) => i * 97 + 5));
  for (let u = 0; u < UPDATES; u++) {
    publishPack(generatePack(N, { revised: changed, revision: u + 1 }), dist, { version: u + 2, key, bundle: true });
    for (const p of paths) {
      if (p.forget) p.core.db.prepare('UPDATE items SET object_sha256 = NULL').run();
      collect();
      t = performance.now();
      const report = await p.service.syncNow();
      const wall = performance.now() - t;
      const r = report.results[0]! as SyncOutcome; // the service's results carry the timings too
      if (r.status !== 'installed') throw new Error(`update ${u + 2} on ${p.label}: ${r.message}`);
      p.runs.push({ wall, outcome: r });
    }
  }
  for (const p of paths) {
    const { mid, figure } = medianOf(p.runs);
    const o = mid.outcome;
    row(
      `${p.label} (${changed.size} items)`,
      figure,
      `target ≤ 300; median run: ${o.downloadedObjects} objects downloaded, fetch + verify + decode ${ms(o.timings!.fetchMs)}, install transaction ${ms(o.timings!.installMs)}`,
    );
  }
  const normal = paths[1]!;
  t = performance.now();
  const again = await normal.service.syncNow();
  row('no change (304)', ms(performance.now() - t), again.results[0]!.status);
  for (const p of paths) p.core.close();
  await server.close();

  await memorySection();

  console.log(`\n| step | time | notes |\n|---|---|---|`);
  for (const [a, b, c] of rows) console.log(`| ${a.trim()} | ${b} | ${c} |`);
  console.log(`(syncs use ${DEFAULT_SYNC.concurrency} requests in flight)`);
  for (const d of [dist, data, dataOld]) fs.rmSync(d, { recursive: true, force: true });
}

/** The child of memorySection: install the pack at `url` into a fresh data folder, print the heap before. */
async function memoryChild(url: string, publicKey: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-memory-'));
  const core = openCore({ dataDir: dir, transport: 'direct', now });
  global.gc?.();
  console.log(`BASE ${v8.getHeapStatistics().used_heap_size}`);
  const outcome = await subscribe(
    { db: core.db, dataDir: dir, now: now() },
    { url, publicKey: publicKeyFromBase64(publicKey) },
  );
  console.log(`DONE ${outcome.status} ${outcome.version}`);
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** The heap a parsed manifest takes: what the install may hold per item beyond the content. */
function manifestHeap(bytes: Buffer): number {
  global.gc?.();
  const before = v8.getHeapStatistics().used_heap_size;
  const parsed = parseManifest(bytes);
  global.gc?.();
  const after = v8.getHeapStatistics().used_heap_size;
  if (!parsed.ok) throw new Error('the generated manifest does not parse');
  return after - before;
}

async function memorySection(): Promise<void> {
  const key = makeKey();
  for (const size of MEMORY_SIZES) {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-memory-dist-'));
    const published = publishPack(generatePack(size), dist, { version: 1, key, bundle: true });
    const server = await host(dist);
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--gc-global', '--trace-gc', process.argv[1]!, 'memory-child', server.url, key.publicKey.base64],
      { encoding: 'utf8', maxBuffer: 64 * 1048576, env: process.env },
    );
    await server.close();
    fs.rmSync(dist, { recursive: true, force: true });
    const out = run.stdout ?? '';
    const base = Number(/^BASE (\d+)/m.exec(out)?.[1]);
    if (run.status !== 0 || !/^DONE installed/m.test(out) || !base)
      throw new Error(`memory child for ${size} items failed (${run.status}):\n${out.slice(-2000)}${run.stderr}`);
    // "Mark-Compact 45.2 (60.1) -> 30.1 (58.0) MB": the heap after each (full) collection.
    const after = [...out.matchAll(/Mark-Compact[^\n]*?-> ([\d.]+) \(/g)].map((m) => Number(m[1]) * 1048576);
    const live = Math.max(0, ...after) - base;
    const manifest = manifestHeap(published.manifestBytes);
    row(
      `install ${size} items, most held live at once`,
      `+${mb(live)}`,
      `${(live / size / 1024).toFixed(1)} KB per item over ${mb(base)}; the parsed manifest alone is ${mb(manifest)} (${(manifest / size / 1024).toFixed(2)} KB per item); ${after.length} full collections`,
    );
  }
}

if (process.argv[2] === 'memory-child')
  memoryChild(process.argv[3]!, process.argv[4]!).catch((err) => {
    console.error(err);
    process.exit(1);
  });
else
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
