// Confidential packs end to end: built with --recipients, installed only by the readers
// named, nothing of the content visible in the published bytes, readers rotated.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPublished, type SigningKey } from '../../../electron/packs/publish/build';
import { addPublished } from '../../../electron/packs/publish/install';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { parseRecipients, readerKeyFromPrivate } from '../../../electron/packs/confidential/index';
import { readPackItems, findPack, listPacks } from '../../../electron/store/packsRepo';
import { installPack } from '../../../electron/store/install';
import { sealedEncryption } from '../../../shared/manifest';
import { dumpStore } from '../../fixtures/storeDump';
import { makeKey, openStore, tempDir, writeSource } from '../publish/fixture';
import { allBytes, makeReader, manifestOf, type TestReader } from './fixture';
import crypto from 'node:crypto';

let root: string;
let key: SigningKey;
let source: string;
let alice: TestReader;
let bob: TestReader;
let mallory: TestReader;

beforeAll(() => {
  root = tempDir('bb-conf-');
  key = makeKey();
  source = writeSource(path.join(root, 'src'));
  alice = makeReader('Alice Example, Chief Negotiator', root);
  bob = makeReader('Bob Sample', root);
  mallory = makeReader('Mallory Outsider', root);
});

const recipients = (...readers: TestReader[]) =>
  parseRecipients(readers.map((r) => r.line).join('\n')).map((r) => r.key);

