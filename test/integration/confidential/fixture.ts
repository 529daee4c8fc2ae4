// Readers with their own data folders and reader keys, confidential builds, and a
// hostile publisher's tools (re-sign a changed manifest, re-seal with a known key).
import fs from 'node:fs';
import path from 'node:path';
import { sign } from '../../../electron/packs/publish/keys';
import { canonicalJson } from '../../../electron/packs/publish/encoding';
import type { SigningKey } from '../../../electron/packs/publish/build';
import { readerIdentity, unlockReaderKey } from '../../../electron/identity/index';
import type { ReaderKey } from '../../../electron/packs/confidential/index';
import type { Manifest } from '../../../shared/manifest';
import { openStore, tempDir } from '../publish/fixture';
import type { Db } from '../../../electron/store/db';
import { createPublication } from '../../../electron/packs/publish/build';
import { MANIFEST_FILE, OBJECTS_DIR, SIGNATURE_FILE } from '../../../electron/packs/publish/manifest';
import { readerPublicKey, type ReaderPublicKey } from '../../../electron/packs/confidential/index';
import { makePublisher, type Publisher } from '../sync/helpers';

export interface TestReader {
  name: string;
  dataDir: string;
  key: ReaderKey;
  db: Db;
  /** A line of a recipients file naming this reader. */
  line: string;
}

export function makeReader(name: string, root = tempDir('bb-reader-')): TestReader {
  const dataDir = path.join(root, name.replace(/\W+/g, '-').toLowerCase());
  fs.mkdirSync(dataDir, { recursive: true });
  const id = readerIdentity(dataDir);
  const key = unlockReaderKey(dataDir);
  return { name, dataDir, key, db: openStore(dataDir), line: `${id.publicKey} # ${name}` };
}

export function manifestOf(dir: string): Manifest {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Write a changed manifest and sign it with the publisher's real key (a publisher gone wrong). */
export function resign(dir: string, manifest: Manifest, key: SigningKey): void {
  const bytes = Buffer.from(`${canonicalJson(manifest)}\n`);
  fs.writeFileSync(path.join(dir, 'manifest.json'), bytes);
  fs.writeFileSync(path.join(dir, 'manifest.sig'), sign(key.privateKey, bytes));
}

/** Every byte of a published folder, for grepping. */
export function allBytes(dir: string): Buffer {
  const out: Buffer[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else {
        out.push(Buffer.from(e.name));
        out.push(fs.readFileSync(full));
      }
    }
  };
  walk(dir);
  return Buffer.concat(out);
}

export function copyDir(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

/** The reader key of a data folder (made on first use, kept in the clear as in the CLI). */
export function readerKeyOf(dataDir: string): ReaderPublicKey {
  readerIdentity(dataDir);
  return readerPublicKey(unlockReaderKey(dataDir).raw);
}

/**
 * The sync tests' publisher (test/integration/sync/helpers.ts), publishing confidential
 * versions the way `pack build --recipients` does: objects first, then the signed manifest.
 * `readers()` is read at each publish, so a test can change who the next version is for.
 */
export function makeSealedPublisher(readers: () => ReaderPublicKey[]): Publisher {
  return makePublisher((pack, dir, { version, key }) => {
    const pub = createPublication(pack, {
      key,
      version,
      publishedAt: new Date('2027-03-01T00:00:00Z'),
      recipients: readers(),
    });
    fs.mkdirSync(path.join(dir, OBJECTS_DIR), { recursive: true });
    for (const [name, bytes] of pub.objects) fs.writeFileSync(path.join(dir, OBJECTS_DIR, name), bytes);
    fs.writeFileSync(path.join(dir, SIGNATURE_FILE), pub.signature);
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), pub.manifestBytes);
    return {
      dir,
      manifest: pub.manifest,
      manifestBytes: pub.manifestBytes,
      signature: pub.signature,
      objects: [...pub.objects.keys()],
    };
  });
}
