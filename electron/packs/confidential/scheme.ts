// The cryptography of confidential packs (FORMAT.md §9), scheme "briefbook-x25519-aes256gcm/1":
//   - a fresh 32-byte content key per published version;
//   - every object (and the pack header) sealed with AES-256-GCM under it: a random 96-bit
//     nonce, the object's identity (pack id, version, role) as associated data, and the
//     plaintext framed and padded (PADMÉ) so sizes say little about the content;
//   - the content key wrapped for each reader as `age` does it: an ephemeral X25519 key per
//     reader, HKDF-SHA256 over the shared secret (salt = ephemeral ‖ reader public key),
//     AES-256-GCM with a zero nonce (each wrapping key is used once).
// Only node:crypto is used.
import crypto, { type KeyObject } from 'node:crypto';

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;
/** The record inside each sealed object: 4-byte big-endian length, the content, zero padding. */
export const LENGTH_BYTES = 4;
export const OVERHEAD = NONCE_BYTES + LENGTH_BYTES + TAG_BYTES;

const DOMAIN = 'briefbook-x25519-aes256gcm/1';
const WRAP_INFO = Buffer.from(`${DOMAIN} wrap`, 'utf8');

/** What an object holds, bound to its ciphertext as associated data. */
export type ObjectRole =
  { type: 'header' } | { type: 'item'; kind: string; id: string } | { type: 'photo'; path: string };

export function roleLabel(role: ObjectRole): string {
  return role.type === 'header'
    ? 'header'
    : role.type === 'item'
      ? `item ${role.kind} ${role.id}`
      : `photo ${role.path}`;
}

/** Associated data of a sealed object: `DOMAIN\nobject\n<packId>\n<version>\n<role>`. */
export function objectAad(packId: string, version: number, role: ObjectRole): Buffer {
  return Buffer.from(`${DOMAIN}\nobject\n${packId}\n${version}\n${roleLabel(role)}`, 'utf8');
}

const aadScratch = Buffer.alloc(4096);

/**
 * objectAad written into a shared buffer, for the per-object loops: valid only until the
 * next call (sealObject and openObject hand it to the cipher at once, which copies it).
 * Saves an allocation per object.
 */
export function objectAadView(packId: string, version: number, role: ObjectRole): Buffer {
  const text = `${DOMAIN}\nobject\n${packId}\n${version}\n${roleLabel(role)}`;
  if (text.length * 3 > aadScratch.length) return Buffer.from(text, 'utf8');
  return aadScratch.subarray(0, aadScratch.write(text, 0, 'utf8'));
}

/** Associated data of a wrapped content key: `DOMAIN\nkey\n<packId>\n<version>`. */
export function wrapAad(packId: string, version: number): Buffer {
  return Buffer.from(`${DOMAIN}\nkey\n${packId}\n${version}`, 'utf8');
}

/**
 * PADMÉ (Nikitin et al., "Reducing metadata leakage from encrypted files", 2019): round
 * a length up so that at most about log₂log₂ L bits of it remain; at most 12 % overhead.
 */
export function padme(length: number): number {
  if (length < 2) return length;
  const e = Math.floor(Math.log2(length));
  const s = Math.floor(Math.log2(e)) + 1;
  const lastBits = e - s;
  const mask = 2 ** lastBits - 1;
  return Math.ceil(length / (mask + 1)) * (mask + 1);
}

/**
 * The plaintext record is framed in this reusable buffer (length ‖ content ‖ zeros) so each
 * object costs one cipher.update: a Cipheriv call costs far more than copying a few hundred
 * bytes. Records larger than the buffer (photos) get their own.
 */
let scratch = Buffer.alloc(64 * 1024);
const SCRATCH_MAX = 1024 * 1024;

/**
 * Seal one object: nonce ‖ AES-256-GCM(uint32_be(length) ‖ content ‖ zeros) ‖ tag. (One
 * buffer per object from Node's pool: a single large buffer for a whole pack was slower,
 * its fresh pages each faulting in on first write.)
 */
