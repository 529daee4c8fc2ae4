// The staging area: objects downloaded and verified (size and SHA-256) but not yet
// installed, kept on disk under <data>/sync/objects/ so a sync that is cut off resumes
// without downloading them again.
//
// Objects are appended to segment files (`<pid>-<random>.seg`, one per writer), each
// record being the 32-byte SHA-256, the length (uint32, big-endian) and the bytes,
// written in batches of up to 64 KB. One file per object cost an open, a write, a close and
// a rename per object and an unlink per object afterwards (about 1.4 s for 10,000 small
// objects here); a segment costs one write per 64 KB and one unlink per sync.
// Nothing is fsynced: staging is a cache, not a record. A record cut short by a kill
// (or a crash) is ignored because it is shorter than its length says, and every object
// is hashed again when read, so a damaged record is never used, only fetched again.
// Files named by a bare hash (the layout before segments) are still read.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../packs/photos';
import type { VerifiedObjects } from '../packs/publish/verify';

const OBJECT_NAME = /^[0-9a-f]{64}$/;
const SEGMENT_NAME = /^[0-9]+-[0-9a-f]{8}\.seg$/;
const HEADER = 36;
/** Bytes read from a segment at once when reading an object back. */
const READ_AHEAD = 65536;
/** Staged objects nobody has needed for this long are removed. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface Staging {
  readonly dir: string;
  /** A staged object whose bytes still hash to `sha256`, or null. */
  read(sha256: string, maxBytes: number): Buffer | null;
  /** Whether an object of that name is staged (its bytes are checked when read). */
  has(sha256: string): boolean;
  /** Store verified bytes (the caller checked size and hash). */
  write(sha256: string, bytes: Buffer): void;
  /** Forget these objects; segments holding nothing else are deleted. */
  remove(sha256s: Iterable<string>): void;
  /** Names of the staged objects. */
  list(): string[];
  /** Remove temporary files left by an interrupted write, objects unused for a month, and old caches. */
  clean(): void;
  /** Close this writer's segment. */
  close(): void;
}

interface Location {
  /** A segment file, or null for a legacy one-object file. */
  segment: string | null;
  offset: number;
  length: number;
}

export function syncDir(dataDir: string): string {
  return path.join(dataDir, 'sync');
}

/** The complete records of one segment. */
function scanSegment(file: string, into: Map<string, Location>): string[] {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return [];
  }
  const shas: string[] = [];
  let at = 0;
  while (at + HEADER <= data.length) {
    const sha = data.toString('hex', at, at + 32);
    const length = data.readUInt32BE(at + 32);
    if (at + HEADER + length > data.length) break; // cut short: ignored
    into.set(sha, { segment: file, offset: at + HEADER, length });
    shas.push(sha);
    at += HEADER + length;
  }
  return shas;
}

