// Every tampering case is refused with a clear message, and the store is left exactly
// as it was: a dump of every table before and after must be identical.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublished, type SigningKey } from '../../../electron/packs/publish/build';
import { canonicalJson } from '../../../electron/packs/publish/encoding';
import { addPublished } from '../../../electron/packs/publish/install';
import { sign } from '../../../electron/packs/publish/keys';
import { sha256Hex } from '../../../electron/packs/photos';
import { MANIFEST_LIMITS } from '../../../shared/manifest';
import { formatProblem, type BriefbookError } from '../../../shared/errors';
import type { Db } from '../../../electron/store/db';
import { distEntries, dumpStore, makeKey, openStore, rawZip, tempDir, writeSource } from './fixture';

let root: string;
let key: SigningKey;
let db: Db;
let v1: string; // a copy of the published folder at version 1
let v2: string; // the folder at version 2, not installed yet
let snapshot: string;

beforeAll(async () => {
  root = tempDir('bb-tamper-');
  key = makeKey();
  const source = writeSource(path.join(root, 'src'));
  const dist = path.join(root, 'dist');
  await buildPublished(source, { key, outDir: dist });
  v1 = path.join(root, 'v1');
  fs.cpSync(dist, v1, { recursive: true });
  db = openStore(path.join(root, 'store'));
  await addPublished(db, v1, { given: key.publicKey });
  // Reader data that must survive every refused install untouched.
  db.prepare("INSERT INTO settings (key, value_json) VALUES ('theme', '\"dark\"')").run();
  fs.appendFileSync(path.join(source, 'notes/context.md'), 'Added in version 2.\n');
  await buildPublished(source, { key, outDir: dist });
  v2 = dist;
  snapshot = dumpStore(db);
});
afterAll(() => db.close());

let n = 0;
/** A fresh copy of version 2 to damage. */
function copyOfV2(): string {
  const dir = path.join(root, `case-${n++}`);
  fs.cpSync(v2, dir, { recursive: true });
  return dir;
}

function manifestOf(dir: string) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    items: { id: string; sha256: string; size: number }[];
    assets: { sha256: string; size: number }[];
  } & Record<string, unknown>;
}

/** Rewrite the manifest (as bytes) and sign it again with the real key: tampering by the key holder's tooling. */
function resign(dir: string, bytes: Buffer, signer: SigningKey = key) {
  fs.writeFileSync(path.join(dir, 'manifest.json'), bytes);
  fs.writeFileSync(path.join(dir, 'manifest.sig'), sign(signer.privateKey, bytes));
}

function flipByte(file: string, at: number) {
  const b = fs.readFileSync(file);
  b[at] = b[at]! ^ 0x01;
  fs.writeFileSync(file, b);
}

async function expectRefused(
  location: string,
  code: string,
  message: RegExp,
  options: Parameters<typeof addPublished>[2] = {},
) {
  const err = await addPublished(db, location, { given: key.publicKey, ...options }).then(
    () => null,
    (e: unknown) => e as BriefbookError,
  );
  expect(err, 'the install should have been refused').not.toBeNull();
  const text = [err!.message, ...err!.problems.map(formatProblem)].join('\n');
  expect(err!.code).toBe(code);
  expect(text).toMatch(message);
  expect(dumpStore(db)).toBe(snapshot);
}

