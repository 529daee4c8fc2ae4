// `npm run bench`: bundles each test/bench/*.bench.ts with esbuild and runs it in its
// own Node process (so peak memory is its own), printing its figures. Pass names to
// run a subset: `npm run bench -- search pdf`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const outDir = path.join(root, '.cache', 'bench');
const wanted = process.argv.slice(2);
const benches = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmark matches ${wanted.join(', ') || '(any)'} in test/bench.`);
  process.exit(1);
}

let failed = 0;
for (const file of benches) {
  const outfile = path.join(outDir, file.replace(/\.ts$/, '.cjs'));
  await build({
    entryPoints: [path.join(here, file)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'pdfkit', 'fontkit', 'electron'],
    logLevel: 'warning',
  });
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, ['--expose-gc', outfile], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, BRIEFBOOK_ASSETS: path.join(root, 'assets') },
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
