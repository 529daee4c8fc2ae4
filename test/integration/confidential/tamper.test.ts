// Every way a confidential pack can be wrong is refused with a message that names it, and
// the reader's store is left exactly as it was (every table compared). Most cases play a
// publisher gone wrong (or a stolen signing key): the manifest is changed and signed
// again, so the decryption checks themselves are what refuses it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublished, type SigningKey } from '../../../electron/packs/publish/build';
import { addPublished } from '../../../electron/packs/publish/install';
import { sha256Hex } from '../../../electron/packs/photos';
import { createManifest } from '../../../electron/packs/publish/manifest';
import { encodePack } from '../../../electron/packs/publish/objects';
import { publisherKey } from '../../../electron/packs/publish/keys';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { sealPublication } from '../../../electron/packs/confidential/index';
import { objectAad, openObject, sealObject } from '../../../electron/packs/confidential/scheme';
import type { PackHeader } from '../../../electron/packs/confidential/header';
import { canonicalJson } from '../../../electron/packs/publish/encoding';
import { sealedEncryption, type Manifest, type SealedEncryption } from '../../../shared/manifest';
import { formatProblem, type BriefbookError } from '../../../shared/errors';
import { dumpStore } from '../../fixtures/storeDump';
import { makeKey, tempDir, writeSource } from '../publish/fixture';
import { copyDir, makeReader, manifestOf, resign, type TestReader } from './fixture';

let root: string;
let key: SigningKey;
let source: string;
let reader: TestReader;
let v1: string;
let v2: string;
let n = 0;

beforeAll(async () => {
  root = tempDir('bb-conf-tamper-');
  key = makeKey();
  source = writeSource(path.join(root, 'src'));
  reader = makeReader('Reader One', root);
  const dist = path.join(root, 'dist');
  await buildPublished(source, { key, outDir: dist, recipients: [reader.key] });
  v1 = copyDir(dist, path.join(root, 'v1'));
  await addPublished(reader.db, v1, { given: key.publicKey, readerKey: () => reader.key });
  reader.db.prepare("INSERT INTO settings (key, value_json) VALUES ('theme', '\"dark\"')").run();
  fs.appendFileSync(path.join(source, 'notes/context.md'), 'Added in version 2.\n');
  await buildPublished(source, { key, outDir: dist, recipients: [reader.key] });
  v2 = dist;
});

const copyOfV2 = () => copyDir(v2, path.join(root, `case-${n++}`));
const sealedOf = (m: Manifest): SealedEncryption => sealedEncryption(m)!;

async function expectRefused(dir: string, code: string, message: RegExp) {
  const before = dumpStore(reader.db);
  const err = (await addPublished(reader.db, dir, { readerKey: () => reader.key }).catch((e: unknown) => e)) as
    BriefbookError | undefined;
  expect(err, 'the pack was installed').toBeInstanceOf(Error);
  const text = [err!.message, ...(err!.problems ?? []).map(formatProblem)].join('\n');
  expect(err!.code, text).toBe(code);
  expect(text).toMatch(message);
  expect(dumpStore(reader.db)).toEqual(before);
}

/** Replace a sealed object's bytes, rename it and re-sign a manifest that names the new bytes. */
function replaceObject(
  dir: string,
  pick: (s: SealedEncryption) => { sha256: string; size: number },
  edit: (b: Buffer) => Buffer,
) {
  const m = manifestOf(dir);
  const entry = pick(sealedOf(m));
  const file = path.join(dir, 'objects', entry.sha256);
  const bytes = edit(fs.readFileSync(file));
  const name = sha256Hex(bytes);
  fs.writeFileSync(path.join(dir, 'objects', name), bytes);
  entry.sha256 = name;
  entry.size = bytes.length;
  sealedOf(m).objects.sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  resign(dir, m, key);
}

/**
 * A publisher who knows the content key (or a stolen signing key plus a reader's key):
 * seal version 3 with a known key, change the first item's sealed bytes, re-seal the
 * header so it names them, re-sign. Only the AEAD check can refuse it.
 */
