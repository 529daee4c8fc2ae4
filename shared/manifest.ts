// The published manifest (manifest.json): what a static host serves, signed by the
// publisher. One zod schema, so the builder, the verifier and sync agree on every field.
// The format is specified in electron/packs/FORMAT.md.
import { z } from 'zod';
import { EventInfo, ITEM_KINDS, Instant, ItemId, LIMITS, PackMeta, PhotoPath } from './model';

export const MANIFEST_FORMAT = 'briefbook-pack/1';

/** An object name: a SHA-256 as 64 lower-case hex digits. */
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;
export const Sha256Hex = z.string().regex(SHA256_HEX_PATTERN, 'expected a SHA-256 as 64 lower-case hex digits');

/** A key id: the first 16 hex digits of SHA-256(raw public key), in four groups, e.g. "3f9a-12bc-77e0-9d41". */
export const KEY_ID_PATTERN = /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/;
export const KeyId = z.string().regex(KEY_ID_PATTERN, 'expected a key id like "3f9a-12bc-77e0-9d41"');

/** A raw 32-byte Ed25519 public key in standard base64 (44 characters). */
export const PublicKeyBase64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'expected a 32-byte Ed25519 public key in base64 (44 characters)');

/** A 64-byte Ed25519 signature in standard base64 (88 characters). */
export const SignatureBase64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{86}==$/, 'expected a 64-byte Ed25519 signature in base64 (88 characters)');

export const PublisherKey = z.object({ keyId: KeyId, publicKey: PublicKeyBase64 }).strict();
export type PublisherKey = z.infer<typeof PublisherKey>;

/**
 * A key endorsement: `signature` is made by one key over the rotation statement naming
 * its successor (see FORMAT.md, "Key rotation").
 */
export const KeyEndorsement = PublisherKey.extend({ signature: SignatureBase64 }).strict();
export type KeyEndorsement = z.infer<typeof KeyEndorsement>;

export const MAX_KEY_CHAIN = 8;

/** Object sizes as published. Item objects are canonical JSON, a little larger than the Markdown. */
export const MANIFEST_LIMITS = {
  /** Checked before the manifest is parsed. */
  maxManifestBytes: 4 * 1024 * 1024,
  /** And after: a manifest may not be larger than this base plus this much per item and asset. */
  manifestBaseBytes: 16 * 1024,
  manifestBytesPerEntry: 256,
  signatureBytes: 64,
  maxItemObjectBytes: 2 * LIMITS.maxItemBytes,
  maxAssets: LIMITS.maxItems,
} as const;

export const ManifestItem = z
  .object({
    kind: z.enum(ITEM_KINDS),
    id: ItemId,
    sha256: Sha256Hex,
    size: z.number().int().min(1).max(MANIFEST_LIMITS.maxItemObjectBytes),
  })
  .strict();
export type ManifestItem = z.infer<typeof ManifestItem>;

export const PHOTO_MIMES = ['image/jpeg', 'image/png'] as const;

export const ManifestAsset = z
  .object({
    path: PhotoPath,
    sha256: Sha256Hex,
    size: z.number().int().min(1).max(LIMITS.maxPhotoBytes),
    mime: z.enum(PHOTO_MIMES),
  })
  .strict();
export type ManifestAsset = z.infer<typeof ManifestAsset>;

/**
 * Reserved for confidential packs (objects encrypted with a per-version content key
 * wrapped for each reader). Absent means plain. A reader that does not implement the
 * named scheme must refuse the pack rather than show ciphertext.
 */
export const ManifestEncryption = z.object({ scheme: z.string().min(1).max(64) }).loose();

/**
 * The confidential-pack scheme this Briefbook implements (FORMAT.md §9): objects sealed
 * with AES-256-GCM under a per-version content key, wrapped for each reader with X25519
 * + HKDF-SHA256. Code: electron/packs/confidential/.
 */
export const SEALED_SCHEME = 'briefbook-x25519-aes256gcm/1';

export const SEALED_LIMITS = {
  maxRecipients: 1024,
  /** A sealed object: nonce, padded record (≤ a photo plus PADMÉ padding), tag. */
  maxObjectBytes: LIMITS.maxPhotoBytes + 128 * 1024,
  minObjectBytes: 12 + 4 + 16,
  /** The sealed pack header lists every item and photo. */
  maxHeaderBytes: 8 * 1024 * 1024,
} as const;

export const SealedObject = z
  .object({
    sha256: Sha256Hex,
    size: z.number().int().min(SEALED_LIMITS.minObjectBytes).max(SEALED_LIMITS.maxObjectBytes),
  })
  .strict();

