// Publishing side: turn a plain publication (manifest + objects, as publishing builds it)
// into a confidential one. A fresh content key seals every object and the pack header; it
// is wrapped for each reader. The signed manifest keeps only what a host needs to serve
// and a reader needs to check before decrypting: pack id, version, dates of publication,
// the publisher's keys, and the sizes and hashes of the sealed objects.
import crypto from 'node:crypto';
import { SEALED_SCHEME, type Manifest, type SealedEncryption } from '../../../shared/manifest';
import { HEADER_FORMAT, encodeHeader, type PackHeader } from './header';
import type { ReaderPublicKey } from './readerKey';
import {
  KEY_BYTES,
  NONCE_BYTES,
  objectAad,
  objectAadView,
  sealObject,
  wrapAad,
  wrapContentKey,
  type ObjectRole,
} from './scheme';
import { sha256Hex } from '../photos';

export interface SealedPublication {
  manifest: Manifest;
  /** Sealed object bytes by SHA-256 (the header included). */
  objects: Map<string, Buffer>;
  recipients: number;
}

/** For tests that play a faulty or hostile publisher: a chosen content key, chosen nonces. */
export interface SealOptions {
  contentKey?: Buffer;
  nonce?: (index: number, role: ObjectRole) => Buffer;
}

export function sealPublication(
  plain: Manifest,
  plainObjects: ReadonlyMap<string, Buffer>,
  recipients: readonly ReaderPublicKey[],
  options: SealOptions = {},
): SealedPublication {
  if (recipients.length === 0) throw new Error('a confidential pack needs at least one recipient');
  if (plain.title === undefined || plain.event === undefined || plain.classification === undefined)
    throw new Error('sealPublication takes a plain manifest');
  const { packId, version } = plain;
  const contentKey = Buffer.from(options.contentKey ?? crypto.randomBytes(KEY_BYTES));
  const objects = new Map<string, Buffer>();
  // Random nonces, drawn at once (one call instead of one per object).
  const pool = crypto.randomBytes(NONCE_BYTES * (plain.items.length + plain.assets.length + 1));
  let index = 0;
  const nonceFor = (role: ObjectRole): Buffer => {
    const i = index++;
    return options.nonce?.(i, role) ?? pool.subarray(i * NONCE_BYTES, (i + 1) * NONCE_BYTES);
  };
  const seal = (role: ObjectRole, sha256: string): string => {
    const bytes = plainObjects.get(sha256);
    if (!bytes) throw new Error(`object ${sha256} is missing from the publication`);
    const sealed = sealObject(contentKey, objectAadView(packId, version, role), bytes, nonceFor(role));
    const name = sha256Hex(sealed);
    objects.set(name, sealed);
    return name;
  };
  const header: PackHeader = {
    format: HEADER_FORMAT,
    packId,
    version,
    meta: {
      title: plain.title,
      event: plain.event,
      classification: plain.classification,
      preparedFor: plain.preparedFor,
      expires: plain.expires,
    },
    items: plain.items.map((it) => ({
      kind: it.kind,
      id: it.id,
      object: seal({ type: 'item', kind: it.kind, id: it.id }, it.sha256),
    })),
    assets: plain.assets.map((a) => ({
      path: a.path,
      mime: a.mime,
      object: seal({ type: 'photo', path: a.path }, a.sha256),
    })),
  };
  const headerBytes = sealObject(
    contentKey,
    objectAad(packId, version, { type: 'header' }),
    Buffer.from(encodeHeader(header), 'utf8'),
    nonceFor({ type: 'header' }),
  );
  const headerName = sha256Hex(headerBytes);
  const aad = wrapAad(packId, version);
  const encryption: SealedEncryption = {
    scheme: SEALED_SCHEME,
    recipients: recipients.map((r) => {
      const w = wrapContentKey(contentKey, r.raw, aad);
      return { ephemeral: w.ephemeral.toString('base64'), wrappedKey: w.wrappedKey.toString('base64') };
    }),
    header: { sha256: headerName, size: headerBytes.length },
    objects: [...objects]
      .map(([sha256, b]) => ({ sha256, size: b.length }))
      .sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)),
  };
  contentKey.fill(0);
  objects.set(headerName, headerBytes);
  const manifest: Manifest = {
    format: plain.format,
    packId,
    version,
    publishedAt: plain.publishedAt,
    publisher: plain.publisher,
    nextKey: plain.nextKey,
    previousKeys: plain.previousKeys,
    encryption,
    items: [],
    assets: [],
  };
  return { manifest, objects, recipients: recipients.length };
}
