// Where a published pack's bytes come from. Verification never depends on it: a
// fetcher returns untrusted bytes (each read capped), and only verify.ts decides.
// Implementations: a dist directory (here), a .briefpack (briefpack.ts), HTTP (http.ts);
// sync adds its own (conditional GET, staging, resume) behind the same interface.
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../../shared/errors';
import { MANIFEST_LIMITS, type Manifest } from '../../../shared/manifest';
import { MANIFEST_FILE, OBJECTS_DIR, SIGNATURE_FILE } from './manifest';

export interface ManifestBytes {
  /** At most maxManifestBytes + 1 bytes: a longer manifest is cut there and refused unparsed. */
  manifest: Buffer;
  /** At most signatureBytes + 1 bytes. */
  signature: Buffer;
}

export interface PackFetcher {
  /** Where the pack comes from, as shown to the user and recorded as the install source. */
  readonly location: string;
  fetchManifest(): Promise<ManifestBytes>;
  /**
   * The object named `sha256`, read up to `maxBytes + 1` bytes (so an object larger
   * than declared is detected without reading it all), or null when there is none.
   */
  fetchObject(sha256: string, maxBytes: number): Promise<Buffer | null>;
  /**
   * Optional: get many of the `wanted` objects of the verified `manifest` at once (the
   * object bundle), handing each one that arrives checked against the manifest to
   * `onObject`; those are not asked for again. Never throws: whatever it does not
   * deliver is fetched one by one.
   */
  prefetch?(
    manifest: Manifest,
    wanted: readonly string[],
    onObject: (sha256: string, bytes: Buffer) => void,
  ): Promise<void>;
  close(): Promise<void>;
}

export const OBJECT_NAME = /^[0-9a-f]{64}$/;

/** Read at most `limit` bytes of a regular file; null when there is no such regular file. */
export function readCapped(file: string, limit: number): Buffer | null {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
  try {
    if (!fs.fstatSync(fd).isFile()) return null;
    const buf = Buffer.alloc(limit);
    let got = 0;
    while (got < limit) {
      const n = fs.readSync(fd, buf, got, limit - got, null);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    fs.closeSync(fd);
  }
}

/** A published directory on disk (or a mounted file share). */
export function dirFetcher(dir: string): PackFetcher {
  const root = path.resolve(dir);
  return {
    location: root,
    async fetchManifest() {
      const manifest = readCapped(path.join(root, MANIFEST_FILE), MANIFEST_LIMITS.maxManifestBytes + 1);
      if (!manifest)
        throw new BriefbookError(
          'invalid-input',
          `${root} has no ${MANIFEST_FILE}. Give a published pack folder (made by \`briefbook pack build\`), a .briefpack file or a URL.`,
        );
      const signature = readCapped(path.join(root, SIGNATURE_FILE), MANIFEST_LIMITS.signatureBytes + 1);
      if (!signature)
        throw new BriefbookError(
          'bad-signature',
          `${root} has no ${SIGNATURE_FILE}: the pack is not signed, so it cannot be trusted. Nothing was installed.`,
          [{ file: SIGNATURE_FILE, message: 'missing' }],
        );
      return { manifest, signature };
    },
    async fetchObject(sha256, maxBytes) {
      // Object names come from the manifest: only a bare hash ever becomes a path.
      if (!OBJECT_NAME.test(sha256)) return null;
      return readCapped(path.join(root, OBJECTS_DIR, sha256), maxBytes + 1);
    },
    async close() {},
  };
}