export function openStaging(dataDir: string): Staging {
  const dir = path.join(syncDir(dataDir), 'objects');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  let index: Map<string, Location> | null = null;
  /** sha256s per segment file, as scanned or written. */
  const segments = new Map<string, string[]>();
  let own: { file: string; fd: number; size: number } | null = null;
  /** Records appended to `own` but not yet written (see flush). */
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingSince = 0;

  // Records are written in batches of up to 64 KB (or after 50 ms), not one write() per
  // object: 10,000 small objects cost 10,000 system calls otherwise. A kill loses at most
  // the batch not yet written, which is then downloaded again (staging is a cache).
  const flush = (): void => {
    if (!own || pending.length === 0) return;
    fs.writeSync(own.fd, pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
  };

  const load = (): Map<string, Location> => {
    if (index) return index;
    index = new Map();
    for (const name of fs.readdirSync(dir)) {
      const full = path.join(dir, name);
      if (OBJECT_NAME.test(name)) index.set(name, { segment: null, offset: 0, length: -1 });
      else if (SEGMENT_NAME.test(name)) segments.set(full, scanSegment(full, index));
    }
    return index;
  };

  /**
   * Segments open for reading, and the last block read from one: an install reads every
   * object of a pack back (checked, then installed) in the order the records were
   * written, and an open, a read and a close per small object cost more than the rest.
   */
  const readers = new Map<string, number>();
  let block: { file: string; start: number; bytes: Buffer } | null = null;
  const closeReader = (file: string) => {
    const fd = readers.get(file);
    if (fd !== undefined) fs.closeSync(fd);
    readers.delete(file);
    if (block?.file === file) block = null;
  };

  const readFully = (fd: number, into: Buffer, at: number, atLeast: number): number => {
    let got = 0;
    while (got < atLeast) {
      const n = fs.readSync(fd, into, got, into.length - got, at + got);
      if (n === 0) break;
      got += n;
    }
    return got;
  };

  const readAt = (loc: Location, sha256: string, maxBytes: number): Buffer | null => {
    if (!loc.segment) return readLegacy(sha256, maxBytes);
    const { segment: file, offset, length } = loc;
    if (length > maxBytes) return null;
    const b = block;
    if (b?.file === file && offset >= b.start && offset + length <= b.start + b.bytes.length)
      return Buffer.from(b.bytes.subarray(offset - b.start, offset - b.start + length));
    let fd = readers.get(file);
    try {
      if (fd === undefined) readers.set(file, (fd = fs.openSync(file, 'r')));
    } catch {
      return null;
    }
    const bytes = Buffer.allocUnsafe(Math.max(length, READ_AHEAD));
    const got = readFully(fd, bytes, offset, length);
    if (got < length) return null;
    block = { file, start: offset, bytes: bytes.subarray(0, got) };
    return Buffer.from(bytes.subarray(0, length));
  };

  /** A file named by its hash (the layout before segments). */
  const readLegacy = (sha256: string, maxBytes: number): Buffer | null => {
    let fd: number;
    try {
      fd = fs.openSync(path.join(dir, sha256), 'r');
    } catch {
      return null;
    }
    try {
      const length = fs.fstatSync(fd).size;
      if (length > maxBytes) return null;
      const bytes = Buffer.allocUnsafe(length);
      return readFully(fd, bytes, 0, length) === length ? bytes : null;
    } finally {
      fs.closeSync(fd);
    }
  };

  const unlinkSegment = (file: string) => {
    closeReader(file);
    if (own?.file === file) {
      pending = [];
      pendingBytes = 0;
      fs.closeSync(own.fd);
      own = null;
    }
    fs.rmSync(file, { force: true });
    segments.delete(file);
  };

  const write = (sha256: string, bytes: Buffer): void => {
    if (!OBJECT_NAME.test(sha256) || bytes.length > 0xffffffff) return;
    const idx = load();
    if (!own) {
      const file = path.join(dir, `${process.pid}-${crypto.randomBytes(4).toString('hex')}.seg`);
      own = { file, fd: fs.openSync(file, 'a', 0o600), size: 0 };
      segments.set(file, []);
    }
    const record = Buffer.allocUnsafe(HEADER + bytes.length);
    record.write(sha256, 0, 'hex');
    record.writeUInt32BE(bytes.length, 32);
    bytes.copy(record, HEADER);
    if (pending.length === 0) pendingSince = performance.now();
    pending.push(record);
    pendingBytes += record.length;
    if (pendingBytes >= 65536 || performance.now() - pendingSince >= 50) flush();
    idx.set(sha256, { segment: own.file, offset: own.size + HEADER, length: bytes.length });
    segments.get(own.file)!.push(sha256);
    own.size += record.length;
  };

  return {
    dir,
    write,
    has: (sha256) => load().has(sha256),
    read(sha256, maxBytes) {
      if (!OBJECT_NAME.test(sha256)) return null;
      const loc = load().get(sha256);
      if (!loc) return null;
      if (loc.segment === own?.file) flush();
      const bytes = readAt(loc, sha256, maxBytes);
      if (bytes && sha256Hex(bytes) === sha256) return bytes;
      // Damaged or gone: forget it (a legacy file is deleted), so it is fetched again.
      index?.delete(sha256);
      if (!loc.segment) fs.rmSync(path.join(dir, sha256), { force: true });
      return null;
    },
    remove(sha256s) {
      flush();
      const gone = new Set<string>();
      for (const sha of sha256s) if (OBJECT_NAME.test(sha)) gone.add(sha);
      const idx = load();
      for (const sha of gone) {
        const loc = idx.get(sha);
        if (loc && !loc.segment) fs.rmSync(path.join(dir, sha), { force: true });
        idx.delete(sha);
      }
      for (const [file, shas] of [...segments]) {
        if (!shas.some((s) => gone.has(s))) continue;
        const keep = shas.filter((s) => idx.get(s)?.segment === file);
        if (keep.length === 0) {
          unlinkSegment(file);
          continue;
        }
        // A few objects of another pack or version share the segment: copy them on, then drop it.
        const copies = keep.flatMap((s) => {
          const bytes = readAt(idx.get(s)!, s, Infinity);
          return bytes ? [[s, bytes] as const] : [];
        });
        unlinkSegment(file);
        for (const s of keep) idx.delete(s);
        for (const [s, bytes] of copies) write(s, bytes);
      }
      flush();
    },
    list() {
      return [...load().keys()].sort();
    },
    clean() {
      // The item-index cache files of earlier versions (now items.object_sha256).
      fs.rmSync(path.join(syncDir(dataDir), 'items'), { recursive: true, force: true });
      // File times are the computer's clock, not the sync's fixed one.
      const now = Date.now();
      for (const name of fs.readdirSync(dir)) {
        const full = path.join(dir, name);
        if (name.endsWith('.tmp')) {
          fs.rmSync(full, { force: true });
          continue;
        }
        if (full === own?.file) continue;
        try {
          if (now - fs.statSync(full).mtimeMs > MAX_AGE_MS) fs.rmSync(full, { force: true });
        } catch {
          // Gone already.
        }
      }
      index = null;
      segments.clear();
      for (const file of [...readers.keys()]) closeReader(file);
    },
    close() {
      for (const file of [...readers.keys()]) closeReader(file);
      flush();
      if (own) fs.closeSync(own.fd);
      own = null;
    },
  };
}

/**
 * The verified objects of one install from a folder, a .briefpack or a URL (`briefbook
 * add`), kept in the staging area rather than in memory and read back one at a time as
 * the pack is decoded and installed (as sync's are). release() forgets what was put.
 */
export function stagedForInstall(dataDir: string): VerifiedObjects & { release(): void } {
  const staging = openStaging(dataDir);
  const put = new Set<string>();
  return {
    onDisk: true,
    put(sha256, bytes) {
      staging.write(sha256, bytes);
      put.add(sha256);
    },
    // Every read checks the bytes against their name again, so the length needs no cap.
    get: (sha256) => staging.read(sha256, Number.MAX_SAFE_INTEGER) ?? undefined,
    release() {
      try {
        staging.remove(put);
      } finally {
        staging.close();
      }
    },
  };
}
