import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ago, keyIdOfText, normaliseKeyId, rawPublicKey } from '../../../renderer/features/sync/format';

describe('sync wording and key ids', () => {
  it('says how long ago, as the status line does', () => {
    const now = Date.parse('2027-03-16T12:00:00Z');
    expect(ago(null, now)).toBe('never');
    expect(ago('2027-03-16T11:59:30Z', now)).toBe('just now');
    expect(ago('2027-03-16T11:15:00Z', now)).toBe('45 min ago');
    expect(ago('2027-03-16T09:00:00Z', now)).toBe('3 h ago');
    expect(ago('2027-03-12T12:00:00Z', now)).toBe('4 days ago');
  });

  it('reads a key id typed from a phone call in any grouping or case', () => {
    expect(normaliseKeyId('3F9A 12BC 77E0 9D41')).toBe('3f9a-12bc-77e0-9d41');
    expect(normaliseKeyId('3f9a12bc77e09d41')).toBe('3f9a-12bc-77e0-9d41');
    expect(normaliseKeyId('3f9a-12bc')).toBe('3f9a-12bc');
  });

  it('computes the same key id as the core from a pasted .pub (PEM) or a bare base64 key', async () => {
    const { publicKey } = crypto.generateKeyPairSync('ed25519');
    const der = publicKey.export({ format: 'der', type: 'spki' });
    const raw = der.subarray(12);
    const expected = (crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16).match(/.{4}/g) ?? []).join(
      '-',
    );
    const pem = `# Briefbook publisher key, key id ${expected}\n${publicKey.export({ format: 'pem', type: 'spki' }).toString()}`;
    expect(await keyIdOfText(pem)).toBe(expected);
    expect(await keyIdOfText(raw.toString('base64'))).toBe(expected);
    expect(rawPublicKey('not a key')).toBeNull();
    expect(await keyIdOfText('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toBeNull();
  });
});
