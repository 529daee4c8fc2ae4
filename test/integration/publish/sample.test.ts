// The bundled sample installs through the signed path, with a key trusted for it only.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/api/core';
import { buildPublished } from '../../../electron/packs/publish/build';
import { addPublished } from '../../../electron/packs/publish/install';
import { readPrivateKeyFile, readPublicKeyFile } from '../../../electron/packs/publish/keys';
import { loadPublished } from '../../../electron/packs/publish/load';
import {
  SAMPLE_PACK_ID,
  SAMPLE_SOURCE,
  isSampleKey,
  loadBundledSample,
  sampleKeyFiles,
} from '../../../electron/packs/publish/sample';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { findPack, readPackItems } from '../../../electron/store/packsRepo';
import { keyHistory } from '../../../electron/store/publisherKeys';
import { makeKey, tempDir, writeSource } from './fixture';

const assets = path.resolve('assets');
const cores: Core[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.close()));

describe('the bundled sample pack', () => {
  it('has the id its key is restricted to', () => {
    expect(readSourceFolder(path.join(assets, 'sample-pack')).meta.id).toBe(SAMPLE_PACK_ID);
  });

  it('is installed on first start as a signed pack, with the same content as its source, and no pin', () => {
    const core = openCore({ dataDir: tempDir('bb-sample-'), transport: 'direct', installSample: true });
    cores.push(core);
    const pack = findPack(core.db, SAMPLE_PACK_ID)!;
    const sampleKey = readPublicKeyFile(sampleKeyFiles(assets).pub);
    expect(pack).toMatchObject({
      origin: 'signed',
      version: 1,
      source: SAMPLE_SOURCE,
      publisherKeyId: sampleKey.keyId,
    });
    const source = readSourceFolder(path.join(assets, 'sample-pack'));
    const installed = readPackItems(core.db, SAMPLE_PACK_ID);
    expect(installed).toHaveLength(source.items.length);
    const byKey = new Map(source.items.map((i) => [`${i.kind}/${i.id}`, i]));
    for (const item of installed) expect(item).toEqual(byKey.get(`${item.kind}/${item.id}`));
    expect(keyHistory(core.db, SAMPLE_PACK_ID)).toEqual([]);
  });

  it('builds to the same bytes every time', () => {
    const a = loadBundledSample(assets);
    const b = loadBundledSample(assets);
    expect(a.verified.bytes.equals(b.verified.bytes)).toBe(true);
  });

  it('its key is trusted for nothing else, and add refuses it', async () => {
    const dir = tempDir('bb-sample-key-');
    const sampleKey = readPrivateKeyFile(sampleKeyFiles(assets).key);
    const source = writeSource(path.join(dir, 'src'));
    await buildPublished(source, { key: sampleKey, outDir: path.join(dir, 'dist') });
    await expect(
      loadPublished(path.join(dir, 'dist'), {
        trust: { publicKey: sampleKey.publicKey, onlyForPackId: SAMPLE_PACK_ID },
      }),
    ).rejects.toMatchObject({ code: 'bad-signature', message: expect.stringMatching(/trusted only for pack/) });
    expect(isSampleKey(sampleKey.publicKey, assets)).toBe(true);
    expect(isSampleKey(makeKey().publicKey, assets)).toBe(false);
    // The CLI refuses the sample key as --pubkey (see addSigned); the core path with an explicit
    // trust still works, which is why the CLI check exists.
    const core = openCore({ dataDir: path.join(dir, 'data'), transport: 'direct' });
    cores.push(core);
    await expect(addPublished(core.db, path.join(dir, 'dist'))).rejects.toMatchObject({ code: 'invalid-input' });
  });
});
