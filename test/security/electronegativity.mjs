// `npm run test:security`: scan the Electron side with Doyensec's Electronegativity
// and fail on any finding that is not explained in ALLOWED below.
//
// Electronegativity exits 0 whatever it finds, so we ask it for SARIF, read that, and
// decide ourselves. It scans source (TypeScript included) for risky BrowserWindow
// options, missing navigation/permission handlers, openExternal calls, CSPs, etc.
// It tries to fetch translations and Electron's release list first; offline it says
// so and carries on, so the scan takes ~10 s here. Online it also runs
// AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK, deliberately not allow-listed: a security fix
// in a newer Electron should fail this test until we upgrade.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/**
 * Findings we accept, each with why. A finding matches an entry when its check id is
 * equal and, if `file` is given, its file path (relative to electron/) is equal.
 * Keep this short: every entry is a promise that a human reviewed the code it names.
 */
const ALLOWED = [
  {
    check: 'CSP_GLOBAL_CHECK',
    why:
      'The CSP is sent as an HTTP header by our app:// protocol handler ' +
      '(electron/shell/rendererFiles.ts, CONTENT_SECURITY_POLICY; unit-tested), which the ' +
      'scanner cannot see: it only looks for <meta> tags and onHeadersReceived. ' +
      "The policy is default-src 'none'; script-src 'self'; …",
  },
  {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'shell/navigation.ts',
    why:
      'shell.openExternal receives only the normalised output of decideNavigation() ' +
      '(electron/shell/urlPolicy.ts): absolute http(s) with a host name and no credentials, ' +
      'no control characters; unit-tested against javascript:, file:, data:, app: lookalikes.',
  },
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'shell/window.ts',
    why:
      'A review reminder, not a flaw: the preload (electron/preload.ts) runs sandboxed with ' +
      'contextIsolation and exposes one generic bridge that refuses methods outside ' +
      "shared/api.ts's API_METHODS and hands listeners only event payloads (bridge.ts, unit-tested).",
  },
];

/**
 * Findings of Electronegativity's SARIF report. SARIF, not CSV: its CSV writer starts the
 * header and the rows as two unordered asynchronous writes, so on a busy machine the
 * header can land last and overwrite the first row (CI saw exactly that). The SARIF
 * report is one JSON document written at once.
 */
export function sarifFindings(text) {
  const report = JSON.parse(text);
  const results = report?.runs?.[0]?.results;
  if (!Array.isArray(results)) throw new Error('Unexpected report: no runs[0].results in the SARIF file');
  return results.map((r) => {
    const where = r.locations?.[0]?.physicalLocation;
    const uri = where?.artifactLocation?.uri;
    const region = where?.region ?? {};
    return {
      issue: String(r.ruleId),
      level: String(r.level ?? ''),
      description: String(r.message?.text ?? ''),
      file: relativeFile(!uri || uri === 'file:///' ? 'N/A' : uri),
      location: `${region.startLine ?? 0}:${(region.startColumn ?? 1) - 1}`,
      url: `https://github.com/doyensec/electronegativity/wiki/${r.ruleId}`,
    };
  });
}

function scan(outFile) {
  const pkgDir = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
  const cli = path.join(pkgDir, 'dist', 'index.js');
  const electronVersion = JSON.parse(fs.readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const args = [cli, '-i', path.join(root, 'electron'), '-o', outFile, '-r', '-e', electronVersion, '-v', 'false'];
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, LANG: 'en-US' },
  });
  if (result.error || !fs.existsSync(outFile)) {
    console.error(result.stdout, result.stderr);
    throw new Error(
      `Electronegativity did not produce a report: ${result.error?.message ?? `exit code ${result.status}`}`,
    );
  }
  for (const line of `${result.stderr}`.split('\n'))
    if (/error/i.test(line)) console.error(`  electronegativity: ${line.trim()}`);
}

function relativeFile(file) {
  if (!file || file === 'N/A') return 'N/A';
  const abs = path.resolve(root, 'electron', file);
  return path.relative(path.join(root, 'electron'), abs).split(path.sep).join('/');
}

function allowance(finding) {
  return ALLOWED.find((a) => a.check === finding.issue && (a.file === undefined || a.file === finding.file));
}

function table(rows, headers) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-electronegativity-'));
  try {
    const report = path.join(dir, 'report.sarif');
    scan(report);
    const findings = sarifFindings(fs.readFileSync(report, 'utf8'));
    const rows = findings.map((f) => {
      const allowed = allowance(f);
      return [
        allowed ? 'allowed' : 'FAIL',
        f.issue,
        f.level,
        f.file === 'N/A' ? '(global)' : `${f.file}:${f.location}`,
      ];
    });
    console.log(`Electronegativity over electron/: ${findings.length} finding(s)\n`);
    if (rows.length) console.log(table(rows, ['verdict', 'check', 'level', 'where']) + '\n');
    const unused = ALLOWED.filter((a) => !findings.some((f) => allowance(f) === a));
    for (const a of unused)
      console.log(
        `note: allow-list entry ${a.check}${a.file ? ` (${a.file})` : ''} matched nothing; remove it if it stays unused.`,
      );
    const failures = findings.filter((f) => !allowance(f));
    if (failures.length) {
      console.error(`\n${failures.length} finding(s) not in the allow-list of test/security/electronegativity.mjs:`);
      for (const f of failures)
        console.error(`  ${f.issue} at ${f.file}:${f.location}: ${f.description}\n    ${f.url}`);
      console.error('Fix them, or add an entry to ALLOWED saying why the finding is acceptable.');
      process.exitCode = 1;
    } else {
      console.log('OK: every finding is fixed or explained in the allow-list.');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
