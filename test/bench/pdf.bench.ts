// `npm run bench -- pdf`: PDF export speed, memory and size. Each case runs in its own
// process so its peak memory is its own:
//   sample      the bundled sample pack (full brief, bundled fonts)
//   large       a generated ~300-page brief (the sample pack repeated over more days)
//   large-helv  the same document set in Helvetica only: the baseline of pdfkit's own speed
//   huge        three times as long, to show memory does not grow with page count
// Peak heap is sampled every 10 pages without collecting, so it includes garbage; for
// `large` and `huge` a second run collects garbage at every sample and prints what stays
// live: at the 10th page (content loaded, fonts open) and at most at any later sample.
// Figures are printed, never asserted (targets in issue 8: ≥ 100 pages/s, ≤ 3 MB for
// the 300-page brief). CPU time is printed beside wall time: on a shared machine the
// wall clock measures the neighbours too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PackItem } from '../../shared/model';
import { exportPdf } from '../../electron/pdf/exportPdf';
import { readSourceFolder } from '../../electron/packs/source/readSource';
import type { LoadedPack } from '../../electron/packs/types';
import { samplePackDir } from '../../electron/platform/assets';
import { openDatabase } from '../../electron/store/db';
import { installPack } from '../../electron/store/install';

const CASES = {
  sample: { copies: 0, helvetica: false },
  large: { copies: 7, helvetica: false },
  'large-helv': { copies: 7, helvetica: true },
  huge: { copies: 21, helvetica: false },
} as const;
type CaseName = keyof typeof CASES;

function shiftDate(local: string, days: number): string {
  const d = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) + local.slice(10);
}

/** The sample pack repeated `copies` times, each copy three days later, every reference kept inside its copy. */
export function largePack(copies: number): LoadedPack {
  const sample = readSourceFolder(samplePackDir());
  if (copies === 0) return sample;
  const items: PackItem[] = [];
  for (let k = 0; k < copies; k++) {
    const sfx = (id: string) => (k === 0 ? id : `${id}-${k}`);
    const days = k * 3;
    for (const item of sample.items) {
      const body = item.body.replace(
        /\]\((\.\.\/)?(officials|meetings|talking-points|notes)\/([a-z0-9-]+)(\.md)?\)/g,
        (_m, up: string | undefined, folder: string, id: string, ext: string | undefined) =>
          `](${up ?? ''}${folder}/${sfx(id)}${ext ?? ''})`,
      );
      const copy = { ...item, id: sfx(item.id), body } as PackItem;
      if (copy.kind === 'meeting') {
        copy.data = {
          ...copy.data,
          start: shiftDate(copy.data.start, days),
          end: shiftDate(copy.data.end, days),
          participants: copy.data.participants.map(sfx),
          talkingPoints: copy.data.talkingPoints.map(sfx),
          agenda: copy.data.agenda.map((a) => ({ ...a, lead: a.lead ? sfx(a.lead) : undefined })),
        };
      } else if (copy.kind === 'talking-point') {
        copy.data = { ...copy.data, meetings: copy.data.meetings.map(sfx), officials: copy.data.officials.map(sfx) };
      }
      items.push(copy);
    }
  }
  const meta = {
    ...sample.meta,
    event: { ...sample.meta.event, end: shiftDate(sample.meta.event.end, (copies - 1) * 3) },
  };
  return { meta, items, photos: sample.photos };
}

interface Figures {
  name: string;
  pages: number;
  seconds: number;
  cpuSeconds: number;
  pagesPerSecond: number;
  pagesPerCpuSecond: number;
  bytes: number;
  peakRssMB: number;
  peakHeapMB: number;
}

interface Retained {
  name: string;
  pages: number;
  startMB: number;
  peakMB: number;
}

