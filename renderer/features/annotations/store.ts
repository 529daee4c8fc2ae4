// The annotations feature's slice: My notes (filters and results), the orphan being
// re-attached, highlight flashes and the toasts (undo). Every edit goes to the core at
// once and the affected lists are refetched from it: nothing lives only in this memory.
// The per-item lists stay in state/annotations.ts, which the item screens read.
import { create } from 'zustand';
import type { AnnotationExport, AnnotationList, AnnotationView, ImportReport } from '../../../shared/annotationsApi';
import type { Annotation, HighlightColor, ItemKind, ItemRef } from '../../../shared/model';
import { api, client } from '../../api';
import { loadAnnotations, useAnnotations } from '../../state/annotations';
import { loadPacks } from '../../state/library';
import { asError, type Load } from '../../state/load';

export interface NotesFilters {
  packId: string;
  kind: ItemKind | '';
  color: HighlightColor | '';
  type: 'highlight' | 'item-note' | '';
  status: 'anchored' | 'orphaned' | '';
  text: string;
}

export const NO_FILTERS: NotesFilters = { packId: '', kind: '', color: '', type: '', status: '', text: '' };

export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void | Promise<void> };
}

interface AnnotationUiState {
  filters: NotesFilters;
  list: Load<AnnotationList> | null;
  orphanCount: number;
  /** An annotation the reader is attaching to new text, across navigations. */
  reattaching: AnnotationView | null;
  /** A request to scroll to and flash a highlight; seq changes on every request. */
  flash: { id: string; seq: number } | null;
  toasts: Toast[];
}

export const useAnnotationUi = create<AnnotationUiState>(() => ({
  filters: NO_FILTERS,
  list: null,
  orphanCount: 0,
  reattaching: null,
  flash: null,
  toasts: [],
}));

// ---- toasts -------------------------------------------------------------------

let toastSeq = 0;
const TOAST_MS = 12_000;

export function showToast(message: string, action?: Toast['action']): void {
  const id = ++toastSeq;
  useAnnotationUi.setState((s) => ({ toasts: [...s.toasts.slice(-2), { id, message, action }] }));
  window.setTimeout(() => dismissToast(id), TOAST_MS);
}

