// A loaded pack as content-addressed objects: one per item (canonical JSON) and one
// per photo (its bytes), each named by the SHA-256 of its bytes.
import { BriefbookError, type Problem } from '../../../shared/errors';
import { MANIFEST_LIMITS, type ManifestAsset, type ManifestItem } from '../../../shared/manifest';
import { ITEM_KINDS, KIND_FOLDERS, LIMITS } from '../../../shared/model';
import { sha256Hex } from '../photos';
import type { LoadedPack } from '../types';
import { encodeItem } from './encoding';

export interface EncodedPack {
  items: ManifestItem[];
  assets: ManifestAsset[];
  /** Object bytes by SHA-256. */
  objects: Map<string, Buffer>;
  totalBytes: number;
}

const kindOrder = (k: string) => ITEM_KINDS.indexOf(k as (typeof ITEM_KINDS)[number]);

export function encodePack(pack: LoadedPack): EncodedPack {
  const objects = new Map<string, Buffer>();
  const problems: Problem[] = [];
  const items: ManifestItem[] = [];
  const sorted = [...pack.items].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || (a.id < b.id ? -1 : 1));
  for (const item of sorted) {
    const bytes = encodeItem(item);
    if (bytes.length > MANIFEST_LIMITS.maxItemObjectBytes) {
      problems.push({
        file: `${KIND_FOLDERS[item.kind]}/${item.id}.md`,
        message: `encodes to ${Math.ceil(bytes.length / 1024)} KB; a published item may be at most ${MANIFEST_LIMITS.maxItemObjectBytes / 1024} KB (shorten it)`,
      });
      continue;
    }
    const sha256 = sha256Hex(bytes);
    objects.set(sha256, bytes);
    items.push({ kind: item.kind, id: item.id, sha256, size: bytes.length });
  }
  const assets: ManifestAsset[] = [...pack.photos.values()]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((p) => {
      objects.set(p.sha256, p.bytes);
      return { path: p.path, sha256: p.sha256, size: p.bytes.length, mime: p.mime };
    });
  let totalBytes = 0;
  for (const b of objects.values()) totalBytes += b.length;
  if (totalBytes > LIMITS.maxPackBytes)
    problems.push({
      file: '.',
      message: `the published pack would be ${Math.ceil(totalBytes / 1048576)} MB; the limit is ${LIMITS.maxPackBytes / 1048576} MB`,
    });
  if (problems.length > 0)
    throw new BriefbookError('invalid-pack', 'The pack is too large to publish; nothing was written.', problems);
  return { items, assets, objects, totalBytes };
}
