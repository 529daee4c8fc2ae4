// Builds everything the app, the CLI and the browser host run from dist/:
//   dist/main.cjs, dist/preload.cjs (Electron shell), dist/cli.cjs (CLI + browser host),
//   dist/renderer/ (the React UI, by Vite).
// `--if-stale` skips the build when dist/ is newer than every source file, so
// `npm install` (prepare) and `npx briefbook` stay fast.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
const stamp = path.join(dist, '.build-stamp');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const sources = ['electron', 'renderer', 'shared'].map((d) => newestMtime(path.join(root, d)));
  const configs = ['package.json', 'vite.config.ts'].map((f) => fs.statSync(path.join(root, f)).mtimeMs);
  return Math.max(...sources, ...configs) > built;
}

export async function buildAll({ quiet = false } = {}) {
  const log = quiet ? () => {} : (m) => console.error(m);
  const t0 = Date.now();
  fs.mkdirSync(dist, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    // Native and file-reading packages stay in node_modules; everything else is bundled.
    external: ['electron', 'better-sqlite3', 'pdfkit', 'fontkit'],
    define: {
      'process.env.BRIEFBOOK_VERSION': JSON.stringify(
        JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version,
      ),
    },
  };
  const entries = [
    ['electron/main.ts', 'main.cjs'],
    ['electron/preload.ts', 'preload.cjs'],
    ['electron/cli/main.ts', 'cli.cjs'],
  ].filter(([src]) => fs.existsSync(path.join(root, src)));
  await Promise.all(
    entries.map(([src, out]) =>
      esbuild({ ...common, entryPoints: [path.join(root, src)], outfile: path.join(dist, out) }),
    ),
  );
  log(`built ${entries.map(([, o]) => o).join(', ')}`);
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'silent' : 'warn' });
  log('built renderer');
  fs.writeFileSync(stamp, new Date().toISOString());
  log(`build finished in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invoked) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && !isStale()) process.exit(0);
  buildAll().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

export { isStale };
