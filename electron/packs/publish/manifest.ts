// manifest.json: created, serialised (canonical JSON, one trailing newline), parsed
// under the byte caps, and signed. The signature (manifest.sig) is the raw 64-byte
// Ed25519 signature over the exact bytes of manifest.json.
import type { KeyObject } from 'node:crypto';
import type { z } from 'zod';
import type { Problem } from '../../../shared/errors';
import { formatPath } from '../source/frontMatter';
import {
  MANIFEST_FORMAT,
  MANIFEST_LIMITS,
  Manifest,
  SHA256_HEX_PATTERN,
  manifestByteBudget,
  manifestEntryCount,
  type KeyEndorsement,
  type ManifestItem,
  type PublisherKey,
} from '../../../shared/manifest';
import { ID_PATTERN, ITEM_KINDS, LIMITS, type PackMeta } from '../../../shared/model';
import { canonicalJson, decodeUtf8 } from './encoding';
import { sign } from './keys';
import type { EncodedPack } from './objects';

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';
export const OBJECTS_DIR = 'objects';

export interface ManifestFields {
  version: number;
  publishedAt: string;
  publisher: PublisherKey;
  nextKey?: KeyEndorsement;
  previousKeys?: KeyEndorsement[];
}

export function createManifest(meta: PackMeta, encoded: EncodedPack, fields: ManifestFields): Manifest {
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    packId: meta.id,
    title: meta.title,
    event: meta.event,
    classification: meta.classification,
    preparedFor: meta.preparedFor,
    expires: meta.expires,
    version: fields.version,
    publishedAt: fields.publishedAt,
    publisher: fields.publisher,
    nextKey: fields.nextKey,
    previousKeys: fields.previousKeys?.length ? fields.previousKeys : undefined,
    items: encoded.items,
    assets: encoded.assets,
  };
  return manifest;
}

export function serializeManifest(manifest: Manifest): Buffer {
  return Buffer.from(`${canonicalJson(manifest)}\n`, 'utf8');
}

export function signManifest(bytes: Buffer, privateKey: KeyObject): Buffer {
  return sign(privateKey, bytes);
}

function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.slice(0, 50).map((issue) => {
    const field = formatPath(issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
      message = 'required field is missing';
    return { file, field: field || undefined, message };
  });
}

export type ParsedManifest = { ok: true; manifest: Manifest } | { ok: false; problems: Problem[] };

/** Parse manifest bytes: byte cap, strict UTF-8, JSON, schema, then the per-entry byte budget. */
const ITEM_KIND_SET: ReadonlySet<string> = new Set(ITEM_KINDS);

/**
 * The item entries of a plain (not confidential) manifest when each one is exactly what
 * ManifestItem accepts (the four fields, nothing else), else null. A confidential
 * manifest is left to zod whole: its rules say its item list must be empty.
 */
function checkedPlainItems(json: unknown): ManifestItem[] | null {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const m = json as Record<string, unknown>;
  if (m.encryption !== undefined || !Array.isArray(m.items) || m.items.length > LIMITS.maxItems) return null;
  for (const it of m.items as unknown[]) {
    if (typeof it !== 'object' || it === null || Array.isArray(it)) return null;
    const e = it as Record<string, unknown>;
    let fields = 0;
    for (const key in e) if (Object.hasOwn(e, key)) fields++;
    const { kind, id, sha256, size } = e;
    if (
      fields !== 4 ||
      typeof kind !== 'string' ||
      !ITEM_KIND_SET.has(kind) ||
      typeof id !== 'string' ||
      !ID_PATTERN.test(id) ||
      typeof sha256 !== 'string' ||
      !SHA256_HEX_PATTERN.test(sha256) ||
      typeof size !== 'number' ||
      !Number.isInteger(size) ||
      size < 1 ||
      size > MANIFEST_LIMITS.maxItemObjectBytes
    )
      return null;
  }
  return m.items as ManifestItem[];
}

export function parseManifest(bytes: Buffer): ParsedManifest {
  const fail = (message: string, field?: string): ParsedManifest => ({
    ok: false,
    problems: [{ file: MANIFEST_FILE, field, message }],
  });
  if (bytes.length > MANIFEST_LIMITS.maxManifestBytes)
    return fail(
      `is larger than ${MANIFEST_LIMITS.maxManifestBytes / 1024} KB, the limit for a manifest (it was not parsed)`,
    );
  const text = decodeUtf8(bytes);
  if (text === null) return fail('is not valid UTF-8 text');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail(`is not valid JSON (${(err as Error).message})`);
  }
  if (typeof json === 'object' && json !== null && 'format' in json && json.format !== MANIFEST_FORMAT) {
    const format = String((json as { format: unknown }).format).slice(0, 64);
    return fail(
      `has format "${format}"; this Briefbook reads "${MANIFEST_FORMAT}" (a newer Briefbook may be needed)`,
      'format',
    );
  }
  // The item entries are most of a large manifest, and zod checking 10,000 of them cost
  // about 40 ms of a 1 % update. When every entry passes a plain check that accepts
  // exactly what ManifestItem accepts, zod checks the rest; otherwise zod checks it all,
  // so every problem is reported as before.
  const items = checkedPlainItems(json);
  const result = Manifest.safeParse(items ? { ...(json as object), items: [] } : json);
  if (!result.success) return { ok: false, problems: zodProblems(MANIFEST_FILE, result.error) };
  const manifest = items ? { ...result.data, items } : result.data;
  const entries = manifestEntryCount(manifest);
  const budget = manifestByteBudget(entries);
  if (bytes.length > budget)
    return fail(
      `is ${bytes.length} bytes for ${entries} entries; the budget is ${budget} bytes (16 KB + 256 bytes per item and photo)`,
    );
  return { ok: true, manifest };
}
