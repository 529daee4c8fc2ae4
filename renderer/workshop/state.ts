// The workshop slice: the open source folder as the core last read it (items, the
// checker's problems), what the author is editing, and the module-level actions the
// forms call. Every edit goes to the core, which writes the file and re-checks.
import { create } from 'zustand';
import type { Problem } from '../../shared/errors';
import { KIND_FOLDERS, type ItemKind } from '../../shared/model';
import type { WorkshopItem, WorkshopState } from '../../shared/workshopApi';
import { api } from '../api';
import { asError } from '../state/load';

export type Selection =
  { screen: 'pack' } | { screen: 'item'; kind: ItemKind; id: string } | { screen: 'import' } | { screen: 'publish' };

interface WorkshopSlice {
  state: WorkshopState | null;
  recent: string[];
  selection: Selection;
  /** A field to focus once its form is shown (from the problem list). */
  focusField: string | null;
  busy: boolean;
  error: string | null;
  /** One line saying what the last action did, for a polite live region. */
  notice: string | null;
}

export const useWorkshop = create<WorkshopSlice>(() => ({
  state: null,
  recent: [],
  selection: { screen: 'pack' },
  focusField: null,
  busy: false,
  error: null,
  notice: null,
}));

const FOLDER_KIND: Record<string, ItemKind> = Object.fromEntries(
  Object.entries(KIND_FOLDERS).map(([kind, folder]) => [folder, kind as ItemKind]),
);

/** The item a problem is about, from its file name ("meetings/x.md"). */
export function problemTarget(p: Problem): { kind: ItemKind; id: string } | null {
  const m = /^([a-z-]+)\/([a-z0-9][a-z0-9-]*)\.md$/.exec(p.file);
  const kind = m ? FOLDER_KIND[m[1]!] : undefined;
  return kind ? { kind, id: m![2]! } : null;
}

/** The form field a problem names: "participants[1]" → "participants", "event.timeZone" stays. */
export function problemField(p: Problem): string | null {
  if (!p.field) return null;
  return p.file === 'pack.yaml' ? p.field.replace(/\[.*$/, '') : p.field.split(/[.[]/)[0]!;
}

export function problemsFor(state: WorkshopState | null, file: string): Problem[] {
  return state?.problems.filter((p) => p.file === file) ?? [];
}

export function errorCount(state: WorkshopState | null): number {
  return state?.problems.length ?? 0;
}

async function run<T>(what: () => Promise<T>, notice?: (value: T) => string | null): Promise<T | null> {
  useWorkshop.setState({ busy: true, error: null });
  try {
    const value = await what();
    useWorkshop.setState({ busy: false, notice: notice ? notice(value) : null });
    return value;
  } catch (err) {
    const e = asError(err);
    const detail = e.problems.length ? ` ${e.problems.map((p) => `${p.file}: ${p.message}`).join('; ')}` : '';
    useWorkshop.setState({ busy: false, error: e.message + detail });
    return null;
  }
}

function setState(state: WorkshopState): void {
  useWorkshop.setState({ state });
}

export async function loadRecent(): Promise<void> {
  try {
    const { folders } = await api.workshopRecent({});
    useWorkshop.setState({ recent: folders });
  } catch {
    // a convenience only
  }
}

export async function openFolder(folder: string): Promise<void> {
  const state = await run(() => api.workshopOpen({ folder }));
  if (state) useWorkshop.setState({ state, selection: { screen: 'pack' }, notice: `Opened ${state.folder}` });
}

export async function createPack(folder: string, id: string, title: string): Promise<void> {
  const state = await run(() => api.workshopCreate({ folder, id, title }));
  if (state)
    useWorkshop.setState({ state, selection: { screen: 'pack' }, notice: `Created a new pack in ${state.folder}` });
}

export function closeFolder(): void {
  useWorkshop.setState({ state: null, selection: { screen: 'pack' }, error: null, notice: null });
  void loadRecent();
}

export async function refresh(): Promise<void> {
  const folder = useWorkshop.getState().state?.folder;
  if (!folder) return;
  const state = await run(() => api.workshopOpen({ folder }));
  if (state) setState(state);
}

const folderOf = () => useWorkshop.getState().state!.folder;

export async function savePack(data: Record<string, unknown>): Promise<boolean> {
  const res = await run(
    () => api.workshopUpdatePack({ folder: folderOf(), data }),
    (r) => (r.written ? 'Saved pack.yaml' : 'No changes to save'),
  );
  if (res) setState(res);
  return res !== null;
}

export async function saveItem(
  item: WorkshopItem,
  data: Record<string, unknown>,
  body: string | undefined,
): Promise<boolean> {
  const res = await run(
    () => api.workshopUpdateItem({ folder: folderOf(), kind: item.kind, id: item.id, data, body }),
    (r) => (r.written ? `Saved ${item.file}` : 'No changes to save'),
  );
  if (res) setState(res);
  return res !== null;
}

export async function createItem(kind: ItemKind, id: string, title: string): Promise<boolean> {
  const res = await run(() => api.workshopCreateItem({ folder: folderOf(), kind, id, title }));
  if (!res) return false;
  useWorkshop.setState({
    state: res,
    selection: { screen: 'item', kind, id },
    notice: `Created ${KIND_FOLDERS[kind]}/${id}.md`,
  });
  return true;
}

export async function renameItem(item: WorkshopItem, newId: string): Promise<void> {
  const res = await run(() => api.workshopRenameItem({ folder: folderOf(), kind: item.kind, id: item.id, newId }));
  if (res)
    useWorkshop.setState({
      state: res,
      selection: { screen: 'item', kind: item.kind, id: newId },
      notice: `Renamed to ${newId}${res.rewritten.length ? `; updated references in ${res.rewritten.length} file(s)` : ''}`,
    });
}

export async function deleteItem(item: WorkshopItem): Promise<void> {
  const res = await run(() => api.workshopDeleteItem({ folder: folderOf(), kind: item.kind, id: item.id }));
  if (res) useWorkshop.setState({ state: res, selection: { screen: 'pack' }, notice: `Deleted ${item.file}` });
}

export async function importPhoto(officialId: string, fileName: string, base64: string): Promise<void> {
  const res = await run(
    () => api.workshopImportPhoto({ folder: folderOf(), officialId, fileName, base64 }),
    (r) => `Photo saved as ${r.photo} (${r.width}×${r.height})`,
  );
  if (res) setState(res);
}

export function select(selection: Selection, focusField: string | null = null): void {
  useWorkshop.setState({ selection, focusField, error: null });
}

/** Show the form a problem is about and put the cursor in its field. */
export function goToProblem(p: Problem): void {
  const target = problemTarget(p);
  const field = problemField(p);
  if (p.file === 'pack.yaml') select({ screen: 'pack' }, field ?? '');
  // A problem with a line but no field is in the Markdown body (e.g. a link to a missing item).
  else if (target) select({ screen: 'item', ...target }, field ?? (p.line !== undefined ? 'body' : ''));
}

export function consumeFocus(): string | null {
  const f = useWorkshop.getState().focusField;
  if (f !== null) useWorkshop.setState({ focusField: null });
  return f;
}

export function setWorkshopState(state: WorkshopState): void {
  setState(state);
}

export function setError(message: string | null): void {
  useWorkshop.setState({ error: message });
}

export { run as runWorkshop };
