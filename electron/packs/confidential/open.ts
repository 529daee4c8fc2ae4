// Reading side: a verified confidential manifest → the content key (unwrapped with this
// computer's reader key) → every sealed object verified and decrypted → the plain
// manifest and objects that publishing's decodePack checks as for any pack. Nothing here
// touches the store; a failure anywhere refuses the whole version.
import { BriefbookError, formatProblem, type Problem } from '../../../shared/errors';
import {
  MANIFEST_LIMITS,
  sealedEncryption,
  type Manifest,
  type ManifestAsset,
  type ManifestItem,
  type SealedEncryption,
} from '../../../shared/manifest';
import { LIMITS } from '../../../shared/model';
import { decodeUtf8 } from '../publish/encoding';
import { OBJECTS_DIR } from '../publish/manifest';
import type { VerifiedManifest } from '../publish/verify';
import { PackHeader, encodeHeader } from './header';
import type { ReaderKey } from './readerKey';
import { objectAadView, openObject, roleLabel, unwrapContentKey, wrapAad, type ObjectRole } from './scheme';

/** Where the reader's key comes from: called only when a confidential pack is met (it may create or unlock the key). */
export type ReaderKeySource = () => ReaderKey;

export interface OpenedPack {
  /** The signed manifest with the header's fields and plain items and photos, for decodePack. */
  verified: VerifiedManifest;
  /**
   * Decrypted objects, each under the name of the sealed object it came from (the name the
   * plain manifest above gives it): unique per entry, and already verified, so the plain
   * bytes need not be hashed again.
   */
  objects: Map<string, Buffer>;
}

export interface SealedVersion {
  readonly recipients: number;
  /** The reader key that opened it. */
  readonly readerKeyId: string;
  open(sealedObjects: Pick<ReadonlyMap<string, Buffer>, 'get'>, now: Date): OpenedPack;
}

function refused(problems: Problem[], packId: string, version: number): BriefbookError {
  const n = problems.length;
  return new BriefbookError(
    'invalid-pack',
    n === 1
      ? `Confidential pack "${packId}" version ${version} was refused: ${formatProblem(problems[0]!)}. Nothing was installed.`
      : `Confidential pack "${packId}" version ${version} has ${n} sealed objects that do not open; nothing was installed.`,
    problems,
  );
}

/**
 * Unwrap the version's content key. Throws `unauthorized` when the pack is not addressed
 * to this computer, before any object is fetched.
 */
export function unsealVersion(verified: VerifiedManifest, source: ReaderKeySource | undefined): SealedVersion {
  const { manifest } = verified;
  const sealed = sealedEncryption(manifest);
  if (!sealed) throw new Error('not a confidential manifest of the implemented scheme');
  if (!source)
    throw new BriefbookError(
      'unauthorized',
      `Pack "${manifest.packId}" is confidential (encrypted to ${sealed.recipients.length} reader${sealed.recipients.length === 1 ? '' : 's'}), and no reader key is available to open it here. Open it with \`briefbook add\` or the app, which use this computer's reader key.`,
    );
  const reader = source();
  const aad = wrapAad(manifest.packId, manifest.version);
  let contentKey: Buffer | null = null;
  const lowOrder: number[] = [];
  sealed.recipients.forEach((r, i) => {
    const result = unwrapContentKey(
      reader.privateKey,
      reader.raw,
      { ephemeral: Buffer.from(r.ephemeral, 'base64'), wrappedKey: Buffer.from(r.wrappedKey, 'base64') },
      aad,
    );
    if (result.ok) contentKey ??= result.contentKey;
    else if (result.reason === 'low-order-point') lowOrder.push(i);
  });
  if (lowOrder.length > 0)
    throw new BriefbookError(
      'invalid-pack',
      `Confidential pack "${manifest.packId}" version ${manifest.version} was refused: its content key is wrapped with an invalid curve point (a low-order X25519 key in recipient entr${lowOrder.length === 1 ? 'y' : 'ies'} ${lowOrder.map((i) => i + 1).join(', ')}), which no Briefbook publisher makes. Nothing was installed; tell the publisher.`,
      lowOrder.map((i) => ({
        file: 'manifest.json',
        field: `encryption.recipients[${i}].ephemeral`,
        message: 'is a low-order X25519 point',
      })),
    );
  if (!contentKey)
    throw new BriefbookError(
      'unauthorized',
      `This pack ("${manifest.packId}" version ${manifest.version}) is not addressed to this computer: none of its ${sealed.recipients.length} reader key${sealed.recipients.length === 1 ? '' : 's'} is yours. Send your key id ${reader.keyId} (and the key shown by \`briefbook identity\`) to the publisher and ask to be added. Nothing was installed.`,
    );
  const key: Buffer = contentKey;
  return {
    recipients: sealed.recipients.length,
    readerKeyId: reader.keyId,
    open: (objects, now) => openObjects(verified, sealed, key, objects, now),
  };
}

