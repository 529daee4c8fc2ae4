// Installing a verified publication: the key pin and the content change in one
// transaction, after every check has passed. The rollback check is repeated inside
// the transaction, so two installs racing cannot slip an older version in.
import { BriefbookError } from '../../../shared/errors';
import type { Db } from '../../store/db';
import { installPack, type InstallResult } from '../../store/install';
import { currentPin, pinKey } from '../../store/publisherKeys';
import { publicKeyFromBase64, sameKey, type PublicKeyInfo } from './keys';
import { recordProtection, type ReaderKeySource } from '../confidential/index';
import { loadPublished, type FetchedPack } from './load';
import type { HttpOptions } from './http';
import type { TrustAnchor, VerifiedObjects } from './verify';

export interface SignedInstallOptions {
  now?: Date;
  /** Replace the pinned key with the one the reader gave (after confirming it with the publisher). */
  repin?: boolean;
  /** The bundled sample: trusted through its own key, never pinned. */
  bundled?: boolean;
}

export interface SignedInstallResult extends InstallResult {
  keyId: string;
  /** Key ids the pin moved through (oldest first) when the publisher rotated keys. */
  rotatedFrom: string[];
}

/** The highest signed version installed for a pack, or null. */
export function installedSignedVersion(db: Db, packId: string): number | null {
  const row = db.prepare("SELECT version FROM packs WHERE id = ? AND origin = 'signed'").get(packId) as
    { version: number } | undefined;
  return row?.version ?? null;
}

/**
 * What to verify a pack against: the key pinned for the pack id the manifest claims
 * (so a signed rotation from it is followed), else the key the reader gave. With
 * `repin`, the reader's key replaces the pin. installVerifiedPack checks the pin again.
 */
export function trustFor(
  db: Db,
  given: PublicKeyInfo | null,
  repin = false,
): (claimedPackId: string | null) => TrustAnchor {
  return (claimed) => {
    const pin = claimed ? currentPin(db, claimed) : null;
    if (pin && !(repin && given)) return { publicKey: publicKeyFromBase64(pin.publicKey) };
    if (given) return { publicKey: given };
    throw new BriefbookError(
      'invalid-input',
      `No key is pinned for ${claimed ? `pack "${claimed}"` : 'this pack'}. Give the publisher's key with --pubkey NAME.pub (and compare its key id with the publisher by phone).`,
    );
  };
}

/** A key the reader gave must be one the verified pack was signed by (or rotated from). */
export function checkGivenKey(fetched: FetchedPack, given: PublicKeyInfo | null): void {
  if (!given) return;
  const { signer, rotatedFrom, manifest } = fetched.verified;
  if ([...rotatedFrom, signer].some((k) => sameKey(k, given))) return;
  throw new BriefbookError(
    'bad-signature',
    `Pack "${manifest.packId}" is signed by key ${signer.keyId} (the key pinned for it), not by the key you gave, ${given.keyId}. Nothing was changed. If the publisher confirmed ${given.keyId} by phone as their new key, add again with --repin.`,
  );
}

export function installVerifiedPack(
  db: Db,
  fetched: FetchedPack,
  options: SignedInstallOptions = {},
): SignedInstallResult {
  const { manifest, signer, rotatedFrom } = fetched.verified;
  const now = options.now ?? new Date();
  const run = db.transaction((): SignedInstallResult => {
    const installed = installedSignedVersion(db, manifest.packId);
    if (installed !== null && manifest.version < installed)
      throw new BriefbookError(
        'rollback',
        `Version ${manifest.version} of "${manifest.packId}" is older than the installed version ${installed}; nothing was changed.`,
      );
    if (!options.bundled) {
      const pin = currentPin(db, manifest.packId);
      const lineage = [...rotatedFrom, signer];
      if (!pin) pinKey(db, manifest.packId, { publicKey: signer.base64, keyId: signer.keyId }, 'reader', now);
      else if (lineage.some((k) => sameKey(k, pin.publicKey))) {
        if (!sameKey(signer, pin.publicKey))
          pinKey(db, manifest.packId, { publicKey: signer.base64, keyId: signer.keyId }, 'rotation', now);
      } else if (options.repin)
        pinKey(db, manifest.packId, { publicKey: signer.base64, keyId: signer.keyId }, 'reader', now);
      else
        throw new BriefbookError(
          'bad-signature',
          `Pack "${manifest.packId}" is pinned to publisher key ${pin.keyId}, but this version is signed by ${signer.keyId} with no rotation signed by ${pin.keyId}. Nothing was changed. If the publisher confirmed the new key id by phone, add it again with --repin.`,
        );
    }
    const result = installPack(db, fetched.pack, {
      origin: 'signed',
      source: fetched.location,
      version: manifest.version,
      publisherKeyId: signer.keyId,
      publishedAt: manifest.publishedAt,
      now,
      objects: new Map(manifest.items.map((e) => [`${e.kind}/${e.id}`, e.sha256])),
    });
    // "confidential, encrypted to N readers" for `briefbook packs` and the app.
    recordProtection(db, manifest);
    return { ...result, keyId: signer.keyId, rotatedFrom: rotatedFrom.map((k) => k.keyId) };
  });
  return run.immediate();
}

export interface AddOptions extends SignedInstallOptions {
  /** The key the reader gave (--pubkey); without it, the key pinned for the pack. */
  given?: PublicKeyInfo | null;
  http?: HttpOptions;
  /** This computer's reader key, for confidential packs. */
  readerKey?: ReaderKeySource;
  /** Keep verified objects here rather than in memory (see FetchOptions.kept). */
  kept?: VerifiedObjects;
}

/** Fetch, verify and install a published pack from a folder, .briefpack or URL: `briefbook add`. */
export async function addPublished(
  db: Db,
  location: string,
  options: AddOptions = {},
): Promise<{ fetched: FetchedPack; result: SignedInstallResult }> {
  const given = options.given ?? null;
  const fetched = await loadPublished(location, {
    trust: trustFor(db, given, options.repin ?? false),
    installedVersion: (packId) => installedSignedVersion(db, packId),
    now: options.now,
    http: options.http,
    readerKey: options.readerKey,
    kept: options.kept,
  });
  checkGivenKey(fetched, given);
  return { fetched, result: installVerifiedPack(db, fetched, options) };
}
