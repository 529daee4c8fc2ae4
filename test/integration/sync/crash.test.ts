// The kill test, for a signed pack and for a confidential one: `briefbook sync` in a
// child process is SIGKILLed at 30 moments of a large update, spread over start-up, the
// manifest, the downloads, decoding (and opening sealed objects), the install transaction
// and after its commit. After each kill the store opens, passes PRAGMA integrity_check and
// holds exactly the old or exactly the new version, labelled as before; the next sync
// completes and downloads only objects that were not already verified and staged.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/store/db';
import { startFaultServer, type FaultServer } from '../../fixtures/faultServer';
import { tempDir } from '../../fixtures/sourcePack';
import { openReader, stagedObjects, subscribeReader, type Publisher } from './helpers';
import { isLabelled, VARIANTS, type PackVariant } from './variants';

const RUNS = 30;
const ITEMS = 80;
const CHANGED = new Set(Array.from({ length: 60 }, (_, i) => i + 10));

let cli: string;

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
}, 120_000);
afterAll(() => {
  if (cli) fs.rmSync(cli, { force: true });
});

interface StoreState {
  integrity: string;
  version: number;
  items: string;
  labelled: boolean;
}

function storeState(dir: string, variant: PackVariant): StoreState {
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
    return { integrity, version, items, labelled: isLabelled(db, variant) };
  } finally {
    db.close();
  }
}

/** Kill `afterMs` after the spawn, or after the server received the update's last object request. */
type Kill = { from: 'spawn' | 'last-object'; afterMs: number };

/**
 * When to kill run `run`, spread evenly rather than at random so that every CI run covers
 * every phase: a third over the whole sync (start-up, manifest, downloads); the rest from
 * the update's last object request to a little past the reference run's exit (the last
 * downloads, decoding, the install transaction, after the commit).
 */
function killAt(run: number, span: number, tail: number): Kill {
  if (run % 3 === 0) return { from: 'spawn', afterMs: Math.floor(((run / 3 + 0.5) / (RUNS / 3)) * span) };
  const k = run - Math.floor(run / 3) - 1;
  const of = RUNS - Math.ceil(RUNS / 3);
  return { from: 'last-object', afterMs: Math.floor(((k + 0.5) / of) * tail * 1.3) };
}

describe.each(VARIANTS)('a sync of a $name pack killed with SIGKILL', (variant) => {
  let server: FaultServer;
  let publisher: Publisher;
  let template: string;
  let oldItems: string;
  let newObjects: string[];
  /** Object requests of the current CLI run, and what to do at the update's last one. */
  let objectRequests = 0;
  let onLastObject: (() => void) | null = null;

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

  function copyTemplate(): string {
    const dir = tempDir('bb-crash-');
    fs.cpSync(template, dir, { recursive: true });
    return dir;
  }

  beforeAll(async () => {
    const reader = openReader();
    template = reader.dataDir;
    publisher = variant.makePublisher(() => template);
    const v1 = publisher.publish(ITEMS, { bodyBytes: 120 });
    server = await startFaultServer(publisher.dir);
    await subscribeReader(reader, server.url, publisher.key);
    reader.close();
    oldItems = storeState(template, variant).items;
    newObjects = variant.newObjects(v1, publisher.publish(ITEMS, { bodyBytes: 120, revised: CHANGED }));
    // Objects come a little slowly, so kills land in every phase.
    server.fault = (p) => {
      if (!p.includes('/objects/')) return null;
      if (++objectRequests === newObjects.length) onLastObject?.();
      return { kind: 'delay', ms: 4 };
    };
  }, 120_000);
  afterAll(() => server?.close());

  it(`leaves the old or the new version and resumes without re-downloading (${RUNS} kills)`, async () => {
    const reference = copyTemplate();
    const full = await runCli(reference, null);
    expect(full.tailMs).not.toBeNull();
    const ref = storeState(reference, variant);
    expect(ref).toMatchObject({ integrity: 'ok', version: 2, labelled: true });
    expect(ref.items).not.toBe(oldItems);
    const newItems = ref.items;

    const outcomes = { old: 0, new: 0, killed: 0, killedNew: 0 };
    for (let run = 0; run < RUNS; run++) {
      const dir = copyTemplate();
      const kill = killAt(run, full.ms, full.tailMs!);
      const where = `run ${run}, killed ${kill.afterMs} ms after ${kill.from}`;
      const { killed } = await runCli(dir, kill);
      const after = storeState(dir, variant);
      expect(after.integrity, where).toBe('ok');
      expect([1, 2], where).toContain(after.version);
      expect(after.items, where).toBe(after.version === 1 ? oldItems : newItems);
      expect(after.labelled, where).toBe(true);
      outcomes[after.version === 1 ? 'old' : 'new']++;
      if (killed) outcomes.killed++;
      if (killed && after.version === 2) outcomes.killedNew++;

      const staged = new Set(stagedObjects(dir));
      server.requests.length = 0;
      const reader = openReader(dir);
      try {
        const result = (await reader.sync.syncNow()).results[0]!;
        expect(result.status, `${where}: ${result.message}`).not.toBe('failed');
      } finally {
        reader.close();
      }
      expect(storeState(dir, variant), where).toEqual({ integrity: 'ok', version: 2, items: newItems, labelled: true });
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
      `kill test (${variant.name}): full sync ${full.ms} ms (${full.tailMs} ms from the last object request to exit); ${RUNS} runs, ${outcomes.killed} killed mid-run; old version kept ${outcomes.old}, new version complete ${outcomes.new} (${outcomes.killedNew} of them killed after the install committed)`,
    );
    expect(outcomes.old + outcomes.new).toBe(RUNS);
    // Kills landed on both sides of the install transaction.
    expect(outcomes.old).toBeGreaterThan(0);
    expect(outcomes.new).toBeGreaterThan(0);
  }, 300_000);
});
