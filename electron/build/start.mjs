// `npm start`: build if stale, then run the desktop app under Electron, or, where
// Electron cannot be installed, the same UI and core through the browser host.
//
//   npm start [-- --data DIR]
//   node electron/build/start.mjs --prepare-only   build and prepare Electron + its
//       better-sqlite3 without launching; prints {"electron","sqliteBinding"} as JSON
//       (the Electron smoke test and CI use it); exit 1 with the reason otherwise
//
// Electron 45's package has no binary until it downloads one: `require('electron')`
// (index.js) downloads synchronously with no time limit when dist/ is missing. So we
// never require it blindly: we look for the binary ourselves, try the one-time
// download only when the download host answers, with a time limit, and otherwise say
// so in one line and start `briefbook serve`.
//
// Under Electron the core needs better-sqlite3 built for Electron's ABI, while
// node_modules/better-sqlite3 stays built for Node (CLI, browser host, tests). We keep
// an Electron build in .cache/electron-sqlite/ (prebuilt binary via prebuild-install,
// else compiled with node-gyp against Electron's headers), check that it loads inside
// Electron, and name it to the app in BRIEFBOOK_SQLITE_BINDING
// (electron/shell/nativeSqlite.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll, isStale } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const log = (message) => console.error(`[start] ${message}`);

/** Seconds; a download of ~100 MB on a slow line takes a while, a dead network must not. */
const PROBE_TIMEOUT_MS = 5_000;
const DOWNLOAD_TIMEOUT_MS = Number(process.env.BRIEFBOOK_ELECTRON_DOWNLOAD_TIMEOUT ?? 300) * 1000;
const PREBUILD_TIMEOUT_MS = 120_000;
const COMPILE_TIMEOUT_MS = 900_000;

// ---- Electron binary ------------------------------------------------------------

function electronPackage() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  return { dir, version };
}

/** Mirrors node_modules/electron/index.js + install.js, without downloading. */
function findElectronBinary({ dir }) {
  const platformPath =
    process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : process.platform === 'win32'
        ? 'electron.exe'
        : 'electron';
  const pathTxt = path.join(dir, 'path.txt');
  const installed = fs.existsSync(pathTxt);
  const relative = installed ? fs.readFileSync(pathTxt, 'utf8') : platformPath;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const candidate = path.join(distDir, relative);
  if (!fs.existsSync(candidate)) return null;
  // With path.txt written and the binary present, the package's own resolution is a
  // plain lookup (it downloads only when one of them is missing), so ask it.
  if (!installed) return candidate;
  const resolved = require('electron');
  return typeof resolved === 'string' && fs.existsSync(resolved) ? resolved : candidate;
}

/** Any HTTP answer (even a 404) means the download host is reachable. */
async function reachable(url) {
  try {
    await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    return true;
  } catch {
    return false;
  }
}

function run(command, args, { cwd = root, timeout, env = process.env, quiet = true } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    env,
    timeout,
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    killSignal: 'SIGKILL',
  });
  // The first line naming an error says what went wrong; else the last line that is
  // not a stack frame.
  const lines = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
    .split('\n')
    .map((l) => l.replace(/^gyp ERR! (stack )?/, '').trim())
    .filter((l) => l && !l.startsWith('at '));
  const tail = lines.find((l) => /\b\w*Error\b|ENOTFOUND|ECONNREFUSED|ETIMEDOUT/.test(l)) ?? lines.slice(-1)[0] ?? '';
  if (result.error?.code === 'ETIMEDOUT') return { ok: false, why: `timed out after ${Math.round(timeout / 1000)} s` };
  if (result.error) return { ok: false, why: result.error.message };
  return result.status === 0 ? { ok: true } : { ok: false, why: tail.slice(0, 200) || `exit code ${result.status}` };
}

