// A reader's X25519 public key as people pass it around: `briefbook-reader:` followed by
// the raw 32 bytes in standard base64, and its key id (the same 4×4 hex digits as a
// publisher key id: SHA-256 of the raw key) to read over the phone.
import crypto, { type KeyObject } from 'node:crypto';
import { BriefbookError } from '../../../shared/errors';
import { keyIdOf } from '../publish/keys';
import { rawPublicKey, x25519 } from './scheme';

export const READER_KEY_PREFIX = 'briefbook-reader:';
const READER_KEY_TEXT = /^briefbook-reader:([A-Za-z0-9+/]{43}=)$/;

export interface ReaderPublicKey {
  raw: Buffer;
  /** `briefbook-reader:<base64>`: one line of a recipients file. */
  text: string;
  keyId: string;
}

/** A reader key that can open packs: the public half plus the private key. */
export interface ReaderKey extends ReaderPublicKey {
  privateKey: KeyObject;
}

export function readerPublicKey(raw: Buffer): ReaderPublicKey {
  if (raw.length !== 32) throw new Error('an X25519 public key is 32 bytes');
  return { raw, text: `${READER_KEY_PREFIX}${raw.toString('base64')}`, keyId: keyIdOf(raw) };
}

export function readerKeyFromPrivate(privateKey: KeyObject): ReaderKey {
  return { ...readerPublicKey(rawPublicKey(privateKey)), privateKey };
}

/** A usable recipient key: well formed, and not a low-order point (no shared secret could be made with it). */
export function parseReaderKey(text: string): ReaderPublicKey {
  const m = READER_KEY_TEXT.exec(text.trim());
  if (!m)
    throw new BriefbookError(
      'invalid-input',
      `"${text.trim().slice(0, 60)}" is not a reader key. A reader key looks like ${READER_KEY_PREFIX}AbC…= (44 characters after the colon); the reader gets it from \`briefbook identity\` or the app's "This computer" screen.`,
    );
  const raw = Buffer.from(m[1]!, 'base64');
  const probe = crypto.generateKeyPairSync('x25519').privateKey;
  if (!x25519(probe, raw))
    throw new BriefbookError(
      'invalid-input',
      `${READER_KEY_PREFIX}${m[1]} is not a usable X25519 key (a low-order point); ask the reader for their key again.`,
    );
  return readerPublicKey(raw);
}