describe('refused, with the store unchanged', () => {
  it('installs version 2 when nothing is tampered with (control case, on a copy of the store)', async () => {
    const copy = openStore(path.join(root, 'control'));
    await addPublished(copy, v1, { given: key.publicKey });
    const { result } = await addPublished(copy, copyOfV2(), { given: key.publicKey });
    expect(result.version).toBe(2);
    expect(result.changed).toEqual([{ kind: 'note', id: 'context' }]);
    copy.close();
  });

  it('a flipped byte in an object', async () => {
    const dir = copyOfV2();
    const sha = manifestOf(dir).items[0]!.sha256;
    flipByte(path.join(dir, 'objects', sha), 10);
    await expectRefused(dir, 'invalid-pack', new RegExp(`objects/${sha}: has the wrong SHA-256`));
  });

  it('a flipped byte in a photo', async () => {
    const dir = copyOfV2();
    const sha = manifestOf(dir).assets[0]!.sha256;
    flipByte(path.join(dir, 'objects', sha), 40);
    await expectRefused(dir, 'invalid-pack', /wrong SHA-256.*photo photos\//);
  });

  it('a flipped byte in the manifest', async () => {
    const dir = copyOfV2();
    flipByte(path.join(dir, 'manifest.json'), 120);
    await expectRefused(dir, 'bad-signature', /manifest\.sig does not verify manifest\.json/);
  });

  it('a flipped byte in the signature', async () => {
    const dir = copyOfV2();
    flipByte(path.join(dir, 'manifest.sig'), 5);
    await expectRefused(dir, 'bad-signature', /altered/);
  });

  it('a truncated or missing signature', async () => {
    const dir = copyOfV2();
    fs.writeFileSync(path.join(dir, 'manifest.sig'), fs.readFileSync(path.join(dir, 'manifest.sig')).subarray(0, 63));
    await expectRefused(dir, 'bad-signature', /exactly 64 bytes/);
    fs.rmSync(path.join(dir, 'manifest.sig'));
    await expectRefused(dir, 'bad-signature', /not signed/);
  });

  it('the wrong key: a key the pack is not signed with', async () => {
    const other = makeKey();
    // With a pin, the reader's other key is refused...
    await expectRefused(copyOfV2(), 'bad-signature', /not by the key you gave/, { given: other.publicKey });
    // ...and a pack re-signed by another key is an unsigned key change.
    const dir = copyOfV2();
    resign(dir, fs.readFileSync(path.join(dir, 'manifest.json')), other);
    await expectRefused(dir, 'bad-signature', /does not verify/);
    const m = manifestOf(dir);
    m.publisher = { keyId: other.publicKey.keyId, publicKey: other.publicKey.base64 };
    resign(dir, Buffer.from(canonicalJson(m)), other);
    await expectRefused(dir, 'bad-signature', /unsigned key change is refused/);
  });

  it('an object missing', async () => {
    const dir = copyOfV2();
    const sha = manifestOf(dir).items[1]!.sha256;
    fs.rmSync(path.join(dir, 'objects', sha));
    await expectRefused(dir, 'invalid-pack', new RegExp(`objects/${sha}: missing`));
  });

  it('an object larger than declared, and one shorter', async () => {
    const dir = copyOfV2();
    const [a, b] = manifestOf(dir).items;
    fs.appendFileSync(path.join(dir, 'objects', a!.sha256), ' ');
    const bFile = path.join(dir, 'objects', b!.sha256);
    fs.writeFileSync(bFile, fs.readFileSync(bFile).subarray(0, 10));
    await expectRefused(
      dir,
      'invalid-pack',
      /larger than the \d+ bytes the manifest declares[\s\S]*truncated|truncated[\s\S]*larger than/,
    );
  });

  it('a version rolled back', async () => {
    const copy = path.join(root, 'store-rollback');
    const other = openStore(copy);
    await addPublished(other, copyOfV2(), { given: key.publicKey });
    const before = dumpStore(other);
    await expect(addPublished(other, v1, { given: key.publicKey })).rejects.toMatchObject({
      code: 'rollback',
      message: expect.stringMatching(/version 1 .*older than the installed version 2/),
    });
    expect(dumpStore(other)).toBe(before);
    other.close();
  });

  it('an expired pack', async () => {
    await expectRefused(copyOfV2(), 'expired', /expired on 2099-06-30T00:00:00Z/, {
      now: new Date('2100-01-01T00:00:00Z'),
    });
  });

  it('an oversized manifest, refused before it is parsed', async () => {
    const dir = copyOfV2();
    const big = Buffer.alloc(MANIFEST_LIMITS.maxManifestBytes + 10, 0x5b); // "[[[[…": nesting
    resign(dir, big);
    await expectRefused(dir, 'invalid-pack', /limit for a manifest \(it was not parsed\)/);
  });

  it('a manifest over its per-entry budget', async () => {
    const dir = copyOfV2();
    const text = fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    resign(dir, Buffer.from(text.replace(/\n$/, ' '.repeat(40_000) + '\n')));
    await expectRefused(dir, 'invalid-pack', /the budget is \d+ bytes/);
  });

  it('invalid UTF-8 in the manifest and in an object, even when correctly signed', async () => {
    const dir = copyOfV2();
    const bytes = fs.readFileSync(path.join(dir, 'manifest.json'));
    const at = bytes.indexOf('Test Summit 2030');
    resign(dir, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xc3, 0x28]), bytes.subarray(at + 2)]));
    await expectRefused(dir, 'invalid-pack', /manifest\.json: is not valid UTF-8/);

    const dir2 = copyOfV2();
    const m = manifestOf(dir2);
    const note = m.items.find((i) => i.id === 'context')!;
    const original = fs.readFileSync(path.join(dir2, 'objects', note.sha256));
    const bad = Buffer.from(original);
    bad[bad.indexOf('Background') + 3] = 0xff; // never valid in UTF-8
    const sha = sha256Hex(bad);
    fs.writeFileSync(path.join(dir2, 'objects', sha), bad);
    note.sha256 = sha;
    note.size = bad.length;
    resign(dir2, Buffer.from(canonicalJson(m) + '\n'));
    await expectRefused(dir2, 'invalid-pack', /notes\/context\.md: is not valid UTF-8/);
  });

  it('signed content that breaks the item schemas or references', async () => {
    const dir = copyOfV2();
    const m = manifestOf(dir);
    const entry = m.items.find((i) => i.id === 'cables')!;
    const obj = JSON.parse(fs.readFileSync(path.join(dir, 'objects', entry.sha256), 'utf8'));
    obj.data.officials = ['tanaka-hiroshi', 'nobody-here'];
    obj.data.priority = 'urgent';
    const bytes = Buffer.from(canonicalJson(obj));
    fs.writeFileSync(path.join(dir, 'objects', sha256Hex(bytes)), bytes);
    entry.sha256 = sha256Hex(bytes);
    entry.size = bytes.length;
    resign(dir, Buffer.from(canonicalJson(m) + '\n'));
    await expectRefused(dir, 'invalid-pack', /talking-points\/cables\.md: data\.priority/);

    obj.data.priority = 'high';
    const bytes2 = Buffer.from(canonicalJson(obj));
    fs.writeFileSync(path.join(dir, 'objects', sha256Hex(bytes2)), bytes2);
    entry.sha256 = sha256Hex(bytes2);
    entry.size = bytes2.length;
    resign(dir, Buffer.from(canonicalJson(m) + '\n'));
    await expectRefused(dir, 'invalid-pack', /officials\[1\]: no official with id "nobody-here"/);
  });

  it('a manifest with an unknown format or encryption this reader cannot open', async () => {
    const dir = copyOfV2();
    const m = manifestOf(dir);
    resign(dir, Buffer.from(canonicalJson({ ...m, format: 'briefbook-pack/2' })));
    await expectRefused(dir, 'invalid-pack', /format "briefbook-pack\/2"/);
    resign(dir, Buffer.from(canonicalJson({ ...m, encryption: { scheme: 'x25519-age/1' } })));
    await expectRefused(dir, 'invalid-pack', /confidential pack/);
  });
});

