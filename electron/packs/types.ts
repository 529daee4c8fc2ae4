import type { PackItem, PackMeta } from '../../shared/model';

export interface PhotoAsset {
  /** Path as referenced from front matter, e.g. "photos/tanaka.png". */
  path: string;
  bytes: Buffer;
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  sha256: string;
}

/** A pack fully read and checked, whatever it came from (a source folder or a signed publication). */
export interface LoadedPack {
  meta: PackMeta;
  items: PackItem[];
  photos: Map<string, PhotoAsset>;
}
