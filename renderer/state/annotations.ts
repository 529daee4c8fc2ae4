// The reader's own notes on an item (item notes and highlights), fetched per item and
// added here. Full highlighting in the text is the annotations feature's own screen;
// the reader shows what exists and lets the reader jot a note on anyone or anything.
import { create } from 'zustand';
import type { AnnotationView } from '../../shared/annotationsApi';
import type { ItemRef } from '../../shared/model';
import { api } from '../api';
import { itemKey } from './library';
import { asError, type Load } from './load';

interface AnnotationsState {
  byItem: Record<string, Load<AnnotationView[]>>;
}

export const useAnnotations = create<AnnotationsState>(() => ({ byItem: {} }));

const keyOf = (ref: ItemRef) => itemKey(ref.packId, ref.kind, ref.itemId);

function put(key: string, value: Load<AnnotationView[]>): void {
  useAnnotations.setState((s) => ({ byItem: { ...s.byItem, [key]: value } }));
}

export async function loadAnnotations(ref: ItemRef, force = false): Promise<void> {
  const key = keyOf(ref);
  if (useAnnotations.getState().byItem[key] && !force) return;
  if (!force) put(key, { status: 'loading' });
  try {
    const list = await api.listAnnotations({ packId: ref.packId, kind: ref.kind, itemId: ref.itemId });
    put(key, { status: 'ready', value: list.annotations });
  } catch (err) {
    put(key, { status: 'error', error: asError(err) });
  }
}

/** Adds a note on the whole item; resolves to an error message, or null when saved. */
export async function addItemNote(ref: ItemRef, note: string): Promise<string | null> {
  try {
    await api.createAnnotation({ ...ref, note });
    await loadAnnotations(ref, true);
    return null;
  } catch (err) {
    return asError(err).message;
  }
}
