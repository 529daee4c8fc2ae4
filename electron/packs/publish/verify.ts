// Verifying a published pack, in this order and never out of it:
//   1. manifest byte cap (before parsing) and signature length;
//   2. Ed25519 signature over the exact manifest bytes with the pinned key (or with a
//      key the pinned key endorsed through a signed rotation chain in the manifest);
//   3. schema (strict), expiry, refusal of encrypted packs this reader cannot open;
//   4. each object's size and SHA-256 (checkObject);
//   5. decoding (strict UTF-8, canonical JSON) and the same item schemas and reference
//      checks as the source checker (decodePack).
// Only a pack that passed all five is handed to the store.
import { BriefbookError, formatProblem, type Problem } from '../../../shared/errors';
import {
  MANIFEST_LIMITS,
  manifestMeta,
  sealedEncryption,
  type KeyEndorsement,
  type Manifest,
  type ManifestAsset,
  type ManifestItem,
} from '../../../shared/manifest';
import { ITEM_SCHEMAS, KIND_FOLDERS, LIMITS, type PackItem } from '../../../shared/model';
import { inspectPhoto, sha256Hex } from '../photos';
import { checkReferences, itemLinks, type ItemLink, type ReferenceView } from '../source/references';
import { formatPath } from '../source/frontMatter';
import type { LoadedPack, PhotoAsset } from '../types';
import { canonicalJson, decodeUtf8, rotationStatement } from './encoding';
import { publicKeyFromBase64, sameKey, verifySignature, type PublicKeyInfo } from './keys';
import { MANIFEST_FILE, OBJECTS_DIR, SIGNATURE_FILE, parseManifest } from './manifest';

export interface TrustAnchor {
  publicKey: PublicKeyInfo;
  /** When set, the key is trusted for this pack id only (the bundled sample key). */
  onlyForPackId?: string;
}

export interface VerifiedManifest {
  manifest: Manifest;
  bytes: Buffer;
  /** The key that signed manifest.sig. */
  signer: PublicKeyInfo;
  /** The keys followed from the trusted key to the signer, oldest first; empty when the trusted key signed. */
  rotatedFrom: PublicKeyInfo[];
}

export interface VerifyOptions {
  now?: Date;
}

const badSignature = (message: string) => new BriefbookError('bad-signature', message);

function invalid(problems: Problem[], what = 'The published pack'): BriefbookError {
  const n = problems.length;
  const message =
    n === 1
      ? `${what} was refused: ${formatProblem(problems[0]!)}. Nothing was installed.`
      : `${what} has ${n} problems; nothing was installed.`;
  return new BriefbookError('invalid-pack', message, problems);
}

function checkEndorsement(from: PublicKeyInfo, to: { publicKey: string }, signature: string): boolean {
  return verifySignature(from, rotationStatement(from.base64, to.publicKey), Buffer.from(signature, 'base64'));
}

/** Follow previousKeys from the trusted key to the publisher; the chain of keys, or null. */
function followChain(manifest: Manifest, trusted: PublicKeyInfo): PublicKeyInfo[] | null {
  const chain: KeyEndorsement[] = manifest.previousKeys ?? [];
  const start = chain.findIndex((k) => sameKey(k.publicKey, trusted));
  if (start < 0) return null;
  const keys: PublicKeyInfo[] = [];
  for (let i = start; i < chain.length; i++) {
    const link = chain[i]!;
    const from = publicKeyFromBase64(link.publicKey);
    const to = chain[i + 1] ?? manifest.publisher;
    if (from.keyId !== link.keyId || !checkEndorsement(from, to, link.signature)) return null;
    keys.push(from);
  }
  return keys;
}

