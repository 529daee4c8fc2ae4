// `npm run bench -- search`: our search against plain FTS5 and plain fuse.js on the
// same deterministic corpora (1,000 / 10,000 / 100,000 items; BENCH_SIZES=1000,10000
// to limit, BENCH_ENGINES=ours to skip the baselines). Each (size, engine) runs in its
// own process so index build time and peak memory are its own. Figures are printed,
// never asserted: targets are in issue 5.
import Database from 'better-sqlite3';
import Fuse from 'fuse.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/store/db';
import { installPack } from '../../electron/store/install';
import { prepareSearch, search } from '../../electron/search/index';
import { generateCorpus, itemText, type Corpus } from './search/corpus';
import { makeQueries, type BenchQuery, type QueryType } from './search/queries';

const ENGINES = ['ours', 'fts5', 'fuse'] as const;
type Engine = (typeof ENGINES)[number];
const LIMIT = 50;

interface Figures {
  engine: Engine;
  size: number;
  p50: number;
  p95: number;
  cpuP50: number;
  cpuP95: number;
  byType: Record<string, { p50: number; p95: number }>;
  misspeltTop1: string;
  nativeTop1: string;
  recall: string;
  buildMs: number;
  /** Of buildMs, the app's search preparation (name indexes, warm-up queries, merging the full-text index). */
  prepareMs: number;
  indexBytes: number;
  heapMB: number;
  peakRssMB: number;
  judged: Record<string, number>;
}

type Runner = (q: BenchQuery) => { id: string; kind: string }[];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function gcHeapMB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

function measure(
  engine: Engine,
  size: number,
  corpus: Corpus,
  queries: BenchQuery[],
  run: Runner,
  build: { ms: number; prepareMs?: number; bytes: number; heapBefore: number },
): Figures {
  for (const q of queries.slice(0, 10)) run(q);
  const times: number[] = [];
  const cpu: number[] = [];
  const perType = new Map<QueryType, number[]>();
  const hits = { misspelt: [0, 0], native: [0, 0], recall: [0, 0] };
  const slowest: { ms: number; text: string }[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const results = run(q);
    const ms = performance.now() - t0;
    const c1 = process.cpuUsage(c0);
    times.push(ms);
    cpu.push((c1.user + c1.system) / 1000);
    slowest.push({ ms, text: `${q.type}: ${q.text}` });
    perType.set(q.type, [...(perType.get(q.type) ?? []), ms]);
    if (!q.judged || !q.target) continue;
    const bucket = q.type === 'misspelt name' ? hits.misspelt : q.type === 'native name' ? hits.native : hits.recall;
    bucket[1]!++;
    const ok =
      q.type === 'word' || q.type === 'phrase' ? results.some((h) => h.id === q.target) : results[0]?.id === q.target;
    if (ok) bucket[0]!++;
    else if (process.env.BENCH_DEBUG)
      console.error(
        `miss ${engine} ${q.type} ${JSON.stringify(q.text)} want ${q.target} got ${results
          .slice(0, 3)
          .map((h) => h.id)
          .join(' ')}`,
      );
  }
  // BENCH_SLOWEST=N prints the N slowest queries (to stderr), to see what to profile.
  const nSlow = Number(process.env.BENCH_SLOWEST ?? 0);
  if (nSlow > 0)
    for (const s of slowest.sort((a, b) => b.ms - a.ms).slice(0, nSlow))
      console.error(`slow ${engine} ${size} ${fmt(s.ms)} ms  ${s.text}`);
  const pct = ([a, b]: number[]): string => (b ? `${((100 * a!) / b).toFixed(1)} %` : 'n/a');
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const byType: Figures['byType'] = {};
  for (const [t, list] of perType) {
    list.sort((a, b) => a - b);
    byType[t] = { p50: percentile(list, 50), p95: percentile(list, 95) };
  }
  return {
    engine,
    size,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
    byType,
    misspeltTop1: pct(hits.misspelt),
    nativeTop1: pct(hits.native),
    recall: pct(hits.recall),
    buildMs: build.ms,
    prepareMs: build.prepareMs ?? 0,
    indexBytes: build.bytes,
    heapMB: gcHeapMB() - build.heapBefore,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    judged: { misspelt: hits.misspelt[1]!, native: hits.native[1]!, recall: hits.recall[1]! },
  };
}

