// The object bundle (FORMAT.md §5.2): every object of one version in one file,
// `bundles/<version>.bundle`, so a first install is one request instead of one per object
// (10,000 requests cost a loopback install about a second of its two). It is optional and
// unsigned: a reader checks each record against the signed manifest, exactly as it checks
// an object fetched alone, and fetches one by one whatever the bundle does not deliver.
//
// Layout: the manifest's objects in manifest order (manifestObjects), each as a record
//   sha256 (32 raw bytes) ‖ length (uint32, big-endian) ‖ the object's bytes
// so record k starts at Σ_{j<k} (36 + size_j), which lets a reader resume with an HTTP
// Range request at the first object it does not hold yet.
import type { Manifest } from '../../../shared/manifest';
import { sha256Hex } from '../photos';
import { manifestObjects } from './verify';

export const BUNDLES_DIR = 'bundles';
export const RECORD_HEAD = 36;

export const bundleName = (version: number): string => `${BUNDLES_DIR}/${version}.bundle`;

export interface BundleEntry {
  sha256: string;
  size: number;
}

/** The manifest's objects in bundle order. */
export function bundleEntries(manifest: Manifest): BundleEntry[] {
  return [...manifestObjects(manifest)].map(([sha256, o]) => ({ sha256, size: o.size }));
}

/** The bundle of `entries` (in manifest order), from the objects by SHA-256. */
export function encodeBundle(entries: readonly BundleEntry[], objects: ReadonlyMap<string, Buffer>): Buffer {
  const out = Buffer.allocUnsafe(entries.reduce((n, e) => n + RECORD_HEAD + e.size, 0));
  let at = 0;
  for (const e of entries) {
    const bytes = objects.get(e.sha256);
    if (!bytes || bytes.length !== e.size) throw new Error(`object ${e.sha256} is not the one the manifest names`);
    at += out.write(e.sha256, at, 'hex');
    at = out.writeUInt32BE(e.size, at);
    at += bytes.copy(out, at);
  }
  return out;
}

/** Where record `index` starts. */
export function recordOffset(entries: readonly BundleEntry[], index: number): number {
  let at = 0;
  for (let k = 0; k < index; k++) at += RECORD_HEAD + entries[k]!.size;
  return at;
}

/** Fewer missing objects than this are fetched one by one (32 at a time, that is quick). */
export const BUNDLE_MIN_OBJECTS = 100;

/**
 * Whether to take `missing` from the bundle, and from where: when there are many, and
 * they make up at least half of what the bundle holds from the first of them on (a
 * resumed first install, not a small update scattered through the pack).
 */
export function planBundle(
  entries: readonly BundleEntry[],
  missing: ReadonlySet<string>,
): { first: number; from: number; length: number } | null {
  if (missing.size < BUNDLE_MIN_OBJECTS) return null;
  let first = -1;
  let from = 0;
  let rest = 0;
  let wanted = 0;
  for (let k = 0; k < entries.length; k++) {
    const bytes = RECORD_HEAD + entries[k]!.size;
    const isMissing = missing.has(entries[k]!.sha256);
    if (first < 0) {
      if (!isMissing) {
        from += bytes;
        continue;
      }
      first = k;
    }
    rest += bytes;
    if (isMissing) wanted += bytes;
  }
  if (first < 0 || wanted * 2 < rest) return null;
  return { first, from, length: from + rest };
}

export type BundleStop = 'complete' | 'misaligned' | 'wrong-bytes';

/**
 * Reads a bundle stream that starts at record `first`: `push` each chunk; every record
 * whose header names the expected object and whose bytes hash to its name is handed to
 * `onObject`. The first record that does not is the end (a stale, tampered or foreign
 * bundle): `push` returns false and `stopped` says why, and the caller fetches the rest
 * one by one. Only one record is held at a time.
 */
export class BundleReader {
  stopped: BundleStop | null = null;
  private index: number;
  private head = Buffer.alloc(RECORD_HEAD);
  private headFill = 0;
  private body: Buffer | null = null;
  private bodyFill = 0;

  constructor(
    private readonly entries: readonly BundleEntry[],
    first: number,
    private readonly onObject: (sha256: string, bytes: Buffer) => void,
  ) {
    this.index = first;
    if (first >= entries.length) this.stopped = 'complete';
  }

  push(chunk: Buffer): boolean {
    let at = 0;
    while (at < chunk.length && this.stopped === null) {
      const entry = this.entries[this.index]!;
      if (this.body === null) {
        const take = Math.min(RECORD_HEAD - this.headFill, chunk.length - at);
        chunk.copy(this.head, this.headFill, at, at + take);
        this.headFill += take;
        at += take;
        if (this.headFill < RECORD_HEAD) break;
        if (this.head.toString('hex', 0, 32) !== entry.sha256 || this.head.readUInt32BE(32) !== entry.size) {
          this.stopped = 'misaligned';
          break;
        }
        this.body = Buffer.allocUnsafe(entry.size);
        this.bodyFill = 0;
      }
      const take = Math.min(entry.size - this.bodyFill, chunk.length - at);
      chunk.copy(this.body, this.bodyFill, at, at + take);
      this.bodyFill += take;
      at += take;
      if (this.bodyFill < entry.size) break;
      const bytes = this.body;
      this.body = null;
      this.headFill = 0;
      if (sha256Hex(bytes) !== entry.sha256) {
        this.stopped = 'wrong-bytes';
        break;
      }
      this.onObject(entry.sha256, bytes);
      if (++this.index === this.entries.length) this.stopped = 'complete';
    }
    return this.stopped === null;
  }
}
