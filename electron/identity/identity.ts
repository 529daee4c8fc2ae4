// This installation's reader identity: an X25519 key pair in the data folder, made on
// first use, whose public half readers send to a chief of staff so confidential packs can
// be encrypted to them (electron/packs/confidential/). The private key never leaves the
// computer. The file (<data>/identity/reader-key.json, mode 0600) holds it:
//   - "os-keychain": sealed by the desktop shell's protector (Electron safeStorage, i.e.
//     the OS keychain); the core never imports electron, it is handed { protect, unprotect };
//   - "passphrase": AES-256-GCM under a key derived from a passphrase with scrypt;
//   - "file-only": in the clear, protected only by the file's permissions. Said plainly
//     wherever the identity is shown; upgraded as soon as a protector or passphrase is given.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../shared/errors';
import { readerKeyFromPrivate, readerPublicKey, type ReaderKey } from '../packs/confidential/readerKey';
import { rawPrivateKey, x25519PrivateKey } from '../packs/confidential/scheme';

/** Seals bytes with the OS keychain (Electron safeStorage in the desktop shell). */
export interface KeyProtector {
  protect(bytes: Buffer): Buffer;
  unprotect(bytes: Buffer): Buffer;
}

export type Protection = 'os-keychain' | 'passphrase' | 'file-only';

export interface IdentityOptions {
  protector?: KeyProtector;
  passphrase?: string;
}

export const PASSPHRASE_ENV = 'BRIEFBOOK_IDENTITY_PASSPHRASE';
const FORMAT = 'briefbook-reader-key/1';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const MAX_FILE_BYTES = 64 * 1024;

interface StoredIdentity {
  format: typeof FORMAT;
  createdAt: string;
  publicKey: string;
  protection: Protection;
  /** The raw 32-byte private key: clear (file-only), protector output (os-keychain), or ciphertext + tag (passphrase). */
  secret: string;
  kdf?: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  nonce?: string;
}

export interface IdentityInfo {
  keyId: string;
  /** The line to send to the publisher: `briefbook-reader:<base64>`. */
  publicKey: string;
  protection: Protection;
  /** One sentence on how the private key is protected, for the screen and the CLI. */
  protectionNote: string;
  createdAt: string;
  file: string;
}

export function identityFile(dataDir: string): string {
  return path.join(dataDir, 'identity', 'reader-key.json');
}

export function protectionNote(p: Protection): string {
  switch (p) {
    case 'os-keychain':
      return "The private key is protected by this computer's keychain and never leaves it.";
    case 'passphrase':
      return `The private key is encrypted with your passphrase (scrypt); opening a confidential pack needs it (${PASSPHRASE_ENV} for the command line).`;
    case 'file-only':
      return `No OS keychain is available here, so the private key is protected only by its file's permissions (owner-only). Set ${PASSPHRASE_ENV} to protect it with a passphrase; the next use encrypts it.`;
  }
}

function aadFor(publicKey: string): Buffer {
  return Buffer.from(`${FORMAT}\n${publicKey}`, 'utf8');
}

function passphraseKey(passphrase: string, kdf: NonNullable<StoredIdentity['kdf']>): Buffer {
  return crypto.scryptSync(passphrase.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r + 1024 * 1024,
  });
}

function protect(raw: Buffer, publicKey: string, createdAt: string, options: IdentityOptions): StoredIdentity {
  const base = { format: FORMAT, createdAt, publicKey } as const;
  if (options.protector)
    return { ...base, protection: 'os-keychain', secret: options.protector.protect(raw).toString('base64') };
  if (options.passphrase) {
    const kdf = { name: 'scrypt' as const, ...SCRYPT, salt: crypto.randomBytes(16).toString('base64') };
    const nonce = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', passphraseKey(options.passphrase, kdf), nonce);
    cipher.setAAD(aadFor(publicKey));
    const secret = Buffer.concat([cipher.update(raw), cipher.final(), cipher.getAuthTag()]);
    return {
      ...base,
      protection: 'passphrase',
      secret: secret.toString('base64'),
      kdf,
      nonce: nonce.toString('base64'),
    };
  }
  return { ...base, protection: 'file-only', secret: raw.toString('base64') };
}

function writeFile(file: string, stored: StoredIdentity, replace: boolean): boolean {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(stored, null, 1)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.chmodSync(tmp, 0o600);
  try {
    if (replace) fs.renameSync(tmp, file);
    else fs.linkSync(tmp, file); // fails if another process made one first: theirs is kept
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function readStored(file: string): StoredIdentity | null {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) throw new Error('not a key file');
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new BriefbookError('internal', `The reader key file ${file} cannot be read: ${(err as Error).message}`);
  }
  try {
    const s = JSON.parse(text) as StoredIdentity;
    if (s.format !== FORMAT || typeof s.publicKey !== 'string' || typeof s.secret !== 'string') throw new Error();
    if (!['os-keychain', 'passphrase', 'file-only'].includes(s.protection)) throw new Error();
    readerPublicKey(Buffer.from(s.publicKey, 'base64'));
    return s;
  } catch {
    throw new BriefbookError(
      'internal',
      `The reader key file ${file} is damaged. Move it away to make a new key (packs already sent to the old key can then no longer be opened here).`,
    );
  }
}