function dbBytes(db: Database.Database, like: string): number {
  const row = db.prepare('SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE ?').get(like) as { n: number | null };
  return row.n ?? 0;
}

function runOurs(size: number, corpus: Corpus, queries: BenchQuery[], dir: string): Figures {
  const db = openDatabase(path.join(dir, 'ours.sqlite3'));
  const heapBefore = gcHeapMB();
  const t0 = performance.now();
  for (const pack of corpus.packs) installPack(db, pack, { origin: 'local-draft', source: 'bench' });
  // The app gets search ready after opening and after every sync (prepare.ts): it builds
  // the name indexes, runs queries drawn from the library so that V8 has compiled search
  // before the reader types, and merges the full-text index. The same step here,
  // counted as build time.
  const t1 = performance.now();
  prepareSearch(db);
  const ms = performance.now() - t0;
  const prepareMs = performance.now() - t1;
  const bytes = dbBytes(db, 'search%');
  const run: Runner = (q) =>
    search(db, { query: q.text, limit: LIMIT }).hits.map((h) => ({ id: h.itemId, kind: h.itemKind }));
  const f = measure('ours', size, corpus, queries, run, { ms, prepareMs, bytes, heapBefore });
  db.close();
  return f;
}

function plainFtsQuery(text: string): string | null {
  const phrases = [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  const rest = text.replace(/"[^"]*"/g, ' ');
  const words = rest.match(/[\p{L}\p{N}]+/gu) ?? [];
  const parts = words.map((w, i) => `"${w}"${i === words.length - 1 && /[\p{L}\p{N}]$/u.test(text) ? '*' : ''}`);
  for (const p of phrases) if (p.trim()) parts.push(`"${p.replace(/"/g, '""')}"`);
  return parts.length ? parts.join(' AND ') : null;
}

function runFts(size: number, corpus: Corpus, queries: BenchQuery[], dir: string): Figures {
  const db = new Database(path.join(dir, 'fts.sqlite3'));
  db.pragma('journal_mode = WAL');
  const heapBefore = gcHeapMB();
  const t0 = performance.now();
  db.exec(
    "CREATE VIRTUAL TABLE plain USING fts5(kind UNINDEXED, id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')",
  );
  const insert = db.prepare('INSERT INTO plain (kind, id, title, body) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const pack of corpus.packs)
      for (const it of pack.items) {
        const title = it.kind === 'official' ? `${it.data.name} ${it.data.nativeName ?? ''}` : it.data.title;
        insert.run(it.kind, it.id, title, itemText(it));
      }
  })();
  const ms = performance.now() - t0;
  const stmt = db.prepare('SELECT kind, id FROM plain WHERE plain MATCH ? ORDER BY rank LIMIT ?');
  const run: Runner = (q) => {
    const m = plainFtsQuery(q.text);
    return m ? (stmt.all(m, LIMIT) as { id: string; kind: string }[]) : [];
  };
  const f = measure('fts5', size, corpus, queries, run, { ms, bytes: dbBytes(db, 'plain%'), heapBefore });
  db.close();
  return f;
}

function runFuse(size: number, corpus: Corpus, queries: BenchQuery[]): Figures {
  const heapBefore = gcHeapMB();
  const t0 = performance.now();
  const docs = corpus.packs.flatMap((p) =>
    p.items.map((it) => ({
      id: it.id,
      kind: it.kind,
      title: it.kind === 'official' ? `${it.data.name} ${it.data.nativeName ?? ''}` : it.data.title,
    })),
  );
  const fuse = new Fuse(docs, { keys: ['title'] });
  const ms = performance.now() - t0;
  const run: Runner = (q) => fuse.search(q.text, { limit: LIMIT }).map((r) => r.item);
  return measure('fuse', size, corpus, queries, run, { ms, bytes: 0, heapBefore });
}