export function verifyManifest(
  bytes: Buffer,
  signature: Buffer,
  trust: TrustAnchor,
  options: VerifyOptions = {},
): VerifiedManifest {
  const anchor = trust.publicKey;
  // 1. Caps before anything is parsed.
  if (bytes.length > MANIFEST_LIMITS.maxManifestBytes)
    throw invalid([
      {
        file: MANIFEST_FILE,
        message: `is larger than ${MANIFEST_LIMITS.maxManifestBytes / 1024} KB, the limit for a manifest (it was not parsed)`,
      },
    ]);
  if (signature.length !== MANIFEST_LIMITS.signatureBytes)
    throw badSignature(
      `${SIGNATURE_FILE} is ${signature.length} bytes; an Ed25519 signature is exactly 64 bytes. The file is damaged or is not a Briefbook signature.`,
    );

  // 2. Signature with the trusted key, over the exact bytes.
  const signedByAnchor = verifySignature(anchor, bytes, signature);
  const parsed = parseManifest(bytes);
  if (!signedByAnchor) {
    if (!parsed.ok || sameKey(parsed.manifest.publisher.publicKey, anchor))
      throw badSignature(
        `${SIGNATURE_FILE} does not verify ${MANIFEST_FILE} with key ${anchor.keyId}: the manifest or its signature was altered after signing, or they come from different builds. Nothing was installed.`,
      );
    // Signed by another key: acceptable only through a rotation chain from the trusted key.
    const claimed = parsed.manifest.publisher;
    const chain = followChain(parsed.manifest, anchor);
    const signer = publicKeyFromBase64(claimed.publicKey);
    if (!chain)
      throw badSignature(
        `The pack is signed by key ${signer.keyId}, but you trust key ${anchor.keyId} for it, and the manifest carries no rotation to ${signer.keyId} signed by ${anchor.keyId}. An unsigned key change is refused: confirm the new key id with the publisher by phone, then trust it explicitly (briefbook add … --pubkey NEW.pub --repin).`,
      );
    if (signer.keyId !== claimed.keyId || !verifySignature(signer, bytes, signature))
      throw badSignature(
        `${SIGNATURE_FILE} does not verify ${MANIFEST_FILE} with the publisher's rotated key ${signer.keyId}: the manifest or its signature was altered. Nothing was installed.`,
      );
    return finish(parsed.manifest, bytes, signer, chain, trust, options);
  }

  // 3. Schema, now that the bytes are known to come from the trusted key.
  if (!parsed.ok) throw invalid(parsed.problems, `${MANIFEST_FILE} (correctly signed)`);
  if (!sameKey(parsed.manifest.publisher.publicKey, anchor) || parsed.manifest.publisher.keyId !== anchor.keyId)
    throw invalid([
      {
        file: MANIFEST_FILE,
        field: 'publisher',
        message: `names key ${parsed.manifest.publisher.keyId}, but it was signed by ${anchor.keyId}`,
      },
    ]);
  return finish(parsed.manifest, bytes, anchor, [], trust, options);
}

function finish(
  manifest: Manifest,
  bytes: Buffer,
  signer: PublicKeyInfo,
  rotatedFrom: PublicKeyInfo[],
  trust: TrustAnchor,
  options: VerifyOptions,
): VerifiedManifest {
  if (trust.onlyForPackId !== undefined && manifest.packId !== trust.onlyForPackId)
    throw badSignature(
      `Key ${trust.publicKey.keyId} is trusted only for pack "${trust.onlyForPackId}", not for "${manifest.packId}".`,
    );
  if (manifest.nextKey) {
    const next = manifest.nextKey;
    let ok: boolean;
    try {
      ok = publicKeyFromBase64(next.publicKey).keyId === next.keyId && checkEndorsement(signer, next, next.signature);
    } catch {
      ok = false;
    }
    if (!ok)
      throw badSignature(
        `${MANIFEST_FILE} announces a next key ${next.keyId} whose endorsement is not signed by the current key ${signer.keyId}. Nothing was installed.`,
      );
  }
  // A confidential pack of the scheme implemented here is opened later (load.ts, with the reader's key).
  if (manifest.encryption && !sealedEncryption(manifest))
    throw new BriefbookError(
      'invalid-pack',
      `Pack "${manifest.packId}" is a confidential pack (encryption "${manifest.encryption.scheme}"), which this version of Briefbook cannot open. Update Briefbook.`,
    );
  const now = options.now ?? new Date();
  if (manifest.expires && Date.parse(manifest.expires) <= now.getTime())
    throw new BriefbookError(
      'expired',
      `Pack "${manifest.packId}" version ${manifest.version} expired on ${manifest.expires}; expired packs are not installed. Ask the publisher for a current version.`,
    );
  const dupes = duplicateEntries(manifest);
  let declared = 0;
  for (const o of manifestObjects(manifest).values()) declared += o.size;
  if (declared > LIMITS.maxPackBytes)
    dupes.push({
      file: MANIFEST_FILE,
      message: `declares ${Math.ceil(declared / 1048576)} MB of objects; the limit is ${LIMITS.maxPackBytes / 1048576} MB`,
    });
  if (dupes.length > 0) throw invalid(dupes, MANIFEST_FILE);
  return { manifest, bytes, signer, rotatedFrom };
}

