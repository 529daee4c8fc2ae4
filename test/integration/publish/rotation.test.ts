// Key rotation: announced by the current key (nextKey), carried forward by the build
// as a signed chain (previousKeys), followed by readers pinned to an older key; an
// unsigned key change is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPublished } from '../../../electron/packs/publish/build';
import { addPublished } from '../../../electron/packs/publish/install';
import { loadPublished } from '../../../electron/packs/publish/load';
import { currentPin, keyHistory } from '../../../electron/store/publisherKeys';
import type { Db } from '../../../electron/store/db';
import { PACK_ID, dumpStore, makeKey, openStore, tempDir, writeSource } from './fixture';

const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

async function published() {
  const dir = tempDir('bb-rotation-');
  const source = writeSource(path.join(dir, 'src'));
  const out = path.join(dir, 'dist');
  const snap = (name: string) => {
    const copy = path.join(dir, name);
    fs.cpSync(out, copy, { recursive: true });
    return copy;
  };
  const store = () => {
    const db = openStore(path.join(dir, `store-${dbs.length}`));
    dbs.push(db);
    return db;
  };
  return { dir, source, out, snap, store };
}

describe('key rotation', () => {
  it('is followed by a reader pinned to the old key, even one that skipped the announcing version', async () => {
    const { source, out, snap, store } = await published();
    const oldKey = makeKey();
    const newKey = makeKey();
    await buildPublished(source, { key: oldKey, outDir: out });
    const v1 = snap('v1');
    const v2 = await buildPublished(source, { key: oldKey, outDir: out, nextKey: newKey.publicKey });
    expect(v2.manifest.nextKey?.keyId).toBe(newKey.publicKey.keyId);
    const v3 = await buildPublished(source, { key: newKey, outDir: out });
    expect(v3.manifest.publisher.keyId).toBe(newKey.publicKey.keyId);
    expect(v3.manifest.previousKeys?.map((k) => k.keyId)).toEqual([oldKey.publicKey.keyId]);

    const db = store();
    await addPublished(db, v1, { given: oldKey.publicKey });
    // No --pubkey: the pinned old key is the trust anchor, and the signed chain leads to the new one.
    const { result } = await addPublished(db, out);
    expect(result.version).toBe(3);
    expect(result.rotatedFrom).toEqual([oldKey.publicKey.keyId]);
    expect(currentPin(db, PACK_ID)?.keyId).toBe(newKey.publicKey.keyId);
    expect(keyHistory(db, PACK_ID).map((k) => [k.keyId, k.pinnedVia, k.retiredAt === null])).toEqual([
      [oldKey.publicKey.keyId, 'reader', false],
      [newKey.publicKey.keyId, 'rotation', true],
    ]);

    // Later versions signed by the new key keep carrying the chain, and verify with the old .pub.
    const v4 = await buildPublished(source, { key: newKey, outDir: out });
    expect(v4.manifest.previousKeys?.map((k) => k.keyId)).toEqual([oldKey.publicKey.keyId]);
    const verified = await loadPublished(out, { trust: { publicKey: oldKey.publicKey } });
    expect(verified.verified.rotatedFrom.map((k) => k.keyId)).toEqual([oldKey.publicKey.keyId]);
  });

  it('refuses an unsigned key change, in the build and at install', async () => {
    const { source, out, snap, store } = await published();
    const oldKey = makeKey();
    const otherKey = makeKey();
    await buildPublished(source, { key: oldKey, outDir: out });
    const v1 = snap('v1');
    await expect(buildPublished(source, { key: otherKey, outDir: out })).rejects.toMatchObject({ code: 'conflict' });
    await buildPublished(source, { key: otherKey, outDir: out, forceNewKey: true });

    const db = store();
    await addPublished(db, v1, { given: oldKey.publicKey });
    const before = dumpStore(db);
    await expect(addPublished(db, out)).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringMatching(/unsigned key change is refused/),
    });
    await expect(addPublished(db, out, { given: otherKey.publicKey })).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringMatching(/--repin/),
    });
    expect(dumpStore(db)).toBe(before);

    // The reader confirmed the new key id by phone: --repin.
    const { result } = await addPublished(db, out, { given: otherKey.publicKey, repin: true });
    expect(result.version).toBe(2);
    expect(currentPin(db, PACK_ID)?.keyId).toBe(otherKey.publicKey.keyId);
  });

  it('refuses a chain whose endorsement was not made by the old key', async () => {
    const { source, out, snap, store } = await published();
    const oldKey = makeKey();
    const newKey = makeKey();
    const forger = makeKey();
    await buildPublished(source, { key: oldKey, outDir: out });
    const v1 = snap('v1');
    // The forger announces newKey under its own signature, then claims oldKey endorsed it.
    const forged = path.join(path.dirname(out), 'forged');
    await buildPublished(source, { key: forger, outDir: forged, nextKey: newKey.publicKey });
    const prev = JSON.parse(fs.readFileSync(path.join(forged, 'manifest.json'), 'utf8'));
    prev.publisher = { keyId: oldKey.publicKey.keyId, publicKey: oldKey.publicKey.base64 };
    fs.writeFileSync(path.join(forged, 'manifest.json'), JSON.stringify(prev));
    await buildPublished(source, { key: newKey, outDir: forged });

    const db = store();
    await addPublished(db, v1, { given: oldKey.publicKey });
    const before = dumpStore(db);
    await expect(addPublished(db, forged)).rejects.toMatchObject({ code: 'bad-signature' });
    expect(dumpStore(db)).toBe(before);
  });

  it('refuses a nextKey endorsement the signer did not make', async () => {
    const { source, out } = await published();
    const key = makeKey();
    await buildPublished(source, { key, outDir: out, nextKey: makeKey().publicKey });
    const m = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const other = makeKey();
    m.nextKey = { ...m.nextKey, keyId: other.publicKey.keyId, publicKey: other.publicKey.base64 };
    const { canonicalJson } = await import('../../../electron/packs/publish/encoding');
    const { sign } = await import('../../../electron/packs/publish/keys');
    const bytes = Buffer.from(canonicalJson(m));
    fs.writeFileSync(path.join(out, 'manifest.json'), bytes);
    fs.writeFileSync(path.join(out, 'manifest.sig'), sign(key.privateKey, bytes));
    await expect(loadPublished(out, { trust: { publicKey: key.publicKey } })).rejects.toMatchObject({
      code: 'bad-signature',
      message: expect.stringMatching(/not signed by the current key/),
    });
  });
});
