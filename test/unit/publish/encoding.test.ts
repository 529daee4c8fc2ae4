import { describe, expect, it } from 'vitest';
import { canonicalJson, decodeUtf8, encodeItem, rotationStatement } from '../../../electron/packs/publish/encoding';
import type { PackItem } from '../../../shared/model';

describe('canonical encoding', () => {
  it('sorts keys at every level, drops undefined, adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, e: undefined })).toBe(
      '{"a":{"c":true,"d":[1,"x",null]},"b":1}',
    );
  });

  it('sorts by UTF-16 code units (as RFC 8785) and escapes like JSON.stringify', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":3,"z":2,"é":1}');
    expect(canonicalJson('line\n"quoted" \u2028 田中')).toBe(JSON.stringify('line\n"quoted" \u2028 田中'));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });

  it('encodes the same item to the same bytes whatever the key order of its data', () => {
    const a: PackItem = { kind: 'note', id: 'n', data: { title: 'T', tags: ['x'] }, body: 'Hi' };
    const b = { kind: 'note', body: 'Hi', data: { tags: ['x'], title: 'T' }, id: 'n' } as PackItem;
    expect(encodeItem(a).equals(encodeItem(b))).toBe(true);
    expect(encodeItem(a).toString()).toBe('{"body":"Hi","data":{"tags":["x"],"title":"T"},"id":"n","kind":"note"}');
  });

  it('decodes UTF-8 strictly and refuses a byte-order mark', () => {
    expect(decodeUtf8(Buffer.from('田中 OK'))).toBe('田中 OK');
    expect(decodeUtf8(Buffer.from([0x61, 0xff]))).toBeNull();
    expect(decodeUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBeNull(); // a lone surrogate
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x7b]))).toBeNull();
  });

  it('the rotation statement names both keys and its purpose', () => {
    expect(rotationStatement('AAA=', 'BBB=').toString()).toBe('briefbook-key-rotation/1\nAAA=\nBBB=\n');
  });
});
