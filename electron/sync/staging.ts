// The staging area: objects downloaded and verified (size and SHA-256) but not yet
// installed, kept on disk by hash under <data>/sync/objects/ so a sync that is cut off
// resumes without downloading them again. Each file is written to a temporary name and
// renamed into place, so a file under its hash name is always complete; it is hashed
// again when read, so a damaged file is dropped and fetched again, never installed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const OBJECT_NAME = /^[0-9a-f]{64}$/;
/** Staged objects nobody has needed for this long are removed. */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface Staging {
  readonly dir: string;
  /** A staged object whose bytes still hash to `sha256`, or null. */
  read(sha256: string, maxBytes: number): Buffer | null;
  /** Store verified bytes (the caller checked size and hash). */
  write(sha256: string, bytes: Buffer): void;
  remove(sha256s: Iterable<string>): void;
  /** Names of the staged objects. */
  list(): string[];
  /** Remove temporary files left by an interrupted write and objects unused for a month. */
  clean(): void;
}

export function syncDir(dataDir: string): string {
  return path.join(dataDir, 'sync');
}

export function openStaging(dataDir: string): Staging {
  const dir = path.join(syncDir(dataDir), 'objects');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = (sha: string) => path.join(dir, sha);
  return {
    dir,
    read(sha256, maxBytes) {
      if (!OBJECT_NAME.test(sha256)) return null;
      let bytes: Buffer;
      try {
        const stat = fs.statSync(file(sha256));
        if (!stat.isFile() || stat.size > maxBytes) return null;
        bytes = fs.readFileSync(file(sha256));
      } catch {
        return null;
      }
      if (crypto.createHash('sha256').update(bytes).digest('hex') !== sha256) {
        fs.rmSync(file(sha256), { force: true });
        return null;
      }
      return bytes;
    },
    write(sha256, bytes) {
      if (!OBJECT_NAME.test(sha256)) return;
      const tmp = path.join(dir, `.${sha256}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
      fs.writeFileSync(tmp, bytes, { mode: 0o600 });
      fs.renameSync(tmp, file(sha256));
    },
    remove(sha256s) {
      for (const sha of sha256s) if (OBJECT_NAME.test(sha)) fs.rmSync(file(sha), { force: true });
    },
    list() {
      return fs.readdirSync(dir).filter((n) => OBJECT_NAME.test(n));
    },
    clean() {
      // File times are the computer's clock, not the sync's fixed one.
      const now = Date.now();
      for (const name of fs.readdirSync(dir)) {
        const full = path.join(dir, name);
        if (name.endsWith('.tmp')) {
          fs.rmSync(full, { force: true });
          continue;
        }
        try {
          if (now - fs.statSync(full).mtimeMs > MAX_AGE_MS) fs.rmSync(full, { force: true });
        } catch {
          // Gone already.
        }
      }
    },
  };
}
