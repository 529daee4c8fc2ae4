// The kill test of the sync issue (test/integration/sync/crash.test.ts) on a confidential
// pack: `briefbook sync` in a child process is SIGKILLed at RUNS moments of a large
// encrypted update (every object new under the new version's key), spread over start-up,
// manifest, downloads, decryption and the install transaction. After each kill the store
// opens, passes PRAGMA integrity_check, holds exactly the old or exactly the new version,
// still labelled confidential; the next sync completes and downloads only objects that
// were not already verified and staged.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packProtection } from '../../../electron/packs/confidential/index';
import { openDatabase } from '../../../electron/store/db';
import { findPack } from '../../../electron/store/packsRepo';
import { startFaultServer, type FaultServer } from '../../fixtures/faultServer';
import { tempDir } from '../../fixtures/sourcePack';
import { openReader, stagedObjects, subscribeReader, type Publisher } from '../sync/helpers';
import { makeSealedPublisher, readerKeyOf } from './fixture';

const RUNS = 24;
const ITEMS = 80;
const CHANGED = new Set(Array.from({ length: 60 }, (_, i) => i + 10));

let server: FaultServer;
let publisher: Publisher;
let template: string;
let cli: string;
let oldItems: string;
let newObjects: string[];

interface StoreState {
  integrity: string;
  version: number;
  items: string;
  encrypted: boolean;
}

function storeState(dir: string): StoreState {
  const db = openDatabase(path.join(dir, 'briefbook.sqlite3'));
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const pack = findPack(db, 'sync-summit')!;
    const items = (
      db.prepare("SELECT kind, id, sha256 FROM items WHERE pack_id = 'sync-summit' ORDER BY kind, id").all() as object[]
    )
      .map((r) => Object.values(r).join(':'))
      .join('\n');
    return { integrity, version: pack.version, items, encrypted: packProtection(db, pack).encrypted };
  } finally {
    db.close();
  }
}

/** Object requests of the current CLI run; called at the update's last one. */
let objectRequests = 0;
let onLastObject: (() => void) | null = null;

/** Kill `afterMs` after the spawn, or after the server received the update's last object request. */
type Kill = { from: 'spawn' | 'last-object'; afterMs: number };

function runCli(dataDir: string, kill: Kill | null): Promise<{ killed: boolean; ms: number; tailMs: number | null }> {
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
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      if (timer) clearTimeout(timer);
      onLastObject = null;
      if (!kill && code !== 0) reject(new Error(`briefbook sync exited with ${code}`));
      const now = Date.now();
      resolve({
        killed: killed && code === null,
        ms: now - started,
        tailMs: lastObjectAt === null ? null : now - lastObjectAt,
      });
    }),
  );
}

beforeAll(async () => {
  // The CLI as shipped, bundled into a private file (dist/ is shared with other test runs).
  cli = path.resolve('.cache', `confidential-kill-cli-${process.pid}.cjs`);
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
  const reader = openReader();
  template = reader.dataDir;
  // Every copy of the template holds the same reader key (identity/), the one both versions are sealed for.
  const readerKey = readerKeyOf(template);
  publisher = makeSealedPublisher(() => [readerKey]);
  publisher.publish(ITEMS, { bodyBytes: 120 });
  server = await startFaultServer(publisher.dir);
  await subscribeReader(reader, server.url, publisher.key);
  reader.close();
  oldItems = storeState(template).items;
  newObjects = publisher.publish(ITEMS, { bodyBytes: 120, revised: CHANGED }).objects;
  // Objects come a little slowly, so kills land in every phase.
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
 * When to kill run `run`, spread evenly rather than at random so every CI run covers every
 * phase: a third over the whole sync (start-up, manifest, downloads); the rest from the
 * update's last object request to a little past the reference run's exit (the last
 * downloads, opening the sealed objects, the install transaction, after the commit).
 */
function killAt(run: number, span: number, tail: number): Kill {
  if (run % 3 === 0) return { from: 'spawn', afterMs: Math.floor(((run / 3 + 0.5) / (RUNS / 3)) * span) };
  const k = run - Math.floor(run / 3) - 1;
  const of = RUNS - Math.ceil(RUNS / 3);
  return { from: 'last-object', afterMs: Math.floor(((k + 0.5) / of) * tail * 1.3) };
}

function copyTemplate(): string {
  const dir = tempDir('bb-conf-kill-');
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

describe('a confidential sync killed with SIGKILL', () => {
  it(`leaves the old or the new version and resumes without re-downloading (${RUNS} kills)`, async () => {
    const reference = copyTemplate();
    const full = await runCli(reference, null);
    expect(full.tailMs).not.toBeNull();
    const ref = storeState(reference);
    expect(ref).toMatchObject({ integrity: 'ok', version: 2, encrypted: true });
    expect(ref.items).not.toBe(oldItems);
    const newItems = ref.items;

    const outcomes = { old: 0, new: 0, killed: 0 };
    for (let run = 0; run < RUNS; run++) {
      const dir = copyTemplate();
      const kill = killAt(run, full.ms, full.tailMs!);
      const where = `run ${run}, killed ${kill.afterMs} ms after ${kill.from}`;
      const { killed } = await runCli(dir, kill);
      if (killed) outcomes.killed++;
      const after = storeState(dir);
      expect(after.integrity, where).toBe('ok');
      expect([1, 2], where).toContain(after.version);
      expect(after.items, where).toBe(after.version === 1 ? oldItems : newItems);
      expect(after.encrypted, where).toBe(true);
      outcomes[after.version === 1 ? 'old' : 'new']++;

      const staged = new Set(stagedObjects(dir));
      server.requests.length = 0;
      const reader = openReader(dir);
      try {
        const result = (await reader.sync.syncNow()).results[0]!;
        expect(result.status, `${where}: ${result.message}`).not.toBe('failed');
      } finally {
        reader.close();
      }
      expect(storeState(dir), where).toEqual({ integrity: 'ok', version: 2, items: newItems, encrypted: true });
      // Distinct objects (a request retried after a timeout is one download): nothing
      // verified and staged before the kill is downloaded again, and nothing else either.
      const fetched = [...new Set(server.objectRequests())];
      expect(
        fetched.filter((o) => staged.has(o)),
        where,
      ).toEqual([]);
      if (after.version === 1) expect(fetched.sort(), where).toEqual(newObjects.filter((o) => !staged.has(o)).sort());
      else expect(fetched, where).toEqual([]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    console.log(
      `confidential kill test: full sync ${full.ms} ms (${full.tailMs} ms from the last object request to exit); ${RUNS} runs, ${outcomes.killed} killed mid-run; old version kept ${outcomes.old}, new version complete ${outcomes.new}`,
    );
    expect(outcomes.old + outcomes.new).toBe(RUNS);
    // Kills landed on both sides of the install transaction.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 300_000);
});