export const SealedRecipient = z
  .object({
    /** The ephemeral X25519 public key, raw 32 bytes in base64. */
    ephemeral: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected a 32-byte X25519 key in base64 (44 characters)'),
    /** The content key sealed for one reader: 32 + 16 bytes in base64 (64 characters). */
    wrappedKey: z.string().regex(/^[A-Za-z0-9+/]{64}$/, 'expected 48 bytes in base64 (64 characters)'),
  })
  .strict();

export const SealedEncryption = z
  .object({
    scheme: z.literal(SEALED_SCHEME),
    recipients: z.array(SealedRecipient).min(1).max(SEALED_LIMITS.maxRecipients),
    /** The encrypted pack header: the pack's descriptive fields and its items and photos. */
    header: z
      .object({
        sha256: Sha256Hex,
        size: z.number().int().min(SEALED_LIMITS.minObjectBytes).max(SEALED_LIMITS.maxHeaderBytes),
      })
      .strict(),
    /** Every other sealed object, by SHA-256 of its (encrypted) bytes. */
    objects: z.array(SealedObject).max(LIMITS.maxItems + MANIFEST_LIMITS.maxAssets),
  })
  .strict();
export type SealedEncryption = z.infer<typeof SealedEncryption>;

/** Fields a plain manifest must have and a confidential one must not (they move into its sealed header). */
const DESCRIPTIVE_FIELDS = ['title', 'event', 'classification', 'preparedFor', 'expires'] as const;
const REQUIRED_WHEN_PLAIN = ['title', 'event', 'classification'] as const;

export const Manifest = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    packId: PackMeta.shape.id,
    // Required in a plain manifest; absent from a confidential one (see the check below).
    title: PackMeta.shape.title.optional(),
    event: EventInfo.optional(),
    classification: PackMeta.shape.classification.optional(),
    preparedFor: PackMeta.shape.preparedFor,
    expires: Instant.optional(),
    version: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    publishedAt: Instant,
    publisher: PublisherKey,
    /** The key that will sign later versions, endorsed by `publisher`. */
    nextKey: KeyEndorsement.optional(),
    /** Older keys, oldest first, each endorsing the next one (the last endorses `publisher`). */
    previousKeys: z.array(KeyEndorsement).min(1).max(MAX_KEY_CHAIN).optional(),
    encryption: ManifestEncryption.optional(),
    items: z.array(ManifestItem).max(LIMITS.maxItems),
    assets: z.array(ManifestAsset).max(MANIFEST_LIMITS.maxAssets),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (!m.encryption) {
      for (const field of REQUIRED_WHEN_PLAIN)
        if (m[field] === undefined)
          ctx.addIssue({ code: 'custom', path: [field], message: 'required field is missing' });
      return;
    }
    if (m.encryption.scheme !== SEALED_SCHEME) return; // refused by name when verified
    const sealed = SealedEncryption.safeParse(m.encryption);
    if (!sealed.success)
      for (const issue of sealed.error.issues)
        ctx.addIssue({ code: 'custom', path: ['encryption', ...issue.path], message: issue.message });
    for (const field of DESCRIPTIVE_FIELDS)
      if (m[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'must not appear in a confidential manifest (it belongs in the encrypted header)',
        });
    if (m.items.length > 0 || m.assets.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: 'must be empty in a confidential manifest (items and photos are listed in the encrypted header)',
      });
  });
export type Manifest = z.infer<typeof Manifest>;

/** The confidential-pack description of a manifest that uses this Briefbook's scheme, else null. */
export function sealedEncryption(m: Manifest): SealedEncryption | null {
  return m.encryption?.scheme === SEALED_SCHEME ? (m.encryption as unknown as SealedEncryption) : null;
}

/** Entries the manifest's byte budget is computed from: items, photos, sealed objects and recipients. */
export function manifestEntryCount(m: Manifest): number {
  const sealed = sealedEncryption(m);
  return m.items.length + m.assets.length + (sealed ? sealed.objects.length + sealed.recipients.length + 1 : 0);
}

/** The pack's descriptive fields, as pack.yaml has them. */
export function manifestMeta(m: Manifest): PackMeta {
  if (m.title === undefined || m.event === undefined || m.classification === undefined)
    throw new Error(`the manifest of "${m.packId}" is confidential: its descriptive fields are in the sealed header`);
  const meta: PackMeta = { id: m.packId, title: m.title, event: m.event, classification: m.classification };
  if (m.preparedFor !== undefined) meta.preparedFor = m.preparedFor;
  if (m.expires !== undefined) meta.expires = m.expires;
  return meta;
}

/** The byte cap for a manifest with this many entries (checked after parsing). */
export function manifestByteBudget(entries: number): number {
  return MANIFEST_LIMITS.manifestBaseBytes + MANIFEST_LIMITS.manifestBytesPerEntry * entries;
}