/** Returns { path } or { why } (why Electron is not available). */
async function ensureElectron() {
  const pkg = electronPackage();
  const found = findElectronBinary(pkg);
  if (found) return { path: found, version: pkg.version };
  const missing = `no binary in ${path.join(pkg.dir, 'dist')}`;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { why: `${missing}; ELECTRON_SKIP_BINARY_DOWNLOAD is set` };
  const mirror = process.env.ELECTRON_MIRROR || 'https://github.com/electron/electron/releases/';
  if (!(await reachable(mirror)))
    return { why: `${missing}, and ${new URL(mirror).host} is unreachable to download it` };
  log(`Downloading Electron ${pkg.version} (one time, about 100 MB)…`);
  const result = run(process.execPath, [path.join(pkg.dir, 'install.js')], {
    cwd: pkg.dir,
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const after = findElectronBinary(pkg);
  if (after) return { path: after, version: pkg.version };
  return { why: `${missing}; the download failed: ${result.ok ? 'no binary after install' : result.why}` };
}

// ---- better-sqlite3 for Electron's ABI --------------------------------------------

const sqliteCache = path.join(root, '.cache', 'electron-sqlite');
const sqliteBinding = path.join(sqliteCache, 'build', 'Release', 'better_sqlite3.node');
const sqliteStamp = path.join(sqliteCache, '.briefbook-target.json');

function loadsInElectron(electronPath) {
  const probe = `const D = require(${JSON.stringify(sqliteCache)}); new D(':memory:').prepare('select 1').get();`;
  const env = { ...process.env, ELECTRON_RUN_AS_NODE: '1' };
  return run(electronPath, ['-e', probe], { env, timeout: 60_000 });
}

/** Returns { binding } or { why }. */
function ensureElectronSqlite(electron) {
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const target = {
    electron: electron.version,
    platform: process.platform,
    arch: process.arch,
    betterSqlite3: JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version,
  };
  const wanted = JSON.stringify(target);
  if (fs.existsSync(sqliteBinding) && fs.existsSync(sqliteStamp) && fs.readFileSync(sqliteStamp, 'utf8') === wanted) {
    return { binding: sqliteBinding };
  }
  log(
    `Preparing better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.arch}) in .cache/electron-sqlite …`,
  );
  fs.rmSync(sqliteCache, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(sqliteCache), { recursive: true });
  // The Node build in build/ must not be mistaken for the Electron one.
  fs.cpSync(source, sqliteCache, {
    recursive: true,
    filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build',
  });

  const attempts = [];
  const prebuild = require.resolve('prebuild-install/bin.js');
  const fetched = run(
    process.execPath,
    [prebuild, '--runtime', 'electron', '--target', target.electron, '--arch', target.arch],
    {
      cwd: sqliteCache,
      timeout: PREBUILD_TIMEOUT_MS,
    },
  );
  if (!fetched.ok) {
    attempts.push(`prebuild-install: ${fetched.why}`);
    log('No prebuilt binary; compiling against Electron headers with node-gyp (a few minutes)…');
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js');
    const compiled = run(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${target.electron}`,
        `--arch=${target.arch}`,
        '--dist-url=https://electronjs.org/headers',
      ],
      { cwd: sqliteCache, timeout: COMPILE_TIMEOUT_MS },
    );
    if (!compiled.ok) attempts.push(`node-gyp: ${compiled.why}`);
  }
  if (!fs.existsSync(sqliteBinding))
    return { why: `could not prepare better-sqlite3 for Electron (${attempts.join('; ')})` };
  const loads = loadsInElectron(electron.path);
  if (!loads.ok) return { why: `the Electron build of better-sqlite3 does not load: ${loads.why}` };
  fs.writeFileSync(sqliteStamp, wanted);
  return { binding: sqliteBinding };
}

// ---- launch ---------------------------------------------------------------------

/** Runs a child to completion, forwarding Ctrl+C/termination, and exits with its code. */
function handOver(command, args, env) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit', windowsHide: false });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('error', (err) => {
    console.error(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** Only --data means something to both the app and `briefbook serve`. */
function dataArgs(argv) {
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--data' && argv[i + 1]) out.push('--data', argv[++i]);
    else if (argv[i].startsWith('--data=')) out.push(argv[i]);
  }
  return out;
}

async function main() {
  const argv = process.argv.slice(2);
  if (isStale()) await buildAll();

  const electron = await ensureElectron();
  let why = electron.why;
  let binding;
  if (!why) {
    const sqlite = ensureElectronSqlite(electron);
    why = sqlite.why;
    binding = sqlite.binding;
  }
  if (argv.includes('--prepare-only')) {
    if (why) console.error(why);
    else console.log(JSON.stringify({ electron: electron.path, sqliteBinding: binding }));
    process.exit(why ? 1 : 0);
  }
  if (why) {
    const what = electron.why
      ? 'Electron is not installed on this machine'
      : 'Electron cannot run Briefbook on this machine';
    console.error(`${what} (${why}); starting the browser host instead`);
    handOver(process.execPath, [path.join(root, 'electron/cli/bin.cjs'), 'serve', ...dataArgs(argv)], process.env);
    return;
  }
  const env = { ...process.env, BRIEFBOOK_SQLITE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  handOver(electron.path, [root, ...argv], env);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