export function dismissToast(id: number): void {
  useAnnotationUi.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

// ---- refreshing -----------------------------------------------------------------

const refOf = (a: Pick<Annotation, 'packId' | 'kind' | 'itemId'>): ItemRef => ({
  packId: a.packId,
  kind: a.kind,
  itemId: a.itemId,
});

/** Refetch whatever shows these items' annotations, and My notes when it has been opened. */
async function refresh(...refs: ItemRef[]): Promise<void> {
  const seen = new Set<string>();
  const work: Promise<void>[] = [];
  for (const ref of refs) {
    const key = `${ref.packId}/${ref.kind}/${ref.itemId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    work.push(loadAnnotations(ref, true));
  }
  if (useAnnotationUi.getState().list) work.push(loadMyNotes());
  await Promise.all(work);
}

/** Something changed outside this window's own edits (an import, a pack update): refetch all shown. */
async function refreshEverything(): Promise<void> {
  const keys = Object.keys(useAnnotations.getState().byItem);
  const refs = keys.map((k) => {
    const [packId, kind, itemId] = k.split('/') as [string, ItemKind, string];
    return { packId, kind, itemId };
  });
  await refresh(...refs);
}

export function initAnnotationEvents(): () => void {
  return client.onEvent((event) => {
    if (event.type === 'annotations-changed' || event.type === 'packs-changed') void refreshEverything();
  });
}

/** Runs an edit; on failure shows why in a toast and resolves to null. */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run();
  } catch (err) {
    showToast(`${what}: ${asError(err).message}`);
    return null;
  }
}

// ---- edits ----------------------------------------------------------------------

export async function createHighlight(
  ref: ItemRef,
  selection: { start: number; end: number; quote: string },
  color: HighlightColor,
  note = '',
): Promise<Annotation | null> {
  const created = await attempt('The highlight was not saved', () =>
    api.createAnnotation({ ...ref, ...selection, color, note }),
  );
  if (created) await refresh(ref);
  return created;
}

export async function createItemNote(ref: ItemRef, note: string): Promise<Annotation | null> {
  const created = await attempt('The note was not saved', () => api.createAnnotation({ ...ref, note }));
  if (created) await refresh(ref);
  return created;
}

/** Saves a note or a colour; resolves to an error message, or null when saved. */
export async function updateAnnotation(
  a: Annotation,
  patch: { note?: string; color?: HighlightColor },
): Promise<string | null> {
  try {
    const saved = await api.updateAnnotation({ id: a.id, ...patch });
    await refresh(refOf(saved));
    return null;
  } catch (err) {
    return asError(err).message;
  }
}

const describe = (a: Annotation) => (a.anchor ? 'Highlight' : 'Note');

export async function deleteAnnotation(a: Annotation): Promise<void> {
  const deleted = await attempt(`The ${describe(a).toLowerCase()} was not deleted`, () =>
    api.deleteAnnotation({ id: a.id }),
  );
  if (!deleted) return;
  await refresh(refOf(a));
  showToast(`${describe(a)} deleted.`, { label: 'Undo', run: () => restoreAnnotation(a.id) });
}

export async function restoreAnnotation(id: string): Promise<void> {
  const restored = await attempt('It could not be brought back', () => api.restoreAnnotation({ id }));
  if (!restored) return;
  await refresh(refOf(restored));
  showToast(`${describe(restored)} restored.`);
  if (restored.anchor && restored.status === 'anchored') requestFlash(restored.id);
}

// ---- re-attaching orphans ---------------------------------------------------------

export function startReattach(a: AnnotationView): void {
  useAnnotationUi.setState({ reattaching: a });
}

export function cancelReattach(): void {
  useAnnotationUi.setState({ reattaching: null });
}

/** Attach the annotation being re-attached to this item (and this selection, for a highlight). */
export async function reattachTo(
  a: Annotation,
  ref: ItemRef,
  selection?: { start: number; end: number; quote: string },
): Promise<boolean> {
  const saved = await attempt('It could not be re-attached', () =>
    api.reattachAnnotation({ id: a.id, ...ref, ...selection }),
  );
  if (!saved) return false;
  useAnnotationUi.setState({ reattaching: null });
  await refresh(refOf(a), ref);
  await refreshOrphanCount();
  showToast(`${describe(saved)} re-attached.`);
  if (saved.anchor) requestFlash(saved.id);
  return true;
}

// ---- flashing a highlight -----------------------------------------------------------

let flashSeq = 0;

export function requestFlash(id: string): void {
  useAnnotationUi.setState({ flash: { id, seq: ++flashSeq } });
}

export function clearFlash(seq: number): void {
  if (useAnnotationUi.getState().flash?.seq === seq) useAnnotationUi.setState({ flash: null });
}

// ---- My notes -------------------------------------------------------------------------

const KINDS = new Set(['official', 'meeting', 'talking-point', 'note']);
const COLORS = new Set(['yellow', 'green', 'blue', 'pink']);

/** Filters from a `#/notes?…` deep link; anything unknown is ignored. */
export function filtersFromQuery(query: Record<string, string>): NotesFilters {
  return {
    packId: query.pack ?? '',
    kind: KINDS.has(query.kind ?? '') ? (query.kind as ItemKind) : '',
    color: COLORS.has(query.color ?? '') ? (query.color as HighlightColor) : '',
    type: query.type === 'highlight' || query.type === 'item-note' ? query.type : '',
    status: query.status === 'anchored' || query.status === 'orphaned' ? query.status : '',
    text: (query.q ?? '').slice(0, 200),
  };
}

let listSeq = 0;

export async function loadMyNotes(): Promise<void> {
  const seq = ++listSeq;
  const { filters, list } = useAnnotationUi.getState();
  if (!list || list.status === 'error') useAnnotationUi.setState({ list: { status: 'loading' } });
  try {
    const result = await api.listAnnotations({
      packId: filters.packId || undefined,
      kind: filters.kind || undefined,
      color: filters.color || undefined,
      type: filters.type || undefined,
      status: filters.status || undefined,
      text: filters.text.trim() || undefined,
      limit: 1000,
    });
    if (seq === listSeq) useAnnotationUi.setState({ list: { status: 'ready', value: result } });
  } catch (err) {
    if (seq === listSeq) useAnnotationUi.setState({ list: { status: 'error', error: asError(err) } });
  }
  void refreshOrphanCount();
}

async function refreshOrphanCount(): Promise<void> {
  try {
    const { total } = await api.listAnnotations({ status: 'orphaned', limit: 1 });
    useAnnotationUi.setState({ orphanCount: total });
  } catch {
    // the count is a hint; the list itself says what failed
  }
}

/** Entering #/notes (from the route loader): take the link's filters, if it has any. */
export function openMyNotes(query: Record<string, string>): void {
  if (Object.keys(query).length > 0) useAnnotationUi.setState({ filters: filtersFromQuery(query) });
  void loadPacks();
  void loadMyNotes();
}

export function setFilters(patch: Partial<NotesFilters>): void {
  useAnnotationUi.setState((s) => ({ filters: { ...s.filters, ...patch } }));
  void loadMyNotes();
}

// ---- export and import -------------------------------------------------------------------

export async function exportNotes(packId?: string): Promise<AnnotationExport> {
  return api.exportAnnotations(packId ? { packId } : {});
}

export async function importNotes(json: string): Promise<ImportReport> {
  const report = await api.importAnnotations({ json });
  await refreshEverything();
  if (!useAnnotationUi.getState().list) void refreshOrphanCount();
  return report;
}
