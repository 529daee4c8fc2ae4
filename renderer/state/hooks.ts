// Read-only views of the slices for components.
import { useEffect } from 'react';
import type { ItemDetail, PackContents, PhotoData } from '../../shared/api';
import type { ItemKind } from '../../shared/model';
import { packIndex, type PackIndex } from '../lib/packIndex';
import { ensurePhoto, itemKey, photoKey, useLibrary } from './library';
import { type Load } from './load';
import { homeZone, useSettings } from './settings';

export function usePackContents(packId: string): Load<PackContents> | undefined {
  return useLibrary((s) => s.contents[packId]);
}

export function usePackIndex(packId: string): PackIndex | undefined {
  const contents = usePackContents(packId);
  return contents?.status === 'ready' ? packIndex(contents.value) : undefined;
}

export function useItem(packId: string, kind: ItemKind, itemId: string): Load<ItemDetail> | undefined {
  return useLibrary((s) => s.items[itemKey(packId, kind, itemId)]);
}

/** A photo by its pack path; asks the library slice to fetch it the first time. */
export function usePhoto(packId: string, path: string | undefined): Load<PhotoData> | undefined {
  const load = useLibrary((s) => (path ? s.photos[photoKey(packId, path)] : undefined));
  useEffect(() => {
    if (path) void ensurePhoto(packId, path);
  }, [packId, path]);
  return load;
}

export function useHomeZone(): string {
  return useSettings(homeZone);
}
