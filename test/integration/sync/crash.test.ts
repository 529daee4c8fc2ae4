// The kill test: `briefbook sync` in a child process is SIGKILLed at 30 random moments
// of a large update, weighted towards its end so that kills land before, during and
// after the install transaction. After each kill the store opens, passes PRAGMA integrity_check and
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

/** Object requests since the current CLI run started, and what to do at the update's last one. */
let objectRequests = 0;
let onLastObject: (() => void) | null = null;

/**
 * Kill timing: `afterMs` after the spawn, or after the server received the update's last
 * object request (the child then decodes, runs the install transaction, commits and
 * clears staging).
 */
type Kill = { from: 'spawn' | 'last-object'; afterMs: number };

function runCli(
  dataDir: string,
  kill: Kill | null,
): Promise<{ killed: boolean; ms: number; code: number | null; tailMs: number | null }> {
  const started = Date.now();
  objectRequests = 0;
  let lastObjectAt: number | null = null;
  const child = spawn(process.execPath, [cli, 'sync', '--data', dataDir, '--json'], { stdio: 'ignore' });
  let killed = false;
  let timer: NodeJS.Timeout | null = null;
  const arm = () => {
    timer = setTimeout(() => (killed = child.kill('SIGKILL')), kill!.afterMs);
  };
  if (kill?.from === 'spawn') arm();
  onLastObject = () => {
    lastObjectAt = Date.now();
    if (kill?.from === 'last-object') arm();
  };
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      onLastObject = null;
      const now = Date.now();
      resolve({
        killed: killed && code === null,
        ms: now - started,
        code,
        tailMs: lastObjectAt === null ? null : now - lastObjectAt,
      });
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
  server.fault = (p) => {
    if (!p.includes('/objects/')) return null;
    if (++objectRequests === newObjects.length) onLastObject?.();
    return { kind: 'delay', ms: 4 };
  };
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (cli) fs.rmSync(cli, { force: true });
});

/**
 * When to kill run `run`. A third of the runs anywhere in the sync (start-up, manifest,
 * objects); the rest from the moment the last object is requested to a little past
 * the reference run's exit, so kills land while the objects end, during the install
 * transaction, and after it committed (the new version must then be complete).
 */
function killAt(run: number, span: number, tail: number): Kill {
  if (run % 3 === 0) return { from: 'spawn', afterMs: Math.floor(Math.random() * span) };
  return { from: 'last-object', afterMs: Math.floor(Math.random() * tail * 1.3) };
}

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
    expect(full.tailMs).not.toBeNull();
    const ref = itemsFingerprint(reference);
    expect(ref.version).toBe(2);
    newItems = ref.items;
    const span = full.ms;

    const outcomes = { old: 0, new: 0, killed: 0, killedNew: 0 };
    for (let run = 0; run < RUNS; run++) {
      const dir = copyTemplate();
      const kill = killAt(run, span, full.tailMs!);
      const delay = `${kill.afterMs} ms after ${kill.from}`;
      const { killed } = await runCli(dir, kill);
      if (killed) outcomes.killed++;
      const after = itemsFingerprint(dir);
      expect(after.integrity, `run ${run} (kill ${delay})`).toBe('ok');
      expect([1, 2]).toContain(after.version);
      expect(after.items).toBe(after.version === 1 ? oldItems : newItems);
      if (after.version === 1) outcomes.old++;
      else outcomes.new++;
      if (killed && after.version === 2) outcomes.killedNew++;

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
      `kill test: full sync ${span} ms (${full.tailMs} ms from the last object request to exit); ${RUNS} runs, ${outcomes.killed} killed mid-run; old version kept ${outcomes.old}, new version complete ${outcomes.new} (${outcomes.killedNew} of them killed after the install committed)`,
    );
    expect(outcomes.old + outcomes.new).toBe(RUNS);
    // Kills landed on both sides of the install transaction.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 240_000);
});
