// The reader identity in a data folder: made once, owner-only, protected as well as the
// computer allows, and never silently downgraded.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  identityFile,
  readerIdentity,
  readerKeySource,
  unlockReaderKey,
  type KeyProtector,
} from '../../../electron/identity/index';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bb-identity-'));
/** A stand-in for safeStorage: reversible, and visibly not the clear key. */
const protector: KeyProtector = {
  protect: (b) => Buffer.concat([Buffer.from('KC'), Buffer.from(b).reverse()]),
  unprotect: (b) => {
    if (b.subarray(0, 2).toString() !== 'KC') throw new Error('not ours');
    return Buffer.from(b.subarray(2)).reverse();
  },
};

describe('reader identity', () => {
  it('is made on first use, stays the same, owner-only, and says plainly when no keychain protects it', () => {
    const d = dir();
    const a = readerIdentity(d);
    expect(a.keyId).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(a.publicKey).toMatch(/^briefbook-reader:[A-Za-z0-9+/]{43}=$/);
    expect(a.protection).toBe('file-only');
    expect(a.protectionNote).toMatch(/No OS keychain is available here/);
    expect(readerIdentity(d)).toEqual(a);
    expect(fs.statSync(identityFile(d)).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(identityFile(d))).mode & 0o777).toBe(0o700);
    expect(unlockReaderKey(d).keyId).toBe(a.keyId);
  });

  it('with a passphrase: scrypt-protected, refused without it or with a wrong one', () => {
    const d = dir();
    const a = readerIdentity(d, { passphrase: 'correct horse' });
    expect(a.protection).toBe('passphrase');
    const stored = fs.readFileSync(identityFile(d), 'utf8');
    expect(stored).toContain('"scrypt"');
    expect(unlockReaderKey(d, { passphrase: 'correct horse' }).keyId).toBe(a.keyId);
    expect(() => unlockReaderKey(d)).toThrow(/protected by a passphrase/);
    expect(() => unlockReaderKey(d, { passphrase: 'wrong' })).toThrow(/Wrong passphrase/);
  });

  it('with the keychain protector: sealed by it; the command line (no protector) is told to use the app', () => {
    const d = dir();
    const a = readerIdentity(d, { protector });
    expect(a.protection).toBe('os-keychain');
    expect(unlockReaderKey(d, { protector }).keyId).toBe(a.keyId);
    expect(() => unlockReaderKey(d)).toThrow(/keychain/);
  });

  it('a key kept in the clear is re-protected as soon as a passphrase or keychain is available, never the reverse', () => {
    const d = dir();
    const a = readerIdentity(d);
    const clear = JSON.parse(fs.readFileSync(identityFile(d), 'utf8')) as { secret: string };
    expect(readerIdentity(d, { passphrase: 'pw' }).protection).toBe('passphrase');
    expect(fs.readFileSync(identityFile(d), 'utf8')).not.toContain(clear.secret);
    expect(readerIdentity(d, { passphrase: 'pw' }).keyId).toBe(a.keyId);
    expect(readerIdentity(d).protection).toBe('passphrase');
    expect(readerKeySource(d, { passphrase: 'pw' })().keyId).toBe(a.keyId);
  });

  it('a damaged key file is reported, not replaced', () => {
    const d = dir();
    readerIdentity(d);
    fs.writeFileSync(identityFile(d), '{"format":"nope"}');
    expect(() => readerIdentity(d)).toThrow(/is damaged/);
    expect(fs.readFileSync(identityFile(d), 'utf8')).toBe('{"format":"nope"}');
  });
});
