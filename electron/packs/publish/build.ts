// `pack build`: a checked source folder → signed, content-addressed publication.
// Objects are written first, then manifest.sig, then manifest.json (each to a temporary
// name, fsynced, then renamed), and only then are old objects removed: those named by
// neither the new manifest nor the one before it, so a reader that fetched the previous
// manifest a moment ago can still finish.
import type { KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../../shared/errors';
import { MAX_KEY_CHAIN, type KeyEndorsement, type Manifest } from '../../../shared/manifest';
import { sealPublication, type ReaderPublicKey } from '../confidential/index';
import { sha256Hex } from '../photos';
import { readSourceFolder } from '../source/readSource';
import type { LoadedPack } from '../types';
import { writeBriefpack } from './briefpack';
import { BUNDLES_DIR, bundleEntries, bundleName, encodeBundle } from './bundle';
import { rotationStatement } from './encoding';
import { readCapped, OBJECT_NAME } from './fetcher';
import { publisherKey, sameKey, sign, type PublicKeyInfo } from './keys';
import {
  MANIFEST_FILE,
  OBJECTS_DIR,
  SIGNATURE_FILE,
  createManifest,
  parseManifest,
  serializeManifest,
  signManifest,
} from './manifest';
import { encodePack } from './objects';
import { manifestObjects } from './verify';
import { MANIFEST_LIMITS } from '../../../shared/manifest';

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: PublicKeyInfo;
}

export interface Publication {
  manifest: Manifest;
  manifestBytes: Buffer;
  signature: Buffer;
  objects: Map<string, Buffer>;
}

export interface PublicationOptions {
  key: SigningKey;
  version: number;
  publishedAt: Date;
  /** Announce the key that will sign later versions (endorsed by `key`). */
  nextKey?: PublicKeyInfo;
  previousKeys?: KeyEndorsement[];
  /** An endorsement made earlier by `key`, carried forward when `nextKey` is not given. */
  carriedNextKey?: KeyEndorsement;
  /** Readers to encrypt the pack to (a confidential pack); none = a plain, public pack. */
  recipients?: readonly ReaderPublicKey[];
}

export function endorse(key: SigningKey, next: PublicKeyInfo): KeyEndorsement {
  return {
    keyId: next.keyId,
    publicKey: next.base64,
    signature: sign(key.privateKey, rotationStatement(key.publicKey.base64, next.base64)).toString('base64'),
  };
}

/** Encode, describe and sign a loaded pack, in memory. Deterministic for the same inputs. */
export function createPublication(pack: LoadedPack, options: PublicationOptions): Publication {
  if (!Number.isInteger(options.version) || options.version < 1 || options.version > 2 ** 31 - 1)
    throw new BriefbookError('invalid-input', `Version ${options.version} is out of range (1 to 2^31 − 1).`);
  if (options.nextKey && sameKey(options.nextKey, options.key.publicKey))
    throw new BriefbookError('invalid-input', '--next-key is the signing key itself; give the new key’s .pub file.');
  const encoded = encodePack(pack);
  const plain = createManifest(pack.meta, encoded, {
    version: options.version,
    publishedAt: options.publishedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    publisher: publisherKey(options.key.publicKey),
    nextKey: options.nextKey ? endorse(options.key, options.nextKey) : options.carriedNextKey,
    previousKeys: options.previousKeys,
  });
  // Confidential: every object sealed for the readers, the descriptive fields moved into a sealed header.
  const { manifest, objects } = options.recipients?.length
    ? sealPublication(plain, encoded.objects, options.recipients)
    : { manifest: plain, objects: encoded.objects };
  const manifestBytes = serializeManifest(manifest);
  const check = parseManifest(manifestBytes);
  if (!check.ok)
    throw new BriefbookError(
      'invalid-pack',
      'The manifest for this pack would not be valid; nothing was written.',
      check.problems,
    );
  return {
    manifest,
    manifestBytes,
    signature: signManifest(manifestBytes, options.key.privateKey),
    objects,
  };
}

export type BuildEvent =
  | { type: 'object-written'; sha256: string }
  | { type: 'manifest-written'; version: number }
  | { type: 'object-removed'; sha256: string };

export interface BuildOptions {
  key: SigningKey;
  outDir: string;
  briefpack?: string;
  publishedAt?: Date;
  nextKey?: PublicKeyInfo;
  /** Sign with a key the previous version did not endorse (readers must re-pin by hand). */
  forceNewKey?: boolean;
  /** Encrypt to these readers (`--recipients FILE`). */
  recipients?: readonly ReaderPublicKey[];
  trace?: (event: BuildEvent) => void;
}

export interface BuildResult extends Publication {
  outDir: string;
  previousVersion: number | null;
  written: number;
  reused: number;
  removed: number;
  briefpack?: string;
  /** The pack's descriptive fields (a confidential manifest does not show them). */
  meta: LoadedPack['meta'];
}

function readPrevious(outDir: string, packId: string): Manifest | null {
  const bytes = readCapped(path.join(outDir, MANIFEST_FILE), MANIFEST_LIMITS.maxManifestBytes + 1);
  if (!bytes) return null;
  const parsed = parseManifest(bytes);
  if (!parsed.ok)
    throw new BriefbookError(
      'conflict',
      `${outDir} has a ${MANIFEST_FILE} that cannot be read, so the next version number is unknown; nothing was written. Restore it, or choose an empty --out folder.`,
      parsed.problems,
    );
  if (parsed.manifest.packId !== packId)
    throw new BriefbookError(
      'conflict',
      `${outDir} holds the published pack "${parsed.manifest.packId}", not "${packId}"; nothing was written. Use a separate --out folder for each pack.`,
    );
  return parsed.manifest;
}