function hostile(edit: (b: Buffer) => Buffer, editHeader?: (h: PackHeader) => void): string {
  const dir = path.join(root, `case-${n++}`);
  const pack = readSourceFolder(source);
  const encoded = encodePack(pack);
  const plain = createManifest(pack.meta, encoded, {
    version: 3,
    publishedAt: '2027-03-01T00:00:00Z',
    publisher: publisherKey(key.publicKey),
  });
  const contentKey = crypto.randomBytes(32);
  const sealed = sealPublication(plain, encoded.objects, [reader.key], { contentKey });
  const m = sealed.manifest;
  const enc = sealedOf(m);
  const headerAad = objectAad(m.packId, m.version, { type: 'header' });
  const opened = openObject(contentKey, headerAad, sealed.objects.get(enc.header.sha256)!);
  if (!opened.ok) throw new Error(opened.problem);
  const header = JSON.parse(opened.content.toString('utf8')) as PackHeader;
  const first = header.items[0]!;
  const changed = edit(sealed.objects.get(first.object)!);
  const changedName = sha256Hex(changed);
  sealed.objects.delete(first.object);
  sealed.objects.set(changedName, changed);
  enc.objects = enc.objects.filter((o) => o.sha256 !== first.object);
  enc.objects.push({ sha256: changedName, size: changed.length });
  enc.objects.sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
  first.object = changedName;
  editHeader?.(header);
  sealed.objects.delete(enc.header.sha256);
  const headerBytes = sealObject(contentKey, headerAad, Buffer.from(canonicalJson(header), 'utf8'));
  enc.header = { sha256: sha256Hex(headerBytes), size: headerBytes.length };
  sealed.objects.set(enc.header.sha256, headerBytes);
  fs.mkdirSync(path.join(dir, 'objects'), { recursive: true });
  for (const [name, bytes] of sealed.objects) fs.writeFileSync(path.join(dir, 'objects', name), bytes);
  resign(dir, m, key);
  return dir;
}

const flip = (at: (b: Buffer) => number) => (b: Buffer) => {
  const c = Buffer.from(b);
  c[at(c)]! ^= 0x01;
  return c;
};

