// The bundled sample pack, installed through the signed path: built in memory from
// assets/sample-pack, signed with the committed sample key (assets/sample-key), then
// verified and decoded by the same code as any published pack.
//
// The sample key's private half is committed, so it proves nothing. It is trusted ONLY
// for SAMPLE_PACK_ID and only here, for the publication this module builds itself; it
// is never pinned, and `briefbook add` refuses it (isSampleKey).
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../store/db';
import { readSourceFolder } from '../source/readSource';
import { createPublication } from './build';
import { installVerifiedPack, type SignedInstallResult } from './install';
import { readPrivateKeyFile, readPublicKeyFile, sameKey, type PublicKeyInfo } from './keys';
import { verifyInMemory, type FetchedPack } from './load';

export const SAMPLE_PACK_ID = 'sample-trilateral-honolulu-2027';
/** Fixed, so the sample builds to the same bytes on every machine. */
export const SAMPLE_PUBLISHED_AT = new Date('2027-01-04T00:00:00Z');
export const SAMPLE_SOURCE = 'bundled sample pack';

export function sampleKeyFiles(assetsDir: string): { key: string; pub: string } {
  const dir = path.join(assetsDir, 'sample-key');
  return { key: path.join(dir, 'sample.key'), pub: path.join(dir, 'sample.pub') };
}

/** Build the sample in memory and verify it with the sample public key. */
export function loadBundledSample(assetsDir: string, now: Date = new Date()): FetchedPack {
  const files = sampleKeyFiles(assetsDir);
  const pack = readSourceFolder(path.join(assetsDir, 'sample-pack'));
  const publication = createPublication(pack, {
    key: readPrivateKeyFile(files.key),
    version: 1,
    publishedAt: SAMPLE_PUBLISHED_AT,
  });
  const trust = { publicKey: readPublicKeyFile(files.pub), onlyForPackId: SAMPLE_PACK_ID };
  return verifyInMemory(publication, trust, SAMPLE_SOURCE, now);
}

export function installBundledSample(db: Db, assetsDir: string, now: Date = new Date()): SignedInstallResult {
  return installVerifiedPack(db, loadBundledSample(assetsDir, now), { bundled: true, now });
}

/** True when `key` is the bundled sample key (whose private half everyone has). */
export function isSampleKey(key: PublicKeyInfo, assetsDir: string): boolean {
  const pub = sampleKeyFiles(assetsDir).pub;
  if (!fs.existsSync(pub)) return false;
  try {
    return sameKey(readPublicKeyFile(pub), key);
  } catch {
    return false;
  }
}