function openObjects(
  verified: VerifiedManifest,
  sealed: SealedEncryption,
  contentKey: Buffer,
  objects: Pick<ReadonlyMap<string, Buffer>, 'get'>,
  now: Date,
): OpenedPack {
  const { packId, version } = verified.manifest;
  const nonces = new Map<string, string>();
  const problems: Problem[] = [];
  const open = (sha256: string, role: ObjectRole): Buffer | null => {
    const bytes = objects.get(sha256);
    if (!bytes) throw new Error(`object ${sha256} was not fetched`);
    const file = `${OBJECTS_DIR}/${sha256}`;
    const result = openObject(contentKey, objectAadView(packId, version, role), bytes);
    if (!result.ok) {
      problems.push({ file, message: `(${roleLabel(role)}) ${result.problem}` });
      return null;
    }
    const nonce = result.nonce.toString('latin1');
    const other = nonces.get(nonce);
    if (other !== undefined) {
      problems.push({
        file,
        message: `(${roleLabel(role)}) reuses the nonce of ${other}; a repeated AES-GCM nonce is never made by a publisher and breaks the encryption, so the pack is refused`,
      });
      return null;
    }
    nonces.set(nonce, roleLabel(role));
    return result.content;
  };

  // 1. The header.
  const headerBytes = open(sealed.header.sha256, { type: 'header' });
  if (!headerBytes) throw refused(problems, packId, version);
  const header = parseHeader(headerBytes, verified.manifest);
  if (header.meta.expires && Date.parse(header.meta.expires) <= now.getTime())
    throw new BriefbookError(
      'expired',
      `Pack "${packId}" version ${version} expired on ${header.meta.expires}; expired packs are not installed. Ask the publisher for a current version.`,
    );

  // 2. Every sealed object is named by exactly one header entry.
  const listed = new Set(sealed.objects.map((o) => o.sha256));
  const used = new Set<string>();
  const claim = (sha256: string, what: string): boolean => {
    if (!listed.has(sha256))
      problems.push({
        file: 'header',
        message: `${what} names object ${sha256.slice(0, 12)}…, which the manifest does not list`,
      });
    else if (used.has(sha256))
      problems.push({
        file: 'header',
        message: `${what} names object ${sha256.slice(0, 12)}…, already used by another entry`,
      });
    else return (used.add(sha256), true);
    return false;
  };

  // 3. Decrypt each. decodePack reads objects by the names the manifest gives: here each
  //    decrypted object keeps its sealed object's name (the sealed bytes' SHA-256 was checked
  //    on download and the AEAD tag authenticates the plaintext, so hashing the plain bytes
  //    once more would check nothing).
  const plain = new Map<string, Buffer>();
  const items: ManifestItem[] = [];
  const assets: ManifestAsset[] = [];
  for (const it of header.items) {
    if (!claim(it.object, `${it.kind} "${it.id}"`)) continue;
    const bytes = open(it.object, { type: 'item', kind: it.kind, id: it.id });
    if (!bytes) continue;
    if (bytes.length < 1 || bytes.length > MANIFEST_LIMITS.maxItemObjectBytes) {
      problems.push({
        file: `${OBJECTS_DIR}/${it.object}`,
        message: `${it.kind} "${it.id}" is ${bytes.length} bytes; the limit is ${MANIFEST_LIMITS.maxItemObjectBytes}`,
      });
      continue;
    }
    plain.set(it.object, bytes);
    items.push({ kind: it.kind, id: it.id, sha256: it.object, size: bytes.length });
  }
  for (const a of header.assets) {
    if (!claim(a.object, `photo ${a.path}`)) continue;
    const bytes = open(a.object, { type: 'photo', path: a.path });
    if (!bytes) continue;
    if (bytes.length < 1 || bytes.length > LIMITS.maxPhotoBytes) {
      problems.push({
        file: `${OBJECTS_DIR}/${a.object}`,
        message: `photo ${a.path} is ${bytes.length} bytes; the limit is ${LIMITS.maxPhotoBytes}`,
      });
      continue;
    }
    plain.set(a.object, bytes);
    assets.push({ path: a.path, sha256: a.object, size: bytes.length, mime: a.mime });
  }
  for (const sha of listed)
    if (!used.has(sha))
      problems.push({ file: `${OBJECTS_DIR}/${sha}`, message: 'is listed in the manifest but not in the pack header' });
  if (problems.length > 0) throw refused(problems, packId, version);

  const { encryption: _sealed, ...signed } = verified.manifest;
  void _sealed;
  const manifest: Manifest = { ...signed, ...header.meta, items, assets };
  return { verified: { ...verified, manifest }, objects: plain };
}

function parseHeader(bytes: Buffer, manifest: Manifest): PackHeader {
  const fail = (message: string): never => {
    throw new BriefbookError(
      'invalid-pack',
      `Confidential pack "${manifest.packId}" version ${manifest.version} was refused: its sealed header ${message}. Nothing was installed.`,
      [{ file: 'header', message }],
    );
  };
  const text = decodeUtf8(bytes);
  if (text === null) return fail('is not valid UTF-8 text');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('is not valid JSON');
  }
  const parsed = PackHeader.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`is not a pack header (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  const header = parsed.data;
  if (encodeHeader(header) !== text) return fail('is not in canonical form');
  if (header.packId !== manifest.packId || header.version !== manifest.version)
    return fail(`belongs to "${header.packId}" version ${header.version}, not this manifest`);
  const ids = new Set<string>();
  for (const it of header.items) {
    if (ids.has(it.id)) return fail(`lists item id "${it.id}" twice`);
    ids.add(it.id);
  }
  const paths = new Set<string>();
  for (const a of header.assets) {
    if (paths.has(a.path)) return fail(`lists photo ${a.path} twice`);
    paths.add(a.path);
  }
  return header;
}