describe('confidential packs', () => {
  it('round trip to one reader: the same content as a plain install, labelled confidential', async () => {
    const dist = path.join(root, 'one');
    const built = await buildPublished(source, { key, outDir: dist, recipients: recipients(alice) });
    const m = manifestOf(dist);
    expect(sealedEncryption(m)?.recipients).toHaveLength(1);
    expect(m.title).toBeUndefined();
    expect(m.items).toEqual([]);
    expect(built.meta.title).toBe('Test Summit 2030');

    const { fetched, result } = await addPublished(alice.db, dist, {
      given: key.publicKey,
      readerKey: () => alice.key,
    });
    expect(result.version).toBe(1);
    expect(fetched.pack.meta.title).toBe('Test Summit 2030');
    const pack = findPack(alice.db, fetched.verified.manifest.packId)!;
    expect(pack.title).toBe('Test Summit 2030');
    // The label every pack summary carries (the library card, `briefbook packs`).
    expect(pack.protection).toEqual({ encrypted: true, recipients: 1, label: 'confidential, encrypted to 1 reader' });
    expect(listPacks(alice.db).map((p) => p.protection.label)).toEqual(['confidential, encrypted to 1 reader']);

    // Same items, bodies and photos as the source.
    const src = readSourceFolder(source);
    const installed = readPackItems(alice.db, pack.id);
    expect(installed.map((i) => `${i.kind}/${i.id}`).sort()).toEqual(src.items.map((i) => `${i.kind}/${i.id}`).sort());
    for (const it of src.items)
      expect(installed.find((i) => i.kind === it.kind && i.id === it.id)).toMatchObject({ body: it.body });
    const blobs = alice.db.prepare('SELECT count(*) AS n FROM blobs').get() as { n: number };
    expect(blobs.n).toBe(src.photos.size);
  });

  it('a plain pack is labelled public (not encrypted)', async () => {
    const dist = path.join(root, 'plain');
    await buildPublished(source, { key, outDir: dist });
    const db = openStore(tempDir('bb-plain-'));
    await addPublished(db, dist, { given: key.publicKey });
    const pack = findPack(db, 'test-summit-2030')!;
    expect(pack.protection).toEqual({ encrypted: false, label: 'public (not encrypted)' });
  });

  it('a label recorded for one version does not follow the pack to a plain version, nor to a local draft', async () => {
    const dist = path.join(root, 'then-plain');
    await buildPublished(source, { key, outDir: dist, recipients: recipients(alice) });
    const db = openStore(tempDir('bb-then-plain-'));
    await addPublished(db, dist, { given: key.publicKey, readerKey: () => alice.key });
    expect(findPack(db, 'test-summit-2030')!.protection.encrypted).toBe(true);
    // Version 2 of the same pack, published as public material.
    await buildPublished(source, { key, outDir: dist });
    await addPublished(db, dist, {});
    expect(findPack(db, 'test-summit-2030')).toMatchObject({
      version: 2,
      protection: { encrypted: false, label: 'public (not encrypted)' },
    });
    installPack(db, readSourceFolder(source), { origin: 'local-draft', source });
    expect(findPack(db, 'test-summit-2030')!.protection).toEqual({
      encrypted: false,
      label: 'local draft (not encrypted)',
    });
  });

  it('round trip to 50 readers: each of them opens it, an outsider cannot', async () => {
    const others = Array.from({ length: 48 }, () =>
      readerKeyFromPrivate(crypto.generateKeyPairSync('x25519').privateKey),
    );
    const dist = path.join(root, 'fifty');
    await buildPublished(source, { key, outDir: dist, recipients: [...others, alice.key, bob.key] });
    expect(sealedEncryption(manifestOf(dist))?.recipients).toHaveLength(50);
    for (const reader of [bob, alice]) {
      const db = openStore(tempDir('bb-fifty-'));
      const { result } = await addPublished(db, dist, { given: key.publicKey, readerKey: () => reader.key });
      expect(result.added).toHaveLength(5);
    }
    // The 30th of the others, with a store of its own.
    const db = openStore(tempDir('bb-fifty-'));
    const { result } = await addPublished(db, dist, { given: key.publicKey, readerKey: () => ({ ...others[29]! }) });
    expect(result.added).toHaveLength(5);
    const before = dumpStore(mallory.db);
    await expect(
      addPublished(mallory.db, dist, { given: key.publicKey, readerKey: () => mallory.key }),
    ).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining(mallory.key.keyId) });
    expect(dumpStore(mallory.db)).toEqual(before);
  });

  it('a non-recipient is refused before anything is fetched, with their key id, and nothing is stored', async () => {
    const dist = path.join(root, 'not-mallory');
    await buildPublished(source, { key, outDir: dist, recipients: recipients(alice, bob) });
    const before = dumpStore(mallory.db);
    const err = await addPublished(mallory.db, dist, { given: key.publicKey, readerKey: () => mallory.key }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'unauthorized' });
    expect((err as Error).message).toMatch(/not addressed to this computer/);
    expect((err as Error).message).toContain(`send your key id ${mallory.key.keyId}`.replace('send', 'Send'));
    expect(dumpStore(mallory.db)).toEqual(before);
    // Without any reader key (e.g. a tool that has none) it is refused too.
    await expect(addPublished(mallory.db, dist, { given: key.publicKey })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/confidential/),
    });
    expect(dumpStore(mallory.db)).toEqual(before);
  });

  it('the published bytes contain no name, title, id or text of the pack (nor the readers’ names)', async () => {
    const dist = path.join(root, 'grep');
    await buildPublished(source, {
      key,
      outDir: dist,
      recipients: recipients(alice, bob),
      briefpack: path.join(root, 'grep.briefpack'),
    });
    const bytes = Buffer.concat([allBytes(dist), fs.readFileSync(path.join(root, 'grep.briefpack'))]);
    const pack = readSourceFolder(source);
    const needles = new Set<string>([
      pack.meta.title,
      pack.meta.event.name,
      pack.meta.event.location,
      pack.meta.classification,
      pack.meta.event.start,
      alice.name,
      bob.name,
    ]);
    for (const it of pack.items) {
      needles.add(it.id);
      const d = it.data as Record<string, unknown>;
      for (const f of ['name', 'nativeName', 'title', 'organization', 'location'])
        if (typeof d[f] === 'string') needles.add(d[f]);
      for (const line of it.body.split('\n')) if (line.trim().length > 8) needles.add(line.trim().slice(0, 24));
    }
    for (const p of pack.photos.keys()) needles.add(p);
    expect(needles.size).toBeGreaterThan(20);
    for (const n of needles) {
      expect(bytes.includes(Buffer.from(n, 'utf8')), `"${n}" appears in the published bytes`).toBe(false);
      expect(bytes.includes(Buffer.from(n.toLowerCase(), 'utf8')), `"${n}" (lower case) appears`).toBe(false);
    }
    // The photos' bytes are not there either (a known portrait could otherwise be recognised).
    for (const photo of pack.photos.values()) expect(bytes.includes(photo.bytes.subarray(16, 64))).toBe(false);
  });

  it('rotating readers: a reader left off version 2 cannot open it and keeps version 1', async () => {
    const dist = path.join(root, 'rotate');
    await buildPublished(source, { key, outDir: dist, recipients: recipients(alice, bob) });
    await addPublished(bob.db, dist, { given: key.publicKey, readerKey: () => bob.key });
    const aliceDb = openStore(tempDir('bb-rot-'));
    await addPublished(aliceDb, dist, { given: key.publicKey, readerKey: () => alice.key });
    const v1 = manifestOf(dist);

    fs.appendFileSync(path.join(source, 'notes/context.md'), 'Revised for version 2.\n');
    await buildPublished(source, { key, outDir: dist, recipients: recipients(alice) });
    const v2 = manifestOf(dist);
    expect(v2.version).toBe(2);
    // A fresh content key: no sealed object is shared between the versions.
    const names = (m: typeof v1) => new Set([...sealedEncryption(m)!.objects.map((o) => o.sha256)]);
    const shared = [...names(v2)].filter((n) => names(v1).has(n));
    expect(shared).toEqual([]);

    const before = dumpStore(bob.db);
    await expect(addPublished(bob.db, dist, { readerKey: () => bob.key })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(dumpStore(bob.db)).toEqual(before);
    expect(findPack(bob.db, 'test-summit-2030')!.version).toBe(1);

    const { result } = await addPublished(aliceDb, dist, { readerKey: () => alice.key });
    expect(result).toMatchObject({ version: 2, previousVersion: 1, changed: [{ kind: 'note', id: 'context' }] });
  });
});