describe('.briefpack archives, refused whole, with the store unchanged', () => {
  const zipWith = (mutate: (entries: ReturnType<typeof distEntries>) => ReturnType<typeof distEntries>) => {
    const file = path.join(root, `case-${n++}.briefpack`);
    fs.writeFileSync(file, rawZip(mutate(distEntries(v2))));
    return file;
  };

  it('accepts the untampered raw archive (control case)', async () => {
    const copy = openStore(path.join(root, 'control-zip'));
    await addPublished(
      copy,
      zipWith((e) => e),
      { given: key.publicKey },
    );
    copy.close();
  });

  it.each([
    ['../evil', /"?\.\.\/evil"?: climbs out of the archive/],
    ['objects/../../evil', /climbs out of the archive/],
    ['/etc/cron.d/evil', /\/etc\/cron\.d\/evil: is an absolute path/],
    ['C:/Windows/evil', /is an absolute path/],
    ['objects\\evil', /backslash/],
    ['notes.txt', /is not a manifest or an object/],
  ])('an entry named %s', async (name, message) => {
    const file = zipWith((e) => [...e, { name, data: Buffer.from('x') }]);
    await expectRefused(file, 'invalid-pack', message);
  });

  it('a symbolic link', async () => {
    const file = zipWith((e) => {
      const [m, s, first, ...rest] = e;
      return [m!, s!, { ...first!, mode: 0o120777, data: Buffer.from('/etc/passwd') }, ...rest];
    });
    await expectRefused(file, 'invalid-pack', /is a symbolic link/);
  });

  it('a duplicated entry', async () => {
    const file = zipWith((e) => [...e, e[2]!]);
    await expectRefused(file, 'invalid-pack', /appears twice/);
  });

  it('an entry whose data disagrees with its header size', async () => {
    const target = `objects/${manifestOf(v2).items[0]!.sha256}`;
    const lie = (declared: (n: number) => number, deflate: boolean) =>
      zipWith((e) => e.map((x) => (x.name === target ? { ...x, deflate, declaredSize: declared(x.data.length) } : x)));
    // Deflated: the stream inflates to more or fewer bytes than the header says.
    await expectRefused(
      lie((n) => n - 5, true),
      'invalid-pack',
      /its data disagrees with its header/,
    );
    await expectRefused(
      lie((n) => n + 5, true),
      'invalid-pack',
      /its data disagrees with its header/,
    );
    // Stored: the two sizes in the header disagree.
    await expectRefused(
      lie((n) => n - 5, false),
      'invalid-pack',
      /size mismatch for stored file/,
    );
  });

  it('an entry declaring a size beyond the limits', async () => {
    const file = zipWith((e) =>
      e.map((x) => (x.name === 'manifest.sig' ? { ...x, deflate: true, declaredSize: 1_000_000 } : x)),
    );
    await expectRefused(file, 'invalid-pack', /manifest\.sig: declares 1000000 bytes/);
  });

  it('a file that is not a ZIP at all', async () => {
    const file = path.join(root, 'junk.briefpack');
    fs.writeFileSync(file, Buffer.from('PK\u0003\u0004 not really a zip'));
    await expectRefused(file, 'invalid-pack', /not a readable ZIP archive/);
  });
});
