// The publisher key the workshop signs with, kept in the profile's data folder (never
// beside the pack). The private key is sealed by a KeyProtector: the OS keychain when
// the Electron shell gives the core one (safeStorage, CoreOptions.keyProtector), else a
// passphrase the author chooses (scrypt + AES-256-GCM). A key file says how it was
// sealed, so one made with a passphrase still opens with it inside the desktop app.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../shared/errors';
import type { KeyStatus } from '../../shared/workshopApi';
import type { SigningKey } from '../packs/publish/build';
import { publicKeyFromKeyObject, publicKeyPem } from '../packs/publish/keys';
import { writeFileAtomic } from './sourceFile';

/** What the shell offers (Electron safeStorage): encrypt/decrypt with the OS keychain. */
export interface ShellProtector {
  protect(bytes: Buffer): Buffer;
  unprotect(bytes: Buffer): Buffer;
}

/** Seals the private key's PKCS#8 DER bytes. */
export interface KeyProtector {
  kind: 'passphrase' | 'os-keychain';
  seal(plain: Buffer, passphrase: string): Record<string, string>;
  open(sealed: Record<string, string>, passphrase: string): Buffer;
}

const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export const passphraseProtector: KeyProtector = {
  kind: 'passphrase',
  seal(plain, passphrase) {
    if (passphrase.length < 10)
      throw new BriefbookError('invalid-input', 'Choose a passphrase of at least 10 characters.');
    const salt = crypto.randomBytes(16);
    const iv = crypto.randomBytes(12);
    const key = crypto.scryptSync(passphrase, salt, 32, SCRYPT);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    return {
      kdf: `scrypt:${SCRYPT.N}:${SCRYPT.r}:${SCRYPT.p}`,
      salt: salt.toString('base64'),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  },
  open(sealed, passphrase) {
    const [name, n, r, p] = (sealed.kdf ?? '').split(':');
    if (name !== 'scrypt')
      throw new BriefbookError('invalid-input', 'The key file is not one this Briefbook can read.');
    const key = crypto.scryptSync(passphrase, Buffer.from(sealed.salt ?? '', 'base64'), 32, {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: SCRYPT.maxmem,
    });
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv ?? '', 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag ?? '', 'base64'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(sealed.data ?? '', 'base64')), decipher.final()]);
    } catch {
      throw new BriefbookError('unauthorized', 'That passphrase does not open the publisher key. Try again.');
    }
  },
};

export function keychainProtector(shell: ShellProtector): KeyProtector {
  return {
    kind: 'os-keychain',
    seal: (plain) => ({ data: shell.protect(plain).toString('base64') }),
    open: (sealed) => {
      try {
        return shell.unprotect(Buffer.from(sealed.data ?? '', 'base64'));
      } catch {
        throw new BriefbookError(
          'unauthorized',
          'The OS keychain would not open the publisher key (another user account or computer?).',
        );
      }
    },
  };
}

/** The protector for a new key: the keychain when there is one, else a passphrase. */
function protectorFor(shell: ShellProtector | undefined): KeyProtector {
  return shell ? keychainProtector(shell) : passphraseProtector;
}

const KEY_FORMAT = 'briefbook-publisher-key/1';

function keyPaths(dataDir: string) {
  const dir = path.join(dataDir, 'workshop');
  return { dir, key: path.join(dir, 'publisher.key.json'), pub: path.join(dir, 'publisher.pub') };
}

interface KeyFile {
  format: string;
  protection: KeyProtector['kind'];
  keyId: string;
  publicKey: string;
  sealed: Record<string, string>;
}

function readKeyFile(dataDir: string): KeyFile | null {
  const { key } = keyPaths(dataDir);
  if (!fs.existsSync(key)) return null;
  const parsed = JSON.parse(fs.readFileSync(key, 'utf8')) as KeyFile;
  if (parsed.format !== KEY_FORMAT)
    throw new BriefbookError('invalid-input', `${key} is not a Briefbook publisher key file.`);
  return parsed;
}

export function keyStatus(dataDir: string, shell?: ShellProtector): KeyStatus {
  const file = readKeyFile(dataDir);
  const { pub } = keyPaths(dataDir);
  const keychainAvailable = shell !== undefined;
  const protection = file?.protection ?? null;
  const note =
    (protection ?? (keychainAvailable ? 'os-keychain' : 'passphrase')) === 'os-keychain'
      ? 'The private key is protected by this computer’s keychain; it never leaves this profile’s data folder.'
      : 'Briefbook has no keychain here, so the private key is kept encrypted with a passphrase you choose; it is asked for every time you publish.';
  if (!file)
    return { exists: false, keyId: null, publicKeyFile: null, publicKeyPem: null, protection, keychainAvailable, note };
  return {
    exists: true,
    keyId: file.keyId,
    publicKeyFile: pub,
    publicKeyPem: fs.existsSync(pub) ? fs.readFileSync(pub, 'utf8') : null,
    protection,
    keychainAvailable,
    note: `${note} Give readers the public key file and read the key id ${file.keyId} to them by phone.`,
  };
}

export function createKey(dataDir: string, passphrase: string | undefined, shell?: ShellProtector): KeyStatus {
  if (readKeyFile(dataDir))
    throw new BriefbookError(
      'conflict',
      'A publisher key already exists in this profile; it is never overwritten (readers have pinned it).',
    );
  const protector = protectorFor(shell);
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  const info = publicKeyFromKeyObject(privateKey);
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const file: KeyFile = {
    format: KEY_FORMAT,
    protection: protector.kind,
    keyId: info.keyId,
    publicKey: info.base64,
    sealed: protector.seal(der, passphrase ?? ''),
  };
  const paths = keyPaths(dataDir);
  fs.mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  writeFileAtomic(paths.key, Buffer.from(`${JSON.stringify(file, null, 2)}\n`));
  fs.chmodSync(paths.key, 0o600);
  writeFileAtomic(paths.pub, Buffer.from(publicKeyPem(info)));
  return keyStatus(dataDir, shell);
}

export function loadSigningKey(dataDir: string, passphrase: string, shell?: ShellProtector): SigningKey {
  const file = readKeyFile(dataDir);
  if (!file)
    throw new BriefbookError('not-found', 'There is no publisher key yet. Create one in the Publish step first.');
  let protector: KeyProtector = passphraseProtector;
  if (file.protection === 'os-keychain') {
    if (!shell)
      throw new BriefbookError(
        'unauthorized',
        'This publisher key is protected by the desktop app’s keychain; publish from the desktop app.',
      );
    protector = keychainProtector(shell);
  }
  const der = protector.open(file.sealed, passphrase);
  const privateKey = crypto.createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const publicKey = publicKeyFromKeyObject(privateKey);
  if (publicKey.base64 !== file.publicKey)
    throw new BriefbookError('invalid-input', 'The publisher key file is damaged (its halves do not match).');
  return { privateKey, publicKey };
}

export function publicKeyFile(dataDir: string): string {
  return keyPaths(dataDir).pub;
}