/** Key continuity with the previous version: the rotation chain to carry, or a refusal. */
function keyContinuity(
  previous: Manifest | null,
  key: SigningKey,
  forceNewKey: boolean,
): { previousKeys?: KeyEndorsement[]; carriedNextKey?: KeyEndorsement } {
  if (!previous) return {};
  const prevKey = previous.publisher;
  if (sameKey(prevKey.publicKey, key.publicKey))
    return { previousKeys: previous.previousKeys, carriedNextKey: previous.nextKey };
  if (previous.nextKey && sameKey(previous.nextKey.publicKey, key.publicKey)) {
    const link: KeyEndorsement = { ...prevKey, signature: previous.nextKey.signature };
    return { previousKeys: [...(previous.previousKeys ?? []), link].slice(-MAX_KEY_CHAIN) };
  }
  if (forceNewKey) return {};
  throw new BriefbookError(
    'conflict',
    `Version ${previous.version} was signed by key ${prevKey.keyId}, but you are signing with ${key.publicKey.keyId}; readers pinned to ${prevKey.keyId} would refuse it. Nothing was written. To rotate keys, first publish with --key OLD.key --next-key NEW.pub, then build with the new key. If the old key is lost, pass --force-new-key and give every reader the new key id.`,
  );
}

function writeAtomic(file: string, bytes: Buffer): void {
  const tmp = path.join(path.dirname(file), `.tmp-${path.basename(file)}-${process.pid}`);
  const fd = fs.openSync(tmp, 'w', 0o644);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export async function buildPublished(sourceDir: string, options: BuildOptions): Promise<BuildResult> {
  const pack = readSourceFolder(sourceDir);
  const outDir = path.resolve(options.outDir);
  if (fs.existsSync(path.join(outDir, 'pack.yaml')))
    throw new BriefbookError(
      'invalid-input',
      `${outDir} is a pack source folder; give an output folder for the published pack.`,
    );
  const publishedAt = options.publishedAt ?? new Date();
  if (pack.meta.expires && Date.parse(pack.meta.expires) <= publishedAt.getTime())
    throw new BriefbookError(
      'expired',
      `The pack expired on ${pack.meta.expires} (pack.yaml "expires"); readers would refuse it. Nothing was written. Move the date or remove it.`,
    );
  const previous = readPrevious(outDir, pack.meta.id);
  const continuity = keyContinuity(previous, options.key, options.forceNewKey ?? false);
  const publication = createPublication(pack, {
    key: options.key,
    version: (previous?.version ?? 0) + 1,
    publishedAt,
    nextKey: options.nextKey,
    recipients: options.recipients,
    ...continuity,
  });
  const trace = options.trace ?? (() => {});

  const objectsDir = path.join(outDir, OBJECTS_DIR);
  fs.mkdirSync(objectsDir, { recursive: true });
  let written = 0;
  let reused = 0;
  for (const [sha256, bytes] of publication.objects) {
    const file = path.join(objectsDir, sha256);
    const existing = readCapped(file, bytes.length + 1);
    if (existing && existing.length === bytes.length && sha256Hex(existing) === sha256) {
      reused++;
      continue;
    }
    writeAtomic(file, bytes);
    written++;
    trace({ type: 'object-written', sha256 });
  }
  const version = publication.manifest.version;
  fs.mkdirSync(path.join(outDir, BUNDLES_DIR), { recursive: true });
  writeAtomic(
    path.join(outDir, bundleName(version)),
    encodeBundle(bundleEntries(publication.manifest), publication.objects),
  );
  writeAtomic(path.join(outDir, SIGNATURE_FILE), publication.signature);
  writeAtomic(path.join(outDir, MANIFEST_FILE), publication.manifestBytes);
  trace({ type: 'manifest-written', version });

  const keep = new Set([...publication.objects.keys(), ...(previous ? objectNames(previous) : [])]);
  let removed = 0;
  for (const name of fs.readdirSync(objectsDir)) {
    if (keep.has(name)) continue;
    if (!OBJECT_NAME.test(name) && !name.startsWith('.tmp-')) continue; // not ours: leave it alone
    fs.rmSync(path.join(objectsDir, name), { force: true });
    removed++;
    trace({ type: 'object-removed', sha256: name });
  }
  // Bundles of the new and the previous version stay, as their objects do.
  const keepBundles = new Set([bundleName(version), ...(previous ? [bundleName(previous.version)] : [])]);
  for (const name of fs.readdirSync(path.join(outDir, BUNDLES_DIR))) {
    const rel = `${BUNDLES_DIR}/${name}`;
    if (keepBundles.has(rel) || !/^\d+\.bundle$|^\.tmp-/.test(name)) continue;
    fs.rmSync(path.join(outDir, rel), { force: true });
  }
  if (options.briefpack)
    await writeBriefpack(options.briefpack, { ...publication, manifest: publication.manifestBytes });
  return {
    ...publication,
    outDir,
    meta: pack.meta,
    previousVersion: previous?.version ?? null,
    written,
    reused,
    removed,
    briefpack: options.briefpack ? path.resolve(options.briefpack) : undefined,
  };
}

function objectNames(m: Manifest): string[] {
  return [...manifestObjects(m).keys()];
}
