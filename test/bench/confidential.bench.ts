// Confidential packs benchmark: the extra time encryption adds to building and installing
// a 10,000-item pack, against the plain path in the same run (target: under 20 %).
//   pack build = `briefbook pack build` as a publisher runs it: read and check the source
//             folder, encode, describe, sign (+ seal for 10 readers), write objects, bundle,
//             manifest, signature (buildPublished)
//   build   = the publication step alone, from the pack in memory: encode + describe + sign
//             (+ seal) + write objects, manifest, signature
//   install = fetch from the folder + verify (+ unwrap, decrypt) + decode + one-transaction install
// RUNS alternating runs; wall time and CPU time (user + system: steadier when other work
// shares the machine), each as the median and the best run (the best is the steadier
// figure on a busy machine: others' work only ever adds time). Same statistic both ways.
// `npm run bench -- confidential` (BENCH_RUNS, BENCH_CONFIDENTIAL_ITEMS to change).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPublished, createPublication } from '../../electron/packs/publish/build';
import { addPublished } from '../../electron/packs/publish/install';
import { MANIFEST_FILE, OBJECTS_DIR, SIGNATURE_FILE } from '../../electron/packs/publish/manifest';
import { readerKeyFromPrivate, type ReaderKey } from '../../electron/packs/confidential/index';
import { openDatabase } from '../../electron/store/db';
import { generatePack, makeKey, writeSourceFolder } from '../fixtures/syncPacks';

const N = Number(process.env.BENCH_CONFIDENTIAL_ITEMS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const READERS = 10;
const now = new Date('2027-03-10T12:00:00Z');

const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
interface Timing {
  wall: number;
  cpu: number;
}
const timed = async <T>(f: () => T | Promise<T>): Promise<[T, Timing]> => {
  const w = performance.now();
  const c = cpuMs();
  const value = await f();
  return [value, { wall: performance.now() - w, cpu: cpuMs() - c }];
};

async function main() {
  const pack = generatePack(N);
  const key = makeKey();
  const readers: ReaderKey[] = Array.from({ length: READERS }, () =>
    readerKeyFromPrivate(crypto.generateKeyPairSync('x25519').privateKey),
  );
  const dirs: string[] = [];

  const build = async (sealed: boolean): Promise<{ t: Timing; dir: string; bytes: number }> => {
    const dir = tmp('bb-bench-conf-dist-');
    dirs.push(dir);
    let bytes = 0;
    const [, t] = await timed(() => write(dir, sealed, (n) => (bytes = n)));
    return { t, dir, bytes };
  };
  const write = (dir: string, sealed: boolean, size: (n: number) => void) => {
    const pub = createPublication(pack, {
      key,
      version: 1,
      publishedAt: new Date('2027-03-01T00:00:00Z'),
      recipients: sealed ? readers : undefined,
    });
    fs.mkdirSync(path.join(dir, OBJECTS_DIR));
    let bytes = 0;
    for (const [name, b] of pub.objects) {
      fs.writeFileSync(path.join(dir, OBJECTS_DIR, name), b);
      bytes += b.length;
    }
    fs.writeFileSync(path.join(dir, SIGNATURE_FILE), pub.signature);
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), pub.manifestBytes);
    size(bytes);
  };

  const install = async (dir: string, sealed: boolean): Promise<Timing> => {
    const data = tmp('bb-bench-conf-data-');
    dirs.push(data);
    const db = openDatabase(path.join(data, 'briefbook.sqlite3'));
    const [{ result }, t] = await timed(() =>
      addPublished(db, dir, {
        given: key.publicKey,
        now,
        readerKey: sealed ? () => readers[READERS - 1]! : undefined,
      }),
    );
    if (result.added.length !== N) throw new Error(`installed ${result.added.length} items, expected ${N}`);
    db.close();
    return t;
  };

  const source = writeSourceFolder(pack, path.join(tmp('bb-bench-conf-src-'), 'src'));
  dirs.push(path.dirname(source));
  const packBuild = async (sealed: boolean): Promise<Timing> => {
    const outDir = tmp('bb-bench-conf-built-');
    dirs.push(outDir);
    const [, t] = await timed(() =>
      buildPublished(source, {
        key,
        outDir,
        publishedAt: new Date('2027-03-01T00:00:00Z'),
        recipients: sealed ? readers : undefined,
      }),
    );
    return t;
  };

  const times = {
    packBuildPlain: [] as Timing[],
    packBuildSealed: [] as Timing[],
    buildPlain: [] as Timing[],
    buildSealed: [] as Timing[],
    installPlain: [] as Timing[],
    installSealed: [] as Timing[],
  };
  let sizes = { plain: 0, sealed: 0 };
  for (let i = 0; i < RUNS; i++) {
    // Alternate the order so warm-up and caches favour neither path.
    const order = i % 2 === 0 ? [false, true] : [true, false];
    for (const sealed of order) {
      (sealed ? times.packBuildSealed : times.packBuildPlain).push(await packBuild(sealed));
      const b = await build(sealed);
      (sealed ? times.buildSealed : times.buildPlain).push(b.t);
      sizes = { ...sizes, [sealed ? 'sealed' : 'plain']: b.bytes };
      (sealed ? times.installSealed : times.installPlain).push(await install(b.dir, sealed));
    }
  }
  const row = (label: string, plain: Timing[], sealed: Timing[]) => {
    for (const k of ['wall', 'cpu'] as const)
      for (const [stat, f] of [
        ['median', median],
        ['best', (xs: number[]) => Math.min(...xs)],
      ] as const) {
        const p = f(plain.map((t) => t[k]));
        const c = f(sealed.map((t) => t[k]));
        console.log(
          `${label.padEnd(10)} ${k.padEnd(4)} ${stat.padEnd(6)}  plain ${p.toFixed(0).padStart(6)} ms   confidential (${READERS} readers) ${c.toFixed(0).padStart(6)} ms   ${c >= p ? '+' : ''}${(((c - p) / p) * 100).toFixed(1)} % (target < 20 %)`,
        );
      }
  };
  console.log(`${N} items, ${pack.photos.size} photos, ${RUNS} runs each way`);
  row('pack build', times.packBuildPlain, times.packBuildSealed);
  row('build', times.buildPlain, times.buildSealed);
  row('install', times.installPlain, times.installSealed);
  console.log(
    `published bytes: plain ${(sizes.plain / 1048576).toFixed(1)} MB, confidential ${(sizes.sealed / 1048576).toFixed(1)} MB (+${(((sizes.sealed - sizes.plain) / sizes.plain) * 100).toFixed(1)} %: nonce, tag, length and PADMÉ padding)`,
  );
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
