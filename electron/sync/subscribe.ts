// Subscribing: verify the publication at a URL against the key the reader gives (a
// .pub file's key, pasted key text, or just the key id they confirmed by phone), then
// install it, pin the key and record the subscription in one transaction.
import crypto from 'node:crypto';
import { BriefbookError } from '../../shared/errors';
import { KEY_ID_PATTERN } from '../../shared/manifest';
import { checkGivenKey, trustFor } from '../packs/publish/install';
import { publicKeyFromBase64, publicKeyFromKeyObject, type PublicKeyInfo } from '../packs/publish/keys';
import type { TrustAnchor } from '../packs/publish/verify';
import { currentPin } from '../store/publisherKeys';
import { claimedPublisher } from './claimed';
import { openRemote, type Remote } from './remote';
import { applyFetched, fetchForInstall, settingsOf, type SyncOutcome, type SyncRun } from './sync';
import { upsertSubscription } from './subscriptions';

export interface SubscribeInput {
  url: string;
  /** The publisher's public key (from a .pub file or pasted text). */
  publicKey?: PublicKeyInfo | null;
  /** Or only its key id, as read out by the publisher: the manifest's key is pinned if its id matches exactly. */
  keyId?: string | null;
  /** Replace the key pinned for this pack with the one given. */
  repin?: boolean;
}

/** A key as the reader pasted it: a .pub file's PEM or a 44-character base64 key. */
export function parsePublicKeyText(text: string): PublicKeyInfo {
  const t = text.trim();
  try {
    if (/^[A-Za-z0-9+/]{43}=$/.test(t)) return publicKeyFromBase64(t);
    return publicKeyFromKeyObject(crypto.createPublicKey(t));
  } catch {
    throw new BriefbookError(
      'invalid-input',
      "That is not a publisher key. Paste the whole content of the publisher's .pub file, or give its key id.",
    );
  }
}

export type SubscribeOutcome = Extract<SyncOutcome, { status: 'installed' }> & { keyId: string; url: string };

export async function subscribe(run: SyncRun, input: SubscribeInput): Promise<SubscribeOutcome> {
  const given = input.publicKey ?? null;
  const keyId = input.keyId?.trim().toLowerCase() || null;
  const repin = input.repin === true;
  if (!given && !keyId)
    throw new BriefbookError(
      'invalid-input',
      "Give the publisher's key (--pubkey NAME.pub) or its key id, to check the pack against.",
    );
  if (keyId && !KEY_ID_PATTERN.test(keyId))
    throw new BriefbookError(
      'invalid-input',
      `"${input.keyId}" is not a key id; key ids look like 3f9a-12bc-77e0-9d41.`,
    );
  if (given && keyId && given.keyId !== keyId)
    throw new BriefbookError('invalid-input', `The key given has id ${given.keyId}, not ${keyId}.`);
  const byReader = trustFor(run.db, given, repin);
  const trust = (claimed: string | null, manifest: Buffer): TrustAnchor => {
    if (given) return byReader(claimed);
    const pin = claimed ? currentPin(run.db, claimed) : null;
    if (pin && !repin) return { publicKey: publicKeyFromBase64(pin.publicKey) };
    const named = claimedPublisher(manifest);
    if (!named || named.keyId !== keyId)
      throw new BriefbookError(
        'bad-signature',
        `The pack is signed by key ${named?.keyId ?? '(none named)'}, not ${keyId}. Nothing was installed; check the key id with the publisher.`,
      );
    return { publicKey: named };
  };
  let remote: Remote | null = null;
  try {
    remote = openRemote(input.url, settingsOf(run));
    const url = remote.location;
    const result = await fetchForInstall(run, remote, trust, null, null);
    if (!result) throw new Error('a manifest is always fetched when none is known');
    let installed = false;
    try {
      checkGivenKey(result.fetched, given);
      const { signer, rotatedFrom, manifest } = result.fetched.verified;
      if (keyId && ![...rotatedFrom, signer].some((k) => k.keyId === keyId))
        throw new BriefbookError(
          'bad-signature',
          `Pack "${manifest.packId}" is signed by key ${signer.keyId}, not ${keyId}. Nothing was installed. If the publisher confirmed ${keyId} as their new key, add again with the .pub file and --repin.`,
        );
      const outcome = run.db
        .transaction(() => {
          upsertSubscription(run.db, manifest.packId, url, run.now);
          return applyFetched(run, result, { packId: manifest.packId }, repin);
        })
        .immediate();
      installed = true;
      return { ...outcome, keyId: signer.keyId, url };
    } finally {
      result.release(installed);
    }
  } finally {
    remote?.close();
  }
}
