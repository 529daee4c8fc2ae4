import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateKeyFiles,
  keyIdOf,
  publicKeyFromBase64,
  readPrivateKeyFile,
  readPublicKeyFile,
  sign,
  verifySignature,
} from '../../../electron/packs/publish/keys';
import { KEY_ID_PATTERN, PublicKeyBase64, SignatureBase64 } from '../../../shared/manifest';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bb-keys-'));

describe('publisher keys', () => {
  it('keygen writes a 0600 private key and a public key whose id is printed on its first line', () => {
    const dir = tmp();
    const k = generateKeyFiles(path.join(dir, 'pub'));
    expect(fs.statSync(k.keyFile).mode & 0o777).toBe(0o600);
    const pubText = fs.readFileSync(k.pubFile, 'utf8');
    expect(pubText.split('\n')[0]).toBe(`# Briefbook publisher key, key id ${k.publicKey.keyId}`);
    expect(k.publicKey.keyId).toMatch(KEY_ID_PATTERN);
    expect(readPublicKeyFile(k.pubFile).base64).toBe(k.publicKey.base64);
    expect(readPrivateKeyFile(k.keyFile).publicKey.keyId).toBe(k.publicKey.keyId);
    expect(() => generateKeyFiles(path.join(dir, 'pub'))).toThrow(/already exists/);
  });

  it('key id = first 16 hex digits of SHA-256 of the raw key, grouped in fours', () => {
    const raw = Buffer.alloc(32, 7);
    const hex = crypto.createHash('sha256').update(raw).digest('hex');
    expect(keyIdOf(raw)).toBe(`${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}`);
  });

  it('reads plain SPKI PEM written by other tools (openssl) too', () => {
    const dir = tmp();
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    fs.writeFileSync(path.join(dir, 'x.pub'), publicKey.export({ format: 'pem', type: 'spki' }));
    expect(readPublicKeyFile(path.join(dir, 'x.pub')).raw).toHaveLength(32);
  });

  it('refuses keys of other types and files that are not keys', () => {
    const dir = tmp();
    const { publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
    fs.writeFileSync(path.join(dir, 'ec.pub'), publicKey.export({ format: 'pem', type: 'spki' }));
    expect(() => readPublicKeyFile(path.join(dir, 'ec.pub'))).toThrow(/Ed25519/);
    fs.writeFileSync(path.join(dir, 'junk.pub'), 'hello');
    expect(() => readPublicKeyFile(path.join(dir, 'junk.pub'))).toThrow(/not a public key file/);
    expect(() => readPublicKeyFile(path.join(dir, 'missing.pub'))).toThrow(/No public key file/);
  });

  it('signs and verifies; base64 forms match the manifest schema', () => {
    const dir = tmp();
    const k = generateKeyFiles(path.join(dir, 's'));
    const { privateKey } = readPrivateKeyFile(k.keyFile);
    const sig = sign(privateKey, Buffer.from('hello'));
    expect(sig).toHaveLength(64);
    expect(verifySignature(k.publicKey, Buffer.from('hello'), sig)).toBe(true);
    expect(verifySignature(k.publicKey, Buffer.from('hellp'), sig)).toBe(false);
    expect(verifySignature(k.publicKey, Buffer.from('hello'), sig.subarray(1))).toBe(false);
    expect(PublicKeyBase64.safeParse(k.publicKey.base64).success).toBe(true);
    expect(SignatureBase64.safeParse(sig.toString('base64')).success).toBe(true);
    expect(publicKeyFromBase64(k.publicKey.base64).keyId).toBe(k.publicKey.keyId);
  });
});