export function sealObject(
  key: Buffer,
  aad: Buffer,
  content: Buffer,
  nonce: Buffer = crypto.randomBytes(NONCE_BYTES),
): Buffer {
  const recordLength = padme(LENGTH_BYTES + content.length);
  if (recordLength > scratch.length && recordLength <= SCRATCH_MAX) scratch = Buffer.alloc(SCRATCH_MAX);
  const record = recordLength <= scratch.length ? scratch.subarray(0, recordLength) : Buffer.alloc(recordLength);
  record.writeUInt32BE(content.length, 0);
  record.set(content, LENGTH_BYTES);
  record.fill(0, LENGTH_BYTES + content.length);
  const iv = nonce.length === NONCE_BYTES ? nonce : nonce.subarray(0, NONCE_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const body = cipher.update(record);
  cipher.final(); // GCM: no further output
  const out = Buffer.allocUnsafe(NONCE_BYTES + recordLength + TAG_BYTES);
  out.set(iv, 0);
  out.set(body, NONCE_BYTES);
  out.set(cipher.getAuthTag(), NONCE_BYTES + recordLength);
  return out;
}

export type OpenResult = { ok: true; content: Buffer; nonce: Buffer } | { ok: false; problem: string };

/**
 * Verify and decrypt one sealed object; the reason when it does not open. `content` and
 * `nonce` are views into the decrypted record and the sealed bytes (no copies).
 */
export function openObject(key: Buffer, aad: Buffer, sealed: Buffer): OpenResult {
  if (sealed.length < OVERHEAD)
    return { ok: false, problem: `is ${sealed.length} bytes, shorter than any sealed object (truncated)` };
  const nonce = sealed.subarray(0, NONCE_BYTES);
  let record: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    record = decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES));
    decipher.final(); // throws when the tag does not verify; GCM has no further output
  } catch {
    return {
      ok: false,
      problem:
        'does not decrypt: its authentication tag does not match (the ciphertext was altered or truncated, or it belongs to another pack, version or entry)',
    };
  }
  const length = record.readUInt32BE(0);
  if (length > record.length - LENGTH_BYTES)
    return { ok: false, problem: 'declares a content length longer than its record' };
  for (let i = LENGTH_BYTES + length; i < record.length; i++)
    if (record[i] !== 0) return { ok: false, problem: 'has non-zero padding' };
  if (record.length !== padme(LENGTH_BYTES + length))
    return { ok: false, problem: 'is not padded as the scheme requires' };
  return { ok: true, content: record.subarray(LENGTH_BYTES, LENGTH_BYTES + length), nonce };
}

// ---- X25519 -----------------------------------------------------------------

const SPKI_X25519_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const PKCS8_X25519_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function x25519PublicKey(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an X25519 public key is 32 bytes');
  return crypto.createPublicKey({ key: Buffer.concat([SPKI_X25519_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function x25519PrivateKey(raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('an X25519 private key is 32 bytes');
  return crypto.createPrivateKey({ key: Buffer.concat([PKCS8_X25519_PREFIX, raw]), format: 'der', type: 'pkcs8' });
}

export function rawPublicKey(key: KeyObject): Buffer {
  const pub = key.type === 'private' ? crypto.createPublicKey(key) : key;
  return Buffer.from(pub.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519_PREFIX.length));
}

export function rawPrivateKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_X25519_PREFIX.length));
}

/**
 * X25519 shared secret, or null when the peer's point is of low order (the result would
 * be all zeros: OpenSSL refuses it, and we check again).
 */
export function x25519(privateKey: KeyObject, peerRaw: Buffer): Buffer | null {
  let shared: Buffer;
  try {
    shared = crypto.diffieHellman({ privateKey, publicKey: x25519PublicKey(peerRaw) });
  } catch {
    return null;
  }
  return shared.every((b) => b === 0) ? null : shared;
}

function wrappingKey(shared: Buffer, ephemeralRaw: Buffer, recipientRaw: Buffer): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), WRAP_INFO, KEY_BYTES),
  );
}

const ZERO_NONCE = Buffer.alloc(NONCE_BYTES);

export interface WrappedKey {
  ephemeral: Buffer;
  wrappedKey: Buffer;
}

/** Wrap the content key for one reader's X25519 public key (raw). */
export function wrapContentKey(contentKey: Buffer, recipientRaw: Buffer, aad: Buffer): WrappedKey {
  const eph = crypto.generateKeyPairSync('x25519');
  const ephemeral = rawPublicKey(eph.publicKey);
  const shared = x25519(eph.privateKey, recipientRaw);
  if (!shared) throw new Error('the recipient key is a low-order X25519 point');
  const cipher = crypto.createCipheriv('aes-256-gcm', wrappingKey(shared, ephemeral, recipientRaw), ZERO_NONCE);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(contentKey), cipher.final()]);
  return { ephemeral, wrappedKey: Buffer.concat([body, cipher.getAuthTag()]) };
}

export type UnwrapResult = { ok: true; contentKey: Buffer } | { ok: false; reason: 'not-for-us' | 'low-order-point' };

/** Try to unwrap one recipient entry with the reader's private key. */
export function unwrapContentKey(
  privateKey: KeyObject,
  readerRaw: Buffer,
  entry: WrappedKey,
  aad: Buffer,
): UnwrapResult {
  if (entry.ephemeral.length !== 32 || entry.wrappedKey.length !== KEY_BYTES + TAG_BYTES)
    return { ok: false, reason: 'not-for-us' };
  const shared = x25519(privateKey, entry.ephemeral);
  if (!shared) return { ok: false, reason: 'low-order-point' };
  try {
    const decipher = crypto.createDecipheriv(
      'aes-256-gcm',
      wrappingKey(shared, entry.ephemeral, readerRaw),
      ZERO_NONCE,
      { authTagLength: TAG_BYTES },
    );
    decipher.setAAD(aad);
    decipher.setAuthTag(entry.wrappedKey.subarray(KEY_BYTES));
    const key = Buffer.concat([decipher.update(entry.wrappedKey.subarray(0, KEY_BYTES)), decipher.final()]);
    return { ok: true, contentKey: key };
  } catch {
    return { ok: false, reason: 'not-for-us' };
  }
}
