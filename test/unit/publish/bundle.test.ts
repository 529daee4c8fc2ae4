import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  BundleReader,
  encodeBundle,
  planBundle,
  recordOffset,
  type BundleEntry,
} from '../../../electron/packs/publish/bundle';

const objects = new Map<string, Buffer>();
const entries: BundleEntry[] = Array.from({ length: 300 }, (_, i) => {
  const bytes = crypto.randomBytes(i === 150 ? 0 : 50 + (i % 40));
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  objects.set(sha256, bytes);
  return { sha256, size: bytes.length };
});
const bundle = encodeBundle(entries, objects);

function read(chunks: Buffer[], first = 0) {
  const got: string[] = [];
  const reader = new BundleReader(entries, first, (sha, bytes) => {
    expect(bytes.equals(objects.get(sha)!)).toBe(true);
    got.push(sha);
  });
  for (const c of chunks) if (!reader.push(c)) break;
  return { got, stopped: reader.stopped };
}

describe('the object bundle', () => {
  it('yields every object however the stream is cut into chunks, empty objects included', () => {
    const all = entries.map((e) => e.sha256);
    expect(read([bundle])).toEqual({ got: all, stopped: 'complete' });
    const bytewise = Array.from({ length: bundle.length }, (_, i) => bundle.subarray(i, i + 1));
    expect(read(bytewise)).toEqual({ got: all, stopped: 'complete' });
    const from = recordOffset(entries, 120);
    expect(read([bundle.subarray(from, from + 999), bundle.subarray(from + 999)], 120)).toEqual({
      got: all.slice(120),
      stopped: 'complete',
    });
  });

  it('stops at the first record that is not what the manifest names', () => {
    const tampered = Buffer.from(bundle);
    tampered[recordOffset(entries, 40) + 36 + 10]! ^= 1;
    expect(read([tampered])).toEqual({ got: entries.slice(0, 40).map((e) => e.sha256), stopped: 'wrong-bytes' });
    const shifted = Buffer.concat([Buffer.alloc(1), bundle]);
    expect(read([shifted])).toEqual({ got: [], stopped: 'misaligned' });
    expect(read([bundle.subarray(0, recordOffset(entries, 10) + 5)]).stopped).toBeNull(); // cut off: waits for more
  });

  it('is used for many missing objects that make up most of the rest, not for a scattered few', () => {
    const names = (from: number, to: number) => new Set(entries.slice(from, to).map((e) => e.sha256));
    expect(planBundle(entries, names(0, 300))).toEqual({ first: 0, from: 0, length: bundle.length });
    expect(planBundle(entries, names(100, 300))).toMatchObject({ first: 100, from: recordOffset(entries, 100) });
    expect(planBundle(entries, names(0, 99))).toBeNull(); // few: one by one
    const scattered = new Set(entries.filter((_, i) => i % 3 === 0).map((e) => e.sha256));
    expect(planBundle(entries, scattered)).toBeNull(); // a third of the bytes from the first on
  });
});
