// The pack header of a confidential pack: the one sealed object that says what the others
// are. It carries what a plain manifest shows in the clear (title, event, classification,
// expiry, the items' kinds and ids, the photos' paths), each entry pointing at its sealed
// object by the SHA-256 of the object's encrypted bytes.
import { z } from 'zod';
import { canonicalJson } from '../publish/encoding';
import { Sha256Hex, PHOTO_MIMES } from '../../../shared/manifest';
import { EventInfo, ITEM_KINDS, Instant, ItemId, LIMITS, PackMeta, PhotoPath } from '../../../shared/model';

export const HEADER_FORMAT = 'briefbook-pack-header/1';

export const HeaderMeta = z
  .object({
    title: PackMeta.shape.title,
    event: EventInfo,
    classification: PackMeta.shape.classification,
    preparedFor: PackMeta.shape.preparedFor,
    expires: Instant.optional(),
  })
  .strict();

export const PackHeader = z
  .object({
    format: z.literal(HEADER_FORMAT),
    packId: PackMeta.shape.id,
    version: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    meta: HeaderMeta,
    items: z.array(z.object({ kind: z.enum(ITEM_KINDS), id: ItemId, object: Sha256Hex }).strict()).max(LIMITS.maxItems),
    assets: z
      .array(z.object({ path: PhotoPath, mime: z.enum(PHOTO_MIMES), object: Sha256Hex }).strict())
      .max(LIMITS.maxItems),
  })
  .strict();
export type PackHeader = z.infer<typeof PackHeader>;

/**
 * The header's canonical JSON (FORMAT.md §5.1), written directly: its lists are built with
 * their keys in sorted order, so JSON.stringify of each entry is already canonical. The
 * generic encoder is several times slower on 20 000 entries.
 */
export function encodeHeader(h: PackHeader): string {
  const items = h.items.map((it) => ({ id: it.id, kind: it.kind, object: it.object }));
  const assets = h.assets.map((a) => ({ mime: a.mime, object: a.object, path: a.path }));
  return (
    `{"assets":${JSON.stringify(assets)},"format":${JSON.stringify(h.format)},"items":${JSON.stringify(items)},` +
    `"meta":${canonicalJson(h.meta)},"packId":${JSON.stringify(h.packId)},"version":${JSON.stringify(h.version)}}`
  );
}
