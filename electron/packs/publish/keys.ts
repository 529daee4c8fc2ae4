// Publisher keys: Ed25519 with node:crypto. The private key is PKCS#8 PEM (NAME.key,
// mode 0600); the public key is SPKI PEM (NAME.pub) under a comment line naming its key
// id. In manifests a public key is its raw 32 bytes in base64, and its key id is the
// first 16 hex digits of SHA-256 of those bytes, grouped in fours to read over the phone.
import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { BriefbookError } from '../../../shared/errors';
import type { PublisherKey } from '../../../shared/manifest';

/** DER prefix of an SPKI-encoded Ed25519 public key; the raw key follows. */
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface PublicKeyInfo {
  /** Raw 32-byte key. */
  raw: Buffer;
  base64: string;
  keyId: string;
  key: KeyObject;
}

export function keyIdOf(raw: Uint8Array): string {
  const hex = crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16);
  return hex.match(/.{4}/g)!.join('-');
}

export function publicKeyFromRaw(raw: Buffer): PublicKeyInfo {
  if (raw.length !== 32) throw new BriefbookError('invalid-input', 'An Ed25519 public key is 32 bytes.');
  const key = crypto.createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' });
  return { raw, base64: raw.toString('base64'), keyId: keyIdOf(raw), key };
}

export function publicKeyFromBase64(b64: string): PublicKeyInfo {
  return publicKeyFromRaw(Buffer.from(b64, 'base64'));
}

export function publicKeyFromKeyObject(key: KeyObject): PublicKeyInfo {
  const pub = key.type === 'private' ? crypto.createPublicKey(key) : key;
  if (pub.asymmetricKeyType !== 'ed25519')
    throw new BriefbookError('invalid-input', 'Briefbook keys are Ed25519 keys (make one with `briefbook keygen`).');
  const der = pub.export({ format: 'der', type: 'spki' });
  return publicKeyFromRaw(Buffer.from(der.subarray(SPKI_ED25519_PREFIX.length)));
}

export function publisherKey(info: PublicKeyInfo): PublisherKey {
  return { keyId: info.keyId, publicKey: info.base64 };
}

export function sameKey(a: { raw: Buffer } | string, b: { raw: Buffer } | string): boolean {
  const bytes = (k: { raw: Buffer } | string) => (typeof k === 'string' ? Buffer.from(k, 'base64') : k.raw);
  return bytes(a).equals(bytes(b));
}

export function sign(privateKey: KeyObject, message: Uint8Array): Buffer {
  return crypto.sign(null, message, privateKey);
}

export function verifySignature(publicKey: PublicKeyInfo, message: Uint8Array, signature: Uint8Array): boolean {
  if (signature.length !== 64) return false;
  try {
    return crypto.verify(null, message, publicKey.key, signature);
  } catch {
    return false;
  }
}

// ---- files ------------------------------------------------------------------

const MAX_KEY_FILE_BYTES = 16 * 1024;

function readKeyFile(file: string, what: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new BriefbookError('invalid-input', `No ${what} file at ${file}.`);
  }
  if (!stat.isFile() || stat.size > MAX_KEY_FILE_BYTES)
    throw new BriefbookError('invalid-input', `${file} is not a ${what} file (expected a small PEM text file).`);
  return fs.readFileSync(file, 'utf8');
}

export function readPublicKeyFile(file: string): PublicKeyInfo {
  const text = readKeyFile(file, 'public key');
  if (text.includes('PRIVATE KEY'))
    throw new BriefbookError(
      'invalid-input',
      `${file} holds a private key. Give readers (and --pubkey) the .pub file; keep the .key file secret.`,
    );
  try {
    return publicKeyFromKeyObject(crypto.createPublicKey(text));
  } catch (err) {
    if (err instanceof BriefbookError) throw err;
    throw new BriefbookError(
      'invalid-input',
      `${file} is not a public key file. Use the NAME.pub written by \`briefbook keygen\`.`,
    );
  }
}

export function readPrivateKeyFile(file: string): { privateKey: KeyObject; publicKey: PublicKeyInfo } {
  const text = readKeyFile(file, 'private key');
  let privateKey: KeyObject;
  try {
    privateKey = crypto.createPrivateKey(text);
  } catch {
    throw new BriefbookError(
      'invalid-input',
      `${file} is not a private key file. Use the NAME.key written by \`briefbook keygen\` (not the .pub).`,
    );
  }
  return { privateKey, publicKey: publicKeyFromKeyObject(privateKey) };
}

export function publicKeyPem(info: PublicKeyInfo): string {
  const pem = info.key.export({ format: 'pem', type: 'spki' }).toString();
  return `# Briefbook publisher key, key id ${info.keyId}\n${pem}`;
}

export interface GeneratedKey {
  keyFile: string;
  pubFile: string;
  publicKey: PublicKeyInfo;
}

/** Write NAME.key (0600) and NAME.pub; refuses to overwrite either. */
export function generateKeyFiles(name: string): GeneratedKey {
  const keyFile = `${name}.key`;
  const pubFile = `${name}.pub`;
  for (const f of [keyFile, pubFile])
    if (fs.existsSync(f))
      throw new BriefbookError(
        'conflict',
        `${f} already exists; nothing was written. Choose another --out name (a key is never overwritten).`,
      );
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const publicKey = publicKeyFromKeyObject(privateKey);
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  fs.writeFileSync(keyFile, pem, { mode: 0o600, flag: 'wx' });
  fs.chmodSync(keyFile, 0o600);
  fs.writeFileSync(pubFile, publicKeyPem(publicKey), { mode: 0o644, flag: 'wx' });
  return { keyFile, pubFile, publicKey };
}
