// The library slice: installed packs, each pack's contents, opened items and photos,
// all fetched through the API client and cached here. Components only read.
import { create } from 'zustand';
import type { ItemDetail, PackContents, PackSummary, PhotoData } from '../../shared/api';
import type { ItemKind, ItemRef } from '../../shared/model';
import { api, client } from '../api';
import { asError, type Load } from './load';

interface LibraryState {
  packs: Load<PackSummary[]> | null;
  contents: Record<string, Load<PackContents>>;
  items: Record<string, Load<ItemDetail>>;
  photos: Record<string, Load<PhotoData>>;
}

export const useLibrary = create<LibraryState>(() => ({ packs: null, contents: {}, items: {}, photos: {} }));

export const itemKey = (packId: string, kind: ItemKind, itemId: string) => `${packId}/${kind}/${itemId}`;
export const photoKey = (packId: string, path: string) => `${packId}/${path}`;

function put<K extends 'contents' | 'items' | 'photos'>(slot: K, key: string, value: LibraryState[K][string]): void {
  useLibrary.setState((s) => ({ [slot]: { ...s[slot], [key]: value } }) as Partial<LibraryState>);
}

export async function loadPacks(): Promise<void> {
  if (useLibrary.getState().packs === null) useLibrary.setState({ packs: { status: 'loading' } });
  try {
    useLibrary.setState({ packs: { status: 'ready', value: await api.listPacks({}) } });
  } catch (err) {
    useLibrary.setState({ packs: { status: 'error', error: asError(err) } });
  }
}

export async function ensurePack(packId: string, force = false): Promise<void> {
  const current = useLibrary.getState().contents[packId];
  if (current && current.status !== 'error' && !force) return;
  if (!current || current.status === 'error') put('contents', packId, { status: 'loading' });
  try {
    put('contents', packId, { status: 'ready', value: await api.getPack({ packId }) });
  } catch (err) {
    put('contents', packId, { status: 'error', error: asError(err) });
  }
}

export async function ensureItem(ref: ItemRef): Promise<void> {
  const key = itemKey(ref.packId, ref.kind, ref.itemId);
  const current = useLibrary.getState().items[key];
  if (current && current.status !== 'error') return;
  put('items', key, { status: 'loading' });
  try {
    const item = await api.getItem(ref);
    put('items', key, { status: 'ready', value: item });
    if (!item.readAt) void markRead(ref);
  } catch (err) {
    put('items', key, { status: 'error', error: asError(err) });
  }
}

export async function ensurePhoto(packId: string, path: string): Promise<void> {
  const key = photoKey(packId, path);
  if (useLibrary.getState().photos[key]) return;
  put('photos', key, { status: 'loading' });
  try {
    put('photos', key, { status: 'ready', value: await api.getPhoto({ packId, path }) });
  } catch (err) {
    put('photos', key, { status: 'error', error: asError(err) });
  }
}

function patchItem(ref: ItemRef, patch: Partial<Pick<ItemDetail, 'starred' | 'readAt'>>): void {
  const key = itemKey(ref.packId, ref.kind, ref.itemId);
  const current = useLibrary.getState().items[key];
  if (current?.status === 'ready')
    put('items', key, { status: 'ready', value: { ...current.value, ...patch } as ItemDetail });
}

export async function markRead(ref: ItemRef): Promise<void> {
  try {
    const { readAt } = await api.markRead(ref);
    patchItem(ref, { readAt });
  } catch {
    // read state is a convenience; failing to record it must not disturb reading
  }
}

export async function setStarred(ref: ItemRef, starred: boolean): Promise<void> {
  patchItem(ref, { starred });
  try {
    const result = await api.setStarred({ ...ref, starred });
    patchItem(ref, { starred: result.starred });
  } catch {
    patchItem(ref, { starred: !starred });
  }
}

/** Packs were installed, updated or removed elsewhere: refetch what we show. */
function onPacksChanged(): void {
  useLibrary.setState({ contents: {}, items: {} });
  void loadPacks();
}

export function initLibraryEvents(): () => void {
  return client.onEvent((event) => {
    if (event.type === 'packs-changed') onPacksChanged();
  });
}
