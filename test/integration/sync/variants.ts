// The two kinds of published pack the sync fault, nginx and kill tests run on: signed
// public material, and a confidential pack (signed, and sealed to the reader). The tests
// are the same promise for both; what differs is listed here, in one place.
import type { Db } from '../../../electron/store/db';
import { packProtection } from '../../../electron/packs/confidential/index';
import { findPack } from '../../../electron/store/packsRepo';
import { newObjects, type Published } from '../../fixtures/syncPacks';
import { makeSealedPublisher, readerKeyOf } from '../confidential/fixture';
import { makePublisher, type Publisher } from './helpers';

export interface PackVariant {
  name: 'signed' | 'confidential';
  /** A publisher whose versions the reader with the data folder `readerDir()` (asked at each publish) can open. */
  makePublisher(readerDir: () => string): Publisher;
  /**
   * The objects a reader holding `older` downloads to install `newer`: only the changed
   * ones of a signed pack; every one of a confidential version, whose content key is new.
   */
  newObjects(older: Published, newer: Published): string[];
  /** A manifest with one signed detail altered and its JSON still valid. */
  tamperManifest(manifest: Buffer): Buffer;
  /** Whether the installed pack must be labelled encrypted. */
  encrypted: boolean;
}

const signed: PackVariant = {
  name: 'signed',
  makePublisher: () => makePublisher(),
  newObjects,
  tamperManifest(manifest) {
    const bytes = Buffer.from(manifest);
    bytes[bytes.indexOf('Sync Test Summit')] = 0x73;
    return bytes;
  },
  encrypted: false,
};

const confidential: PackVariant = {
  name: 'confidential',
  makePublisher: (readerDir) => makeSealedPublisher(() => [readerKeyOf(readerDir())]),
  newObjects: (_older, newer) => newer.objects,
  // The manifest shows no titles; the detail altered is the reader's wrapped content key.
  tamperManifest(manifest) {
    const text = manifest.toString('utf8');
    const wrapped = (JSON.parse(text) as { encryption: { recipients: { wrappedKey: string }[] } }).encryption
      .recipients[0]!.wrappedKey;
    return Buffer.from(text.replace(wrapped, `${wrapped[1]}${wrapped[0]}${wrapped.slice(2)}`), 'utf8');
  },
  encrypted: true,
};

export const VARIANTS: readonly PackVariant[] = [signed, confidential];

/** Whether the test pack is installed labelled as the variant says (confidential: to one reader). */
export function isLabelled(db: Db, variant: PackVariant): boolean {
  const protection = packProtection(db, findPack(db, 'sync-summit')!);
  return variant.encrypted ? protection.encrypted && protection.recipients === 1 : !protection.encrypted;
}
