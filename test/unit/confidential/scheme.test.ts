// The primitives of the confidential-pack scheme: padding, sealed objects, key wrapping,
// reader keys and the recipients file.
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  objectAad,
  openObject,
  padme,
  sealObject,
  unwrapContentKey,
  wrapAad,
  wrapContentKey,
  x25519,
} from '../../../electron/packs/confidential/scheme';
import { encodeHeader, HEADER_FORMAT, type PackHeader } from '../../../electron/packs/confidential/header';
import {
  parseReaderKey,
  parseRecipients,
  readerKeyFromPrivate,
  READER_KEY_PREFIX,
} from '../../../electron/packs/confidential/index';
import { canonicalJson } from '../../../electron/packs/publish/encoding';

const reader = () => readerKeyFromPrivate(crypto.generateKeyPairSync('x25519').privateKey);

describe('PADMÉ padding', () => {
  it('never shrinks, adds at most 12 %, and leaves few distinct sizes', () => {
    const sizes = new Set<number>();
    for (let n = 1; n < 200_000; n += 97) {
      const p = padme(n);
      expect(p).toBeGreaterThanOrEqual(n);
      expect(p / n).toBeLessThanOrEqual(1.12 + 1e-9);
      sizes.add(p);
    }
    expect(sizes.size).toBeLessThan(400);
  });
});

describe('sealed objects', () => {
  const key = crypto.randomBytes(32);
  const aad = objectAad('summit', 3, { type: 'item', kind: 'note', id: 'context' });
  const content = Buffer.from('{"body":"secret"}');

  it('round trip, and each sealing has a fresh nonce', () => {
    const a = sealObject(key, aad, content);
    const b = sealObject(key, aad, content);
    expect(a.equals(b)).toBe(false);
    const opened = openObject(key, aad, a);
    expect(opened.ok && opened.content.toString()).toBe(content.toString());
    expect(a.includes(content)).toBe(false);
  });

  it('refuses another key, another identity, another version, a flipped bit, a cut', () => {
    const sealed = sealObject(key, aad, content);
    expect(openObject(crypto.randomBytes(32), aad, sealed).ok).toBe(false);
    expect(openObject(key, objectAad('summit', 3, { type: 'item', kind: 'note', id: 'other' }), sealed).ok).toBe(false);
    expect(openObject(key, objectAad('summit', 4, { type: 'item', kind: 'note', id: 'context' }), sealed).ok).toBe(
      false,
    );
    for (const at of [0, 12, 20, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at]! ^= 0x80;
      expect(openObject(key, aad, bad)).toMatchObject({ ok: false });
    }
    expect(openObject(key, aad, sealed.subarray(0, sealed.length - 1))).toMatchObject({ ok: false });
    expect(openObject(key, aad, sealed.subarray(0, 10))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/truncated/),
    });
  });
});

describe('key wrapping (X25519 + HKDF-SHA256 + AES-256-GCM)', () => {
  it('only the addressed reader unwraps; the binding to pack and version holds', () => {
    const alice = reader();
    const bob = reader();
    const contentKey = crypto.randomBytes(32);
    const w = wrapContentKey(contentKey, alice.raw, wrapAad('summit', 1));
    const got = unwrapContentKey(alice.privateKey, alice.raw, w, wrapAad('summit', 1));
    expect(got.ok && got.contentKey.equals(contentKey)).toBe(true);
    expect(unwrapContentKey(bob.privateKey, bob.raw, w, wrapAad('summit', 1))).toEqual({
      ok: false,
      reason: 'not-for-us',
    });
    expect(unwrapContentKey(alice.privateKey, alice.raw, w, wrapAad('summit', 2)).ok).toBe(false);
  });

  it('low-order points give no shared secret and are named as such', () => {
    const alice = reader();
    for (const hex of [
      '0000000000000000000000000000000000000000000000000000000000000000',
      '0100000000000000000000000000000000000000000000000000000000000000',
      'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
      '5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157',
      'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
    ]) {
      const point = Buffer.from(hex, 'hex');
      expect(x25519(alice.privateKey, point)).toBeNull();
      expect(
        unwrapContentKey(
          alice.privateKey,
          alice.raw,
          { ephemeral: point, wrappedKey: Buffer.alloc(48) },
          wrapAad('p', 1),
        ),
      ).toEqual({ ok: false, reason: 'low-order-point' });
    }
  });
});

describe('reader keys and recipients files', () => {
  it('reads keys named on the line or on the comment above; refuses unnamed, duplicate, malformed and low-order keys', () => {
    const a = reader();
    const b = reader();
    const list = parseRecipients(`# Jane Doe, Minister's office\n${a.text}\n\n${b.text}   # John Roe\n`);
    expect(list.map((r) => [r.name, r.key.keyId])).toEqual([
      ["Jane Doe, Minister's office", a.keyId],
      ['John Roe', b.keyId],
    ]);
    const fail = (text: string) => {
      try {
        parseRecipients(text, 'readers.txt');
      } catch (err) {
        return (err as { problems: { line?: number; message: string }[] }).problems;
      }
      throw new Error('accepted');
    };
    expect(fail(a.text)[0]!.message).toMatch(/name the reader/);
    expect(fail(`${a.text} # A\n${a.text} # A again`)[0]).toMatchObject({
      line: 2,
      message: /already listed on line 1/,
    });
    expect(fail('ssh-ed25519 AAAA # Someone')[0]!.message).toMatch(/is not a reader key/);
    expect(fail(`${READER_KEY_PREFIX}${Buffer.alloc(32).toString('base64')} # Zero`)[0]!.message).toMatch(/low-order/);
    expect(fail('# nobody\n')[0]!.message).toMatch(/at least one reader/);
    expect(parseReaderKey(` ${a.text} `).keyId).toBe(a.keyId);
  });
});

describe('the sealed header', () => {
  it('is encoded in canonical JSON', () => {
    const h: PackHeader = {
      format: HEADER_FORMAT,
      packId: 'summit',
      version: 2,
      meta: {
        title: 'Ünïcode “title”',
        event: { name: 'E', location: 'L', timeZone: 'Asia/Tokyo', start: '2030-05-01', end: '2030-05-02' },
        classification: 'SECRET',
      },
      items: [{ kind: 'official', id: 'tanaka', object: 'a'.repeat(64) }],
      assets: [{ path: 'photos/t.png', mime: 'image/png', object: 'b'.repeat(64) }],
    };
    expect(encodeHeader(h)).toBe(canonicalJson(h));
  });
});
