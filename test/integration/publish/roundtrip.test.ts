import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildPublished } from '../../../electron/packs/publish/build';
import { addPublished } from '../../../electron/packs/publish/install';
import { loadPublished } from '../../../electron/packs/publish/load';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { installPack } from '../../../electron/store/install';
import { readPackItems, readPhoto, findPack } from '../../../electron/store/packsRepo';
import { currentPin } from '../../../electron/store/publisherKeys';
import type { Db } from '../../../electron/store/db';
import { PACK_ID, makeKey, openStore, tempDir, writeSource } from './fixture';

const dbs: Db[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function contents(db: Db, packId: string) {
  const items = readPackItems(db, packId);
  const photos = items
    .flatMap((i) => (i.kind === 'official' && i.data.photo ? [i.data.photo] : []))
    .map((p) => [p, readPhoto(db, packId, p)?.sha256]);
  const pack = findPack(db, packId)!;
  return { items, photos, title: pack.title, event: pack.event, classification: pack.classification };
}

describe('build → verify → install', () => {
  for (const via of ['folder', 'briefpack'] as const) {
    it(`installs from a ${via} exactly what the source folder installs`, async () => {
      const dir = tempDir();
      const source = writeSource(path.join(dir, 'src'));
      const key = makeKey();
      const built = await buildPublished(source, {
        key,
        outDir: path.join(dir, 'dist'),
        briefpack: path.join(dir, 'p.briefpack'),
      });
      expect(built.manifest.version).toBe(1);
      const location = via === 'folder' ? path.join(dir, 'dist') : path.join(dir, 'p.briefpack');

      const verified = await loadPublished(location, { trust: { publicKey: key.publicKey } });
      expect(verified.verified.signer.keyId).toBe(key.publicKey.keyId);
      expect(verified.objectCount).toBe(7);

      const signedDb = openStore(path.join(dir, 'signed'));
      const draftDb = openStore(path.join(dir, 'draft'));
      dbs.push(signedDb, draftDb);
      const { result } = await addPublished(signedDb, location, { given: key.publicKey });
      installPack(draftDb, readSourceFolder(source), { origin: 'local-draft', source });
      expect(result.version).toBe(1);
      expect(contents(signedDb, PACK_ID)).toEqual(contents(draftDb, PACK_ID));

      const summary = findPack(signedDb, PACK_ID)!;
      expect(summary.origin).toBe('signed');
      expect(summary.publisherKeyId).toBe(key.publicKey.keyId);
      expect(summary.publishedAt).toBe(built.manifest.publishedAt);
      expect(currentPin(signedDb, PACK_ID)?.keyId).toBe(key.publicKey.keyId);
    });
  }

  it('round-trips the bundled sample pack', async () => {
    const dir = tempDir();
    const key = makeKey();
    const source = path.resolve('assets/sample-pack');
    await buildPublished(source, { key, outDir: path.join(dir, 'dist') });
    const signedDb = openStore(path.join(dir, 'signed'));
    const draftDb = openStore(path.join(dir, 'draft'));
    dbs.push(signedDb, draftDb);
    const { fetched } = await addPublished(signedDb, path.join(dir, 'dist'), { given: key.publicKey });
    const draft = readSourceFolder(source);
    installPack(draftDb, draft, { origin: 'local-draft', source });
    expect(contents(signedDb, draft.meta.id)).toEqual(contents(draftDb, draft.meta.id));
    expect(fetched.pack.meta).toEqual(draft.meta);
  });

  it('does not write anything when the source has problems', async () => {
    const dir = tempDir();
    const source = writeSource(path.join(dir, 'src'));
    fs.writeFileSync(path.join(source, 'notes/bad.md'), '---\ntitle: [unclosed\n---\n');
    const out = path.join(dir, 'dist');
    await expect(buildPublished(source, { key: makeKey(), outDir: out })).rejects.toMatchObject({
      code: 'invalid-pack',
    });
    expect(fs.existsSync(out)).toBe(false);
  });
});