function duplicateEntries(manifest: Manifest): Problem[] {
  const problems: Problem[] = [];
  const items = new Set<string>();
  manifest.items.forEach((it, i) => {
    if (items.has(it.id))
      problems.push({ file: MANIFEST_FILE, field: `items[${i}]`, message: `id "${it.id}" appears twice` });
    items.add(it.id);
  });
  const paths = new Set<string>();
  manifest.assets.forEach((a, i) => {
    if (paths.has(a.path))
      problems.push({ file: MANIFEST_FILE, field: `assets[${i}]`, message: `path "${a.path}" appears twice` });
    paths.add(a.path);
  });
  return problems;
}

/** A label names an object only in an error: made when asked (10,000 strings a sync otherwise). */
class ItemObject {
  readonly size: number;
  constructor(private readonly entry: Manifest['items'][number]) {
    this.size = entry.size;
  }
  get label(): string {
    return `${this.entry.kind} "${this.entry.id}"`;
  }
}

const objectsOf = new WeakMap<Manifest, ReadonlyMap<string, { size: number; label: string }>>();

/**
 * The distinct objects a manifest names, with the size each must have. Made once per
 * manifest: verification, fetching, the bundle and staging all ask (10,000 entries each).
 */
export function manifestObjects(manifest: Manifest): ReadonlyMap<string, { size: number; label: string }> {
  let known = objectsOf.get(manifest);
  if (!known) objectsOf.set(manifest, (known = listObjects(manifest)));
  return known;
}

function listObjects(manifest: Manifest): Map<string, { size: number; label: string }> {
  const out = new Map<string, { size: number; label: string }>();
  for (const it of manifest.items) out.set(it.sha256, new ItemObject(it));
  for (const a of manifest.assets) out.set(a.sha256, { size: a.size, label: `photo ${a.path}` });
  const sealed = sealedEncryption(manifest);
  if (sealed) {
    out.set(sealed.header.sha256, { size: sealed.header.size, label: 'the sealed pack header' });
    for (const o of sealed.objects) out.set(o.sha256, { size: o.size, label: 'a sealed object' });
  }
  return out;
}

/** Size and hash of one fetched object; null when it is right. */
export function checkObject(
  sha256: string,
  expected: { size: number; label: string },
  bytes: Buffer | null,
): Problem | null {
  const file = `${OBJECTS_DIR}/${sha256}`;
  if (bytes === null) return { file, message: `missing (the ${expected.label} it holds cannot be read)` };
  if (bytes.length > expected.size)
    return { file, message: `is larger than the ${expected.size} bytes the manifest declares for ${expected.label}` };
  if (bytes.length < expected.size)
    return {
      file,
      message: `is ${bytes.length} bytes; the manifest declares ${expected.size} for ${expected.label} (truncated)`,
    };
  if (sha256Hex(bytes) !== sha256)
    return { file, message: `has the wrong SHA-256: its bytes were altered (${expected.label})` };
  return null;
}

function itemFile(entry: ManifestItem): string {
  return `${KIND_FOLDERS[entry.kind]}/${entry.id}.md`;
}

