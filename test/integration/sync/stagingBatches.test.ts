// Staging writes its records in batches (staging.ts): whatever a writer staged is on disk
// once it is closed, a reader of its own segment sees records not yet written, and
// forgetting some objects keeps the others of a shared segment readable.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStaging } from '../../../electron/sync/staging';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function objects(n: number, size: number): [string, Buffer][] {
  return Array.from({ length: n }, (_, i) => {
    const bytes = Buffer.alloc(size, `object ${i} `);
    return [crypto.createHash('sha256').update(bytes).digest('hex'), bytes];
  });
}

function dataDir(): string {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-staging-'));
  dirs.push(data);
  return data;
}

/** A new reader of `data` lists exactly `expected` and reads each back as written. */
function expectStaged(data: string, expected: [string, Buffer][]): void {
  const reader = openStaging(data);
  try {
    expect(reader.list()).toEqual(expected.map(([sha]) => sha).sort());
    for (const [sha, bytes] of expected) expect(reader.read(sha, bytes.length)).toEqual(bytes);
  } finally {
    reader.close();
  }
}

describe('staging in batches', () => {
  it('keeps every record staged before close, across more than one batch', () => {
    const data = dataDir();
    const all = objects(300, 700); // about 210 KB: several 64 KB batches and a partial one
    const writer = openStaging(data);
    for (const [sha, bytes] of all) writer.write(sha, bytes);
    // The writer reads its own unwritten records.
    expect(writer.read(all[299]![0], 700)).toEqual(all[299]![1]);
    writer.close();
    expectStaged(data, all);
  });

  it('reads records back in any order while still writing, across read-ahead blocks and past them', () => {
    const data = dataDir();
    // Sizes from a few bytes to more than one 64 KB read-ahead block.
    const all = [...objects(150, 300), ...objects(3, 70_000), ...objects(150, 1_100)].map(
      ([, b], i): [string, Buffer] => {
        const bytes = Buffer.concat([b, Buffer.from(` #${i}`)]);
        return [crypto.createHash('sha256').update(bytes).digest('hex'), bytes];
      },
    );
    const writer = openStaging(data);
    const readBack = (some: [string, Buffer][]) => {
      for (const [sha, bytes] of some) expect(writer.read(sha, bytes.length)).toEqual(bytes);
    };
    for (const [sha, bytes] of all.slice(0, 200)) writer.write(sha, bytes);
    readBack(all.slice(0, 200)); // in the order written, as an install reads them
    for (const [sha, bytes] of all.slice(200)) writer.write(sha, bytes);
    readBack(all.slice(150).reverse()); // records written after a block was read, backwards
    readBack(all.filter((_, i) => i % 7 === 3));
    writer.close();
    expectStaged(data, all);
  });

  it('forgets some objects of a segment and keeps the others readable', () => {
    const data = dataDir();
    const all = objects(120, 900);
    const writer = openStaging(data);
    for (const [sha, bytes] of all) writer.write(sha, bytes);
    writer.remove(all.filter((_, i) => i % 2 === 0).map(([sha]) => sha));
    writer.close();
    expectStaged(
      data,
      all.filter((_, i) => i % 2 === 1),
    );
  });

  it('a record cut short on disk is not used', () => {
    const data = dataDir();
    const all = objects(3, 500);
    const writer = openStaging(data);
    for (const [sha, bytes] of all) writer.write(sha, bytes);
    writer.close();
    const dir = path.join(data, 'sync', 'objects');
    const [segment] = fs.readdirSync(dir);
    fs.truncateSync(path.join(dir, segment!), fs.statSync(path.join(dir, segment!)).size - 10);
    const reader = openStaging(data);
    expect(reader.list()).toEqual(
      all
        .slice(0, 2)
        .map(([sha]) => sha)
        .sort(),
    );
    expect(reader.read(all[2]![0], 500)).toBeNull();
    reader.close();
  });
});
