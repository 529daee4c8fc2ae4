import { describe, expect, it } from 'vitest';
import { parseManifest, serializeManifest } from '../../../electron/packs/publish/manifest';
import { claimedPackId } from '../../../electron/packs/publish/load';
import { MANIFEST_FORMAT, Manifest, manifestMeta, type Manifest as ManifestT } from '../../../shared/manifest';

const sha = (c: string) => c.repeat(64);
const good: ManifestT = {
  format: MANIFEST_FORMAT,
  packId: 'summit-2030',
  title: 'Summit',
  event: { name: 'S', location: 'Tokyo', timeZone: 'Asia/Tokyo', start: '2030-05-01', end: '2030-05-02' },
  classification: 'INTERNAL',
  version: 3,
  publishedAt: '2030-04-01T00:00:00Z',
  publisher: { keyId: '0123-4567-89ab-cdef', publicKey: `${'A'.repeat(43)}=` },
  items: [{ kind: 'official', id: 'tanaka', sha256: sha('a'), size: 120 }],
  assets: [{ path: 'photos/tanaka.png', sha256: sha('b'), size: 3000, mime: 'image/png' }],
};

const parse = (m: unknown) => parseManifest(Buffer.from(JSON.stringify(m)));

describe('manifest schema', () => {
  it('accepts a good manifest and round-trips it through canonical bytes', () => {
    const r = parseManifest(serializeManifest(good));
    expect(r.ok && r.manifest).toEqual(good);
    expect(manifestMeta(good)).toEqual({
      id: 'summit-2030',
      title: 'Summit',
      event: good.event,
      classification: 'INTERNAL',
    });
  });

  it.each([
    ['an unknown field', { ...good, extra: 1 }, /unknown field "extra"/],
    ['version 0', { ...good, version: 0 }, /version/],
    ['a version past 2^31 − 1', { ...good, version: 2 ** 31 }, /version/],
    ['a fractional version', { ...good, version: 1.5 }, /version/],
    [
      'an object name that is a path',
      { ...good, items: [{ ...good.items[0], sha256: '../../etc/passwd' }] },
      /SHA-256/,
    ],
    ['an asset path outside photos/', { ...good, assets: [{ ...good.assets[0], path: '../x.png' }] }, /photos/],
    ['an asset that is not an image', { ...good, assets: [{ ...good.assets[0], mime: 'text/html' }] }, /mime/],
    ['an item larger than the limit', { ...good, items: [{ ...good.items[0], size: 10_000_000 }] }, /size/],
    ['an item with a field too many', { ...good, items: [{ ...good.items[0], note: 'x' }] }, /unknown field "note"/],
    ['an item of an unknown kind', { ...good, items: [{ ...good.items[0], kind: 'memo' }] }, /kind/],
    ['an item id that is not an id', { ...good, items: [{ ...good.items[0], id: 'Tanaka San' }] }, /ids use/],
    ['a bad key id', { ...good, publisher: { ...good.publisher, keyId: 'ABCD' } }, /key id/],
    ['a publishedAt without offset', { ...good, publishedAt: '2030-04-01T00:00:00' }, /publishedAt/],
  ])('refuses %s', (_, m, message) => {
    const r = parse(m);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.field ?? ''} ${p.message}`).join('\n')).toMatch(message);
  });

  it('reads many item entries exactly as the schema does', () => {
    const many: ManifestT = {
      ...good,
      items: Array.from({ length: 500 }, (_, i) => ({
        kind: (['official', 'meeting', 'talking-point', 'note'] as const)[i % 4]!,
        id: `item-${i}`,
        sha256: (i % 16).toString(16).repeat(64),
        size: i + 1,
      })),
    };
    const r = parseManifest(serializeManifest(many));
    expect(r.ok && r.manifest).toEqual(Manifest.parse(JSON.parse(serializeManifest(many).toString('utf8'))));
    expect(r.ok && r.manifest.items).toHaveLength(500);
  });

  it('names an unknown format before anything else', () => {
    const r = parse({ format: 'briefbook-pack/9', whatever: true });
    expect(!r.ok && r.problems[0]!.message).toMatch(/format "briefbook-pack\/9"/);
  });

  it('leaves room for confidential packs: `encryption` parses (a reader then refuses what it cannot open)', () => {
    expect(Manifest.safeParse({ ...good, encryption: { scheme: 'x25519-age/1', recipients: [] } }).success).toBe(true);
  });

  it('refuses JSON that is not valid or nests beyond any schema', () => {
    expect(parseManifest(Buffer.from('{"format":')).ok).toBe(false);
    const deep = Buffer.from('['.repeat(100_000) + ']'.repeat(100_000));
    expect(parseManifest(deep).ok).toBe(false);
  });
});

describe('claimedPackId (which pinned key to check a manifest with)', () => {
  it('reads the pack id of a published manifest, and of one laid out differently', () => {
    expect(claimedPackId(serializeManifest(good))).toBe('summit-2030');
    expect(claimedPackId(Buffer.from(JSON.stringify(good, null, 2)))).toBe('summit-2030');
  });

  it('claims nothing for bytes that are not a manifest', () => {
    expect(claimedPackId(Buffer.from('not json'))).toBeNull();
    expect(claimedPackId(Buffer.from('{"packId":"Bad Id!"'))).toBeNull();
    expect(claimedPackId(Buffer.from([0xff, 0xfe, 0x00]))).toBeNull();
  });
});