function decodeItem(entry: ManifestItem, bytes: Buffer, problems: Problem[]): PackItem | null {
  const file = itemFile(entry);
  const fail = (message: string, field?: string) =>
    void problems.push({ file, field, message: `${message} (object ${entry.sha256.slice(0, 12)}…)` });
  const text = decodeUtf8(bytes);
  if (text === null) return (fail('is not valid UTF-8 text'), null);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return (fail('is not valid JSON'), null);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return (fail('is not a JSON object'), null);
  const obj = json as Record<string, unknown>;
  const keys = Object.keys(obj).sort().join(',');
  if (keys !== 'body,data,id,kind')
    return (fail(`has fields ${keys || '(none)'}; expected body, data, id, kind`), null);
  if (obj.kind !== entry.kind || obj.id !== entry.id)
    return (
      fail(`holds ${String(obj.kind)} "${String(obj.id)}", not the ${entry.kind} "${entry.id}" the manifest lists`),
      null
    );
  if (typeof obj.body !== 'string' || Buffer.byteLength(obj.body) > LIMITS.maxItemBytes)
    return (fail(`body must be text of at most ${LIMITS.maxItemBytes / 1024} KB`, 'body'), null);
  if (canonicalJson(json) !== text) return (fail('is not in canonical form (keys sorted, no whitespace)'), null);
  const result = ITEM_SCHEMAS[entry.kind].safeParse(obj.data);
  if (!result.success) {
    for (const issue of result.error.issues) fail(issue.message, formatPath(['data', ...issue.path]));
    return null;
  }
  return { kind: entry.kind, id: entry.id, data: result.data, body: obj.body } as PackItem;
}

function decodePhoto(asset: ManifestAsset, bytes: Buffer, problems: Problem[]): PhotoAsset | null {
  const check = inspectPhoto(asset.path, bytes);
  if (!check.ok) {
    problems.push({ file: `${OBJECTS_DIR}/${asset.sha256}`, message: `${asset.path}: ${check.message}` });
    return null;
  }
  if (check.asset.mime !== asset.mime) {
    problems.push({
      file: `${OBJECTS_DIR}/${asset.sha256}`,
      message: `${asset.path} is ${check.asset.mime}, but the manifest says ${asset.mime}`,
    });
    return null;
  }
  return check.asset;
}

/** Items a caller already holds decoded from a manifest's objects (see decodePack). */
export interface KnownItems {
  /** By object SHA-256. */
  items: ReadonlyMap<string, PackItem>;
  /**
   * Every item of the version these were installed with is still in the manifest, so their
   * references, checked at that install, still point at items of the right kind.
   */
  referencesHold: boolean;
}

const NOTHING_KNOWN: KnownItems = { items: new Map(), referencesHold: false };

/** Objects that passed checkObject, by SHA-256 (a Map is one). */
export interface VerifiedObjects {
  get(sha256: string): Buffer | undefined;
  /** Keep a verified object (when its fetcher does not keep it itself). */
  put?(sha256: string, bytes: Buffer): void;
  /**
   * The objects are on disk (sync's staging area, the store), not in memory: decodePack
   * then keeps no decoded item but decodes each again from its bytes whenever it is used,
   * so an install's memory does not grow with the size of the pack.
   */
  readonly onDisk?: boolean;
}

/** The fields of an item that name other items, and its body's links: all the reference checks need. */
function referenceView(item: PackItem): ReferenceView {
  if (item.kind === 'meeting') {
    const { participants, talkingPoints, agenda } = item.data;
    return {
      kind: item.kind,
      id: item.id,
      data: { participants, talkingPoints, agenda: agenda.map((a) => ({ lead: a.lead })) },
    };
  }
  if (item.kind === 'talking-point') {
    const { meetings, officials } = item.data;
    return { kind: item.kind, id: item.id, data: { meetings, officials } };
  }
  return { kind: item.kind, id: item.id };
}

/** Decoded items of objects on disk, the last few kept: a caller reads an item's fields one after another. */
class RecentlyDecoded {
  private readonly recent = new Map<string, PackItem>();
  constructor(private readonly objects: VerifiedObjects) {}

  item(entry: ManifestItem): PackItem {
    const kept = this.recent.get(entry.sha256);
    if (kept) return kept;
    const bytes = this.objects.get(entry.sha256);
    // The same bytes (objects.get checks their hash) passed decodeItem moments ago, so
    // only what makes the item is redone: parsing, and the schema, whose output it is.
    const obj = bytes ? (JSON.parse(bytes.toString('utf8')) as { data: unknown; body: string }) : null;
    const result = obj ? ITEM_SCHEMAS[entry.kind].safeParse(obj.data) : null;
    if (!obj || !result?.success)
      throw new Error(`the verified object of ${entry.kind} "${entry.id}" can no longer be read`);
    const item = { kind: entry.kind, id: entry.id, data: result.data, body: obj.body } as PackItem;
    if (this.recent.size >= 8) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(entry.sha256, item);
    return item;
  }
}