function info(stored: StoredIdentity, file: string): IdentityInfo {
  const pub = readerPublicKey(Buffer.from(stored.publicKey, 'base64'));
  return {
    keyId: pub.keyId,
    publicKey: pub.text,
    protection: stored.protection,
    protectionNote: protectionNote(stored.protection),
    createdAt: stored.createdAt,
    file,
  };
}

function unlock(stored: StoredIdentity, file: string, options: IdentityOptions): Buffer {
  const secret = Buffer.from(stored.secret, 'base64');
  let raw: Buffer;
  if (stored.protection === 'file-only') raw = secret;
  else if (stored.protection === 'os-keychain') {
    if (!options.protector)
      throw new BriefbookError(
        'unauthorized',
        "This computer's reader key is protected by the desktop app's keychain, which the command line cannot use. Open the confidential pack in the Briefbook app.",
      );
    try {
      raw = options.protector.unprotect(secret);
    } catch {
      throw new BriefbookError(
        'unauthorized',
        "The OS keychain did not unlock this computer's reader key (was the data folder copied from another user or computer?).",
      );
    }
  } else {
    if (!options.passphrase)
      throw new BriefbookError(
        'unauthorized',
        `This computer's reader key is protected by a passphrase. Give it in ${PASSPHRASE_ENV} to open confidential packs.`,
      );
    const kdf = stored.kdf;
    if (!kdf || kdf.name !== 'scrypt' || !stored.nonce || secret.length !== 48)
      throw new BriefbookError('internal', `The reader key file ${file} is damaged.`);
    try {
      const decipher = crypto.createDecipheriv(
        'aes-256-gcm',
        passphraseKey(options.passphrase, kdf),
        Buffer.from(stored.nonce, 'base64'),
        { authTagLength: 16 },
      );
      decipher.setAAD(aadFor(stored.publicKey));
      decipher.setAuthTag(secret.subarray(32));
      raw = Buffer.concat([decipher.update(secret.subarray(0, 32)), decipher.final()]);
    } catch {
      throw new BriefbookError('unauthorized', `Wrong passphrase for this computer's reader key (${PASSPHRASE_ENV}).`);
    }
  }
  return raw;
}

const RANK: Record<Protection, number> = { 'file-only': 0, passphrase: 1, 'os-keychain': 2 };

/**
 * The reader key, made on first use with the best protection available. A key kept in
 * the clear is re-protected as soon as a protector or passphrase is given (never the reverse).
 */
function load(
  dataDir: string,
  options: IdentityOptions,
  needPrivate: boolean,
): { stored: StoredIdentity; key?: ReaderKey } {
  const file = identityFile(dataDir);
  let stored = readStored(file);
  if (!stored) {
    const { privateKey } = crypto.generateKeyPairSync('x25519');
    const made = readerKeyFromPrivate(privateKey);
    const fresh = protect(rawPrivateKey(privateKey), made.raw.toString('base64'), new Date().toISOString(), options);
    if (writeFile(file, fresh, false)) return { stored: fresh, key: made };
    stored = readStored(file)!;
  }
  const wantsUpgrade =
    stored.protection === 'file-only' &&
    RANK[options.protector ? 'os-keychain' : options.passphrase ? 'passphrase' : 'file-only'] > 0;
  if (!needPrivate && !wantsUpgrade) return { stored };
  const raw = unlock(stored, file, options);
  const key = readerKeyFromPrivate(x25519PrivateKey(raw));
  if (key.raw.toString('base64') !== stored.publicKey)
    throw new BriefbookError('internal', `The reader key file ${file} is damaged: its two halves do not match.`);
  if (wantsUpgrade) {
    const upgraded = protect(raw, stored.publicKey, stored.createdAt, options);
    writeFile(file, upgraded, true);
    stored = upgraded;
  }
  raw.fill(0);
  return { stored, key };
}

/** The public identity (made on first use): what `briefbook identity` and the app's screen show. */
export function readerIdentity(dataDir: string, options: IdentityOptions = {}): IdentityInfo {
  return info(load(dataDir, options, false).stored, identityFile(dataDir));
}

/** The unlocked reader key. */
export function unlockReaderKey(dataDir: string, options: IdentityOptions = {}): ReaderKey {
  return load(dataDir, options, true).key!;
}

/** A lazy source of the reader key for opening confidential packs: nothing is read until one is met. */
export function readerKeySource(dataDir: string, options: IdentityOptions = {}): () => ReaderKey {
  let key: ReaderKey | null = null;
  return () => (key ??= unlockReaderKey(dataDir, options));
}

/** The options the command line and the browser host use: a passphrase from the environment, no keychain. */
export function identityOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityOptions {
  const passphrase = env[PASSPHRASE_ENV];
  return passphrase ? { passphrase } : {};
}