function child(size: number, engine: Engine): void {
  const corpus = generateCorpus(size);
  const queries = makeQueries(corpus);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-bench-'));
  try {
    const f =
      engine === 'ours'
        ? runOurs(size, corpus, queries, dir)
        : engine === 'fts5'
          ? runFts(size, corpus, queries, dir)
          : runFuse(size, corpus, queries);
    console.log(`RESULT ${JSON.stringify(f)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const fmt = (n: number, d = 2): string => (Number.isFinite(n) ? n.toFixed(d) : '–');
const mb = (bytes: number): string => (bytes ? `${(bytes / 1e6).toFixed(1)} MB` : '–');

function parent(): void {
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const engines = (process.env.BENCH_ENGINES ?? ENGINES.join(','))
    .split(',')
    .filter((e): e is Engine => (ENGINES as readonly string[]).includes(e));
  const rows: Figures[] = [];
  for (const size of sizes)
    for (const engine of engines) {
      const run = spawnSync(process.execPath, ['--expose-gc', process.argv[1]!, 'child', String(size), engine], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        maxBuffer: 64 * 1024 * 1024,
      });
      const line = run.stdout.split('\n').find((l) => l.startsWith('RESULT '));
      if (!line) {
        console.error(`${engine} at ${size} failed:\n${run.stderr}`);
        process.exitCode = 1;
        continue;
      }
      const f = JSON.parse(line.slice(7)) as Figures;
      rows.push(f);
      console.log(
        `  ${String(size).padStart(6)} ${engine.padEnd(5)} p50 ${fmt(f.p50)} ms  p95 ${fmt(f.p95)} ms  misspelt top-1 ${f.misspeltTop1}  recall ${f.recall}  (${Object.entries(
          f.byType,
        )
          .map(([t, v]) => `${t} ${fmt(v.p50)}/${fmt(v.p95)}`)
          .join(', ')})`,
      );
    }
  const header = [
    'items',
    'engine',
    'p50 ms',
    'p95 ms',
    'CPU p50/p95 ms',
    'misspelt top-1',
    'native top-1',
    'word/phrase recall',
    'build ms',
    'of it preparing search',
    'index size',
    'index heap',
    'peak RSS',
  ];
  const table = rows.map((f) => [
    f.size.toLocaleString('en-US'),
    f.engine,
    fmt(f.p50),
    fmt(f.p95),
    `${fmt(f.cpuP50)} / ${fmt(f.cpuP95)}`,
    f.misspeltTop1,
    f.nativeTop1,
    f.recall,
    fmt(f.buildMs, 0),
    f.prepareMs ? fmt(f.prepareMs, 0) : '–',
    mb(f.indexBytes),
    `${fmt(f.heapMB, 1)} MB`,
    `${fmt(f.peakRssMB, 0)} MB`,
  ]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const r of table) console.log(`| ${r.join(' | ')} |`);
  const judged = rows[0]?.judged;
  if (judged)
    console.log(
      `\nJudged queries per size: ${judged.misspelt} misspelt names, ${judged.native} native names, ${judged.recall} words/phrases (of 240 queries: 40 each of word, phrase, name prefix, misspelt name, native name; 10 of the words are common ones, timed only).`,
    );
  console.log(
    `Load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} CPUs (wall-clock latency includes waiting for a CPU; CPU time does not).`,
  );
  console.log(
    'Targets (issue 5): at 100,000 p50 ≤ 2 ms, p95 ≤ 20 ms, misspelt top-1 ≥ 98 %, recall 100 %; at 10,000 p95 ≤ 5 ms.',
  );
}

if (process.argv[2] === 'child') child(Number(process.argv[3]), process.argv[4] as Engine);
else parent();