describe('tampered confidential packs are refused and change nothing', () => {
  it('the untampered version 2 installs (control case)', async () => {
    const db = makeReader('Control', root);
    const keyOf = reader.key;
    await addPublished(db.db, copyOfV2(), { given: key.publicKey, readerKey: () => keyOf });
  });

  it('a ciphertext byte changed, renamed and re-signed: the sealed header does not name it', () => {
    const dir = copyOfV2();
    replaceObject(
      dir,
      (s) => s.objects[0]!,
      flip(() => 20),
    );
    return expectRefused(dir, 'invalid-pack', /which the manifest does not list/);
  });

  it('a ciphertext byte changed by someone holding the content key (header re-sealed): the tag does not match', () =>
    expectRefused(
      hostile((b) => flip(() => 20)(b)),
      'invalid-pack',
      /does not decrypt: its authentication tag does not match/,
    ));

  it('a tag byte changed (header re-sealed): refused', () =>
    expectRefused(
      hostile((b) => flip((c) => c.length - 1)(b)),
      'invalid-pack',
      /authentication tag does not match/,
    ));

  it('a truncated ciphertext (header re-sealed, sizes fixed up): refused', async () => {
    await expectRefused(
      hostile((b) => b.subarray(0, b.length - 7)),
      'invalid-pack',
      /does not decrypt/,
    );
    await expectRefused(
      hostile((b) => b.subarray(0, 20)),
      'invalid-pack',
      /encryption\.objects\[\d+\]\.size: Too small/,
    );
  });

  it('the sealed header changed: refused before any item is read', () => {
    const dir = copyOfV2();
    replaceObject(
      dir,
      (s) => s.header,
      flip(() => 40),
    );
    return expectRefused(dir, 'invalid-pack', /\(header\) does not decrypt/);
  });

  it('a ciphertext byte changed on the host (manifest untouched): the object hash is wrong', () => {
    const dir = copyOfV2();
    const target = sealedOf(manifestOf(dir)).objects[0]!.sha256;
    const file = path.join(dir, 'objects', target);
    fs.writeFileSync(file, flip(() => 30)(fs.readFileSync(file)));
    return expectRefused(dir, 'invalid-pack', /wrong SHA-256/);
  });

  it('a truncated object on the host: refused as truncated', () => {
    const dir = copyOfV2();
    const target = sealedOf(manifestOf(dir)).objects[0]!.sha256;
    const file = path.join(dir, 'objects', target);
    fs.writeFileSync(file, fs.readFileSync(file).subarray(0, 10));
    return expectRefused(dir, 'invalid-pack', /truncated/);
  });

  it('the manifest changed without the publisher’s key: bad signature', () => {
    const dir = copyOfV2();
    const m = manifestOf(dir);
    sealedOf(m).recipients[0]!.wrappedKey = Buffer.alloc(48, 7).toString('base64');
    fs.writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(m)}\n`);
    return expectRefused(dir, 'bad-signature', /does not verify/);
  });

  it('a wrapped key changed (re-signed): no key opens, so it is not addressed to this computer', () => {
    const dir = copyOfV2();
    const m = manifestOf(dir);
    const r = sealedOf(m).recipients[0]!;
    r.wrappedKey = flip(() => 3)(Buffer.from(r.wrappedKey, 'base64')).toString('base64');
    resign(dir, m, key);
    return expectRefused(dir, 'unauthorized', /not addressed to this computer/);
  });

  it('a key wrapped with the wrong curve point (another valid X25519 key): not addressed to this computer', () => {
    const dir = copyOfV2();
    const m = manifestOf(dir);
    const other = crypto.generateKeyPairSync('x25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(12);
    sealedOf(m).recipients[0]!.ephemeral = Buffer.from(other).toString('base64');
    resign(dir, m, key);
    return expectRefused(dir, 'unauthorized', /not addressed to this computer/);
  });

  it('a key wrapped with a low-order curve point: refused as an invalid point', async () => {
    // Low-order points of Curve25519 (u-coordinates): 0, 1, and an order-8 point.
    for (const hex of [
      '0000000000000000000000000000000000000000000000000000000000000000',
      '0100000000000000000000000000000000000000000000000000000000000000',
      'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
    ]) {
      const dir = copyOfV2();
      const m = manifestOf(dir);
      sealedOf(m).recipients.push({
        ephemeral: Buffer.from(hex, 'hex').toString('base64'),
        wrappedKey: Buffer.alloc(48).toString('base64'),
      });
      resign(dir, m, key);
      await expectRefused(dir, 'invalid-pack', /invalid curve point \(a low-order X25519 key in recipient entry 2\)/);
    }
  });

  it('a replayed nonce (a publisher reusing one for two objects): refused', async () => {
    const dir = path.join(root, `case-${n++}`);
    const pack = readSourceFolder(source);
    const encoded = encodePack(pack);
    const plain = createManifest(pack.meta, encoded, {
      version: 3,
      publishedAt: '2027-03-01T00:00:00Z',
      publisher: publisherKey(key.publicKey),
    });
    const fixed = crypto.randomBytes(12);
    const sealed = sealPublication(plain, encoded.objects, [reader.key], {
      nonce: (i) => (i < 2 ? fixed : crypto.randomBytes(12)),
    });
    fs.mkdirSync(path.join(dir, 'objects'), { recursive: true });
    for (const [name, bytes] of sealed.objects) fs.writeFileSync(path.join(dir, 'objects', name), bytes);
    resign(dir, sealed.manifest, key);
    await expectRefused(dir, 'invalid-pack', /reuses the nonce of item official/);
  });

  it('an item sealed as another item (a publisher bug): the decoded object names the other item', async () => {
    const dir = path.join(root, `case-${n++}`);
    const pack = readSourceFolder(source);
    const encoded = encodePack(pack);
    const plain = createManifest(pack.meta, encoded, {
      version: 3,
      publishedAt: '2027-03-01T00:00:00Z',
      publisher: publisherKey(key.publicKey),
    });
    // Swap the plain objects of two notes-or-items before sealing: each is sealed for the other's identity.
    const [a, b] = plain.items;
    const swapped = {
      ...plain,
      items: [
        { ...a!, sha256: b!.sha256, size: b!.size },
        { ...b!, sha256: a!.sha256, size: a!.size },
        ...plain.items.slice(2),
      ],
    };
    const sealed = sealPublication(swapped, encoded.objects, [reader.key]);
    fs.mkdirSync(path.join(dir, 'objects'), { recursive: true });
    for (const [name, bytes] of sealed.objects) fs.writeFileSync(path.join(dir, 'objects', name), bytes);
    resign(dir, sealed.manifest, key);
    // The sealing binds each object to the identity it was sealed for, so this decrypts; what
    // refuses it is the decoded object naming another item than its header entry.
    await expectRefused(dir, 'invalid-pack', /holds official "[a-z-]+", not the official/);
  });

  it('two entries of the header pointing at each other’s objects (header re-sealed): the associated data does not match', () =>
    expectRefused(
      hostile(
        (b) => b,
        (h) => {
          const [x, y] = h.items;
          [x!.object, y!.object] = [y!.object, x!.object];
        },
      ),
      'invalid-pack',
      /\(item official [a-z-]+\) does not decrypt/,
    ));

  it('an object of version 1 put into version 2 (re-signed): sealed under another key, refused', () => {
    const dir = copyOfV2();
    const m = manifestOf(dir);
    const old = sealedOf(manifestOf(v1)).objects[0]!;
    fs.copyFileSync(path.join(v1, 'objects', old.sha256), path.join(dir, 'objects', old.sha256));
    sealedOf(m).objects[0] = { ...old };
    sealedOf(m).objects.sort((x, y) => (x.sha256 < y.sha256 ? -1 : 1));
    resign(dir, m, key);
    return expectRefused(
      dir,
      'invalid-pack',
      /does not decrypt|not in the pack header|which the manifest does not list/,
    );
  });

  it('plain descriptive fields in a confidential manifest are refused (they would leak)', () => {
    const dir = copyOfV2();
    const m = manifestOf(dir);
    resign(dir, { ...m, title: 'Leaked title' } as Manifest, key);
    return expectRefused(dir, 'invalid-pack', /must not appear in a confidential manifest/);
  });
});
