// The kill test: `briefbook sync` in a child process is SIGKILLed at 30 random moments
// of a large update. After each kill the store opens, passes PRAGMA integrity_check and
// holds exactly the old or exactly the new version; the next sync completes and
// downloads only objects that were not already verified and staged.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/db';
import { startFaultServer, type FaultServer } from '../../fixtures/faultServer';
import { tempDir } from '../../fixtures/sourcePack';
import { makePublisher, openReader, stagedObjects, subscribeReader, type Publisher } from './helpers';

const RUNS = 30;
const ITEMS = 80;
const CHANGED = new Set(Array.from({ length: 60 }, (_, i) => i + 10));

let server: FaultServer;
let publisher: Publisher;
let template: string;
let cli: string;
let oldItems: string;
let newItems: string;
let newObjects: string[];

function itemsFingerprint(dir: string): { version: number; items: string; integrity: string } {
  const db = openDatabase(path.join(dir, 'briefbook.sqlite3'));
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const version = (db.prepare("SELECT version FROM packs WHERE id = 'sync-summit'").get() as { version: number })
      .version;
    const items = (
      db.prepare("SELECT kind, id, sha256 FROM items WHERE pack_id = 'sync-summit' ORDER BY kind, id").all() as object[]
    )
      .map((r) => Object.values(r).join(':'))
      .join('\n');
    return { version, items, integrity };
  } finally {
    db.close();
  }
}

function runCli(
  dataDir: string,
  killAfterMs: number | null,
): Promise<{ killed: boolean; ms: number; code: number | null }> {
  const started = Date.now();
  const child = spawn(process.execPath, [cli, 'sync', '--data', dataDir, '--json'], { stdio: 'ignore' });
  let killed = false;
  const timer =
    killAfterMs === null
      ? null
      : setTimeout(() => {
          killed = child.kill('SIGKILL');
        }, killAfterMs);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ killed: killed && code === null, ms: Date.now() - started, code });
    }),
  );
}

beforeAll(async () => {
  // The CLI as shipped, bundled once into a private file (dist/ is shared with other test runs).
  cli = path.resolve('.cache', `sync-crash-cli-${process.pid}.cjs`);
  await build({
    entryPoints: ['electron/cli/main.ts'],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'pdfkit', 'fontkit'],
    logLevel: 'warning',
  });
  publisher = makePublisher();
  publisher.publish(ITEMS, { bodyBytes: 120 });
  server = await startFaultServer(publisher.dir);
  const reader = openReader();
  await subscribeReader(reader, server.url, publisher.key);
  reader.close();
  template = reader.dataDir;
  oldItems = itemsFingerprint(template).items;
  const v2 = publisher.publish(ITEMS, { bodyBytes: 120, revised: CHANGED });
  newObjects = v2.objects.filter((o) => !new Set(publisher.versions[0]!.objects).has(o));
  // Objects come a little slowly, so kills land in every phase: start-up, manifest, objects, install.
  server.fault = (p) => (p.includes('/objects/') ? { kind: 'delay', ms: 4 } : null);
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (cli) fs.rmSync(cli, { force: true });
});

function copyTemplate(): string {
  const dir = tempDir('bb-crash-');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

describe('a sync killed with SIGKILL', () => {
  it(`leaves the old or the new version and resumes without re-downloading (${RUNS} kills)`, async () => {
    const reference = copyTemplate();
    const full = await runCli(reference, null);
    expect(full.code).toBe(0);
    const ref = itemsFingerprint(reference);
    expect(ref.version).toBe(2);
    newItems = ref.items;
    const span = full.ms;

    const outcomes = { old: 0, new: 0, killed: 0 };
    for (let run = 0; run < RUNS; run++) {
      const dir = copyTemplate();
      const delay = Math.floor(Math.random() * span * 1.1);
      const { killed } = await runCli(dir, delay);
      if (killed) outcomes.killed++;
      const after = itemsFingerprint(dir);
      expect(after.integrity, `run ${run} (kill at ${delay} ms)`).toBe('ok');
      expect([1, 2]).toContain(after.version);
      expect(after.items).toBe(after.version === 1 ? oldItems : newItems);
      if (after.version === 1) outcomes.old++;
      else outcomes.new++;

      const staged = new Set(stagedObjects(dir));
      server.requests.length = 0;
      const reader = openReader(dir);
      try {
        const report = await reader.sync.syncNow();
        expect(report.results[0]!.status, report.results[0]!.message).not.toBe('failed');
      } finally {
        reader.close();
      }
      expect(itemsFingerprint(dir).items).toBe(newItems);
      // Distinct objects: a request retried after a timeout is one download, not a re-fetch.
      const fetched = [...new Set(server.objectRequests())];
      // Nothing verified before the kill is downloaded again.
      expect(
        fetched.filter((o) => staged.has(o)),
        `run ${run}`,
      ).toEqual([]);
      if (after.version === 1) expect(fetched.sort()).toEqual(newObjects.filter((o) => !staged.has(o)).sort());
      else expect(fetched).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `kill test: full sync ${span} ms; ${RUNS} runs, ${outcomes.killed} killed mid-run; old version kept ${outcomes.old}, new version complete ${outcomes.new}`,
    );
    expect(outcomes.old + outcomes.new).toBe(RUNS);
  }, 240_000);
});