/** A checked item of an object on disk, decoded again when its data or body is read. */
class ItemOnDisk {
  readonly kind: PackItem['kind'];
  readonly id: string;
  constructor(
    private readonly entry: ManifestItem,
    private readonly decoded: RecentlyDecoded,
  ) {
    this.kind = entry.kind;
    this.id = entry.id;
  }
  get data(): unknown {
    return this.decoded.item(this.entry).data;
  }
  get body(): string {
    return this.decoded.item(this.entry).body;
  }
}

/** A checked photo of an object on disk: its bytes are read again when used. */
function photoOnDisk(photo: PhotoAsset, objects: VerifiedObjects): PhotoAsset {
  const { path, mime, width, height, sha256 } = photo;
  return {
    path,
    mime,
    width,
    height,
    sha256,
    get bytes() {
      const bytes = objects.get(sha256);
      if (!bytes) throw new Error(`the verified photo ${path} can no longer be read`);
      return bytes;
    },
  };
}

/**
 * Decode verified objects into a LoadedPack, with the same schemas and reference
 * checks as a source folder. `objects` must hold every object, already size- and
 * hash-checked with checkObject, except items in `known`: items the caller already
 * holds decoded from exactly that object (by object SHA-256; an update's unchanged
 * items), which are taken as they are: other items' references may point at them, and
 * their own references are checked again only if `known.referencesHold` is false.
 * Objects `onDisk` are decoded and checked one at a time and read again when used.
 */
export function decodePack(
  verified: VerifiedManifest,
  objects: VerifiedObjects,
  known: KnownItems = NOTHING_KNOWN,
): LoadedPack {
  const { manifest } = verified;
  const problems: Problem[] = [];
  const files: {
    item: ReferenceView & { body?: string };
    links?: ItemLink[];
    file: string;
    referencesHold?: boolean;
  }[] = [];
  const items: PackItem[] = [];
  const photoOf = new Map<string, string>();
  const decoded = objects.onDisk ? new RecentlyDecoded(objects) : null;
  let total = 0;
  for (const entry of manifest.items) {
    total += entry.size;
    const already = known.items.get(entry.sha256);
    if (already && already.kind === entry.kind && already.id === entry.id) {
      files.push({ item: already, file: itemFile(entry), referencesHold: known.referencesHold });
      items.push(already);
      if (already.kind === 'official' && already.data.photo) photoOf.set(itemFile(entry), already.data.photo);
      continue;
    }
    const bytes = objects.get(entry.sha256);
    if (!bytes) throw new Error(`object ${entry.sha256} was not fetched`);
    const item = decodeItem(entry, bytes, problems);
    if (!item) continue;
    if (item.kind === 'official' && item.data.photo) photoOf.set(itemFile(entry), item.data.photo);
    if (decoded) {
      files.push({ item: referenceView(item), links: itemLinks(item.body), file: itemFile(entry) });
      items.push(new ItemOnDisk(entry, decoded) as unknown as PackItem);
    } else {
      files.push({ item, file: itemFile(entry) });
      items.push(item);
    }
  }
  problems.push(...checkReferences(files));
  const photos = new Map<string, PhotoAsset>();
  for (const asset of manifest.assets) {
    total += asset.size;
    const bytes = objects.get(asset.sha256);
    if (!bytes) throw new Error(`object ${asset.sha256} was not fetched`);
    const photo = decodePhoto(asset, bytes, problems);
    if (photo) photos.set(asset.path, decoded ? photoOnDisk(photo, objects) : photo);
  }
  const assetPaths = new Set(manifest.assets.map((a) => a.path));
  for (const [file, photo] of photoOf)
    if (!assetPaths.has(photo))
      problems.push({ file, field: 'photo', message: `"${photo}" is not among the manifest's assets` });
  if (total > LIMITS.maxPackBytes)
    problems.push({
      file: '.',
      message: `the pack is ${Math.ceil(total / 1048576)} MB; the limit is ${LIMITS.maxPackBytes / 1048576} MB`,
    });
  if (problems.length > 0) throw invalid(problems);
  return { meta: manifestMeta(manifest), items, photos };
}