async function child(name: CaseName, collect: boolean): Promise<void> {
  const spec = CASES[name];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-pdf-bench-'));
  try {
    const db = openDatabase(path.join(dir, 'briefbook.sqlite3'));
    const pack = largePack(spec.copies);
    installPack(db, pack, { origin: 'local-draft', source: 'bench' });
    db.prepare("INSERT INTO settings (key, value_json) VALUES ('homeTimeZone', ?)").run(JSON.stringify('Asia/Tokyo'));
    global.gc?.();
    let peakHeap = process.memoryUsage().heapUsed;
    let retainedStart: number | null = null;
    let retainedPeak = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await exportPdf(db, {
      packId: pack.meta.id,
      scope: { kind: 'all' },
      notes: false,
      paper: 'a4',
      watermark: 'Bench Reader',
      outPath: path.join(dir, 'brief.pdf'),
      helveticaOnly: spec.helvetica,
      onProgress: () => {
        if (collect) global.gc?.();
        const heap = process.memoryUsage().heapUsed;
        peakHeap = Math.max(peakHeap, heap);
        retainedStart ??= heap;
        retainedPeak = Math.max(retainedPeak, heap);
      },
    });
    if (collect) {
      const retained: Retained = {
        name,
        pages: result.pages,
        startMB: (retainedStart ?? 0) / 2 ** 20,
        peakMB: retainedPeak / 2 ** 20,
      };
      console.log(`RETAINED ${JSON.stringify(retained)}`);
      db.close();
      return;
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const figures: Figures = {
      name,
      pages: result.pages,
      seconds,
      cpuSeconds,
      pagesPerSecond: result.pages / seconds,
      pagesPerCpuSecond: result.pages / cpuSeconds,
      bytes: result.bytes,
      peakRssMB: process.resourceUsage().maxRSS / 1024,
      peakHeapMB: peakHeap / 2 ** 20,
    };
    db.close();
    console.log(`FIGURES ${JSON.stringify(figures)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one case in its own process and returns the line it printed after `tag`. */
function runCase<T>(name: CaseName, tag: 'FIGURES' | 'RETAINED'): T | null {
  const args = ['--expose-gc', __filename, 'child', name, ...(tag === 'RETAINED' ? ['collect'] : [])];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', env: process.env, maxBuffer: 16 * 2 ** 20 });
  const line = run.stdout.split('\n').find((l) => l.startsWith(`${tag} `));
  if (run.status !== 0 || !line) {
    console.error(`pdf bench case ${name} failed:\n${run.stderr}`);
    process.exitCode = 1;
    return null;
  }
  return JSON.parse(line.slice(tag.length + 1)) as T;
}

function main(): void {
  const wanted = (process.env.BENCH_PDF_CASES?.split(',') ?? Object.keys(CASES)) as CaseName[];
  const rows = wanted.map((name) => runCase<Figures>(name, 'FIGURES')).filter((r) => r !== null);
  console.log('case        pages   wall s  pages/s   CPU s  pages/CPU-s     size  peak RSS  peak heap');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(10)} ${String(r.pages).padStart(6)} ${r.seconds.toFixed(2).padStart(8)} ${r.pagesPerSecond.toFixed(0).padStart(8)} ${r.cpuSeconds.toFixed(2).padStart(7)} ${r.pagesPerCpuSecond.toFixed(0).padStart(12)} ${(r.bytes / 2 ** 20).toFixed(2).padStart(6)} MB ${r.peakRssMB.toFixed(0).padStart(6)} MB ${r.peakHeapMB.toFixed(0).padStart(7)} MB`,
    );
  }
  const large = rows.find((r) => r.name === 'large');
  const helv = rows.find((r) => r.name === 'large-helv');
  if (large && helv) {
    console.log(
      `bundled fonts vs Helvetica on the same document: ${(large.pagesPerCpuSecond / helv.pagesPerCpuSecond).toFixed(2)}× the speed (per CPU second), ${(large.bytes / helv.bytes).toFixed(2)}× the size`,
    );
  }
  const retained = wanted
    .filter((name) => name === 'large' || name === 'huge')
    .map((name) => runCase<Retained>(name, 'RETAINED'))
    .filter((r) => r !== null);
  for (const r of retained)
    console.log(
      `live heap (garbage collected every 10 pages), ${r.name} ${r.pages} pages: ${r.startMB.toFixed(0)} MB at page 10, at most ${r.peakMB.toFixed(0)} MB (+${(r.peakMB - r.startMB).toFixed(1)} MB over the document)`,
    );
  if (large) {
    console.log(
      `targets for the ~300-page brief: ≥ 100 pages/s → ${large.pagesPerSecond.toFixed(0)} wall, ${large.pagesPerCpuSecond.toFixed(0)} per CPU second; ≤ 3 MB → ${(large.bytes / 2 ** 20).toFixed(2)} MB`,
    );
  }
}

if (process.argv[2] === 'child') {
  child(process.argv[3] as CaseName, process.argv[4] === 'collect').catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else main();
