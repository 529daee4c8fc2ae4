// The sync slice: status (the shell's "Offline — last synced 3 h ago", each subscription,
// expiries), a sync in progress (objects and bytes, from 'sync-progress' events), and
// each pack's "what changed". Module-level actions call the core; components only read.
import { create } from 'zustand';
import type { PackChanges, SyncStatus } from '../../../shared/syncApi';
import { api, client } from '../../api';
import { asError, type Load } from '../../state/load';
import { useNavigation } from '../../state/navigation';
import { saveBlob } from '../export/download';

export interface SyncProgress {
  packId: string;
  objectsDone: number;
  objectsTotal: number;
  bytesDone: number;
  bytesTotal: number;
}

interface SyncState {
  status: SyncStatus | null;
  /** A sync the reader started is running. */
  running: boolean;
  progress: SyncProgress | null;
  /** What the last sync the reader started did, in a sentence. */
  outcome: { ok: boolean; message: string } | null;
  changes: Record<string, Load<PackChanges>>;
}

export const useSync = create<SyncState>(() => ({
  status: null,
  running: false,
  progress: null,
  outcome: null,
  changes: {},
}));

export async function loadSyncStatus(): Promise<void> {
  try {
    const status = await api.syncStatus({});
    useSync.setState((s) => ({ status, progress: status.progress ?? (s.running ? s.progress : null) }));
  } catch {
    // the status line is a convenience; reading goes on without it
  }
}

export async function syncNow(packId?: string): Promise<void> {
  if (useSync.getState().running) return;
  useSync.setState({ running: true, outcome: null, progress: null });
  try {
    const report = await api.syncNow(packId ? { packId } : {});
    const failed = report.results.filter((r) => r.status === 'failed');
    const installed = report.results.filter((r) => r.status === 'installed');
    const message =
      report.results.length === 0
        ? 'There are no subscribed books to sync.'
        : failed.length
          ? failed.map((r) => r.message).join(' ')
          : installed.length
            ? installed.map((r) => r.message).join(' ')
            : 'Everything is up to date.';
    useSync.setState({ outcome: { ok: failed.length === 0, message } });
  } catch (err) {
    useSync.setState({ outcome: { ok: false, message: asError(err).message } });
  } finally {
    useSync.setState({ running: false, progress: null });
    void loadSyncStatus();
  }
}

export async function loadChanges(packId: string, force = false): Promise<void> {
  const current = useSync.getState().changes[packId];
  if (current && current.status !== 'error' && !force) return;
  if (!current || current.status === 'error')
    useSync.setState((s) => ({ changes: { ...s.changes, [packId]: { status: 'loading' } } }));
  try {
    const value = await api.packChanges({ packId });
    useSync.setState((s) => ({ changes: { ...s.changes, [packId]: { status: 'ready', value } } }));
  } catch (err) {
    useSync.setState((s) => ({ changes: { ...s.changes, [packId]: { status: 'error', error: asError(err) } } }));
  }
}

/** Mark the whole list seen: removed items leave it; added and changed ones leave it when opened. */
export async function dismissChanges(packId: string): Promise<void> {
  try {
    await api.dismissChanges({ packId });
  } finally {
    await Promise.all([loadChanges(packId, true), loadSyncStatus()]);
  }
}

/** The reader's notes on a pack, saved as the annotations export file before the pack goes. */
export async function exportNotesBeforePurge(packId: string): Promise<string> {
  const { fileName, json, count } = await api.exportBeforePurge({ packId });
  saveBlob(new Blob([json], { type: 'application/json' }), fileName);
  return count === 1 ? `1 note saved as ${fileName}.` : `${count} notes saved as ${fileName}.`;
}

export async function removePack(packId: string): Promise<void> {
  await api.removePack({ packId });
  useSync.setState((s) => {
    const changes = { ...s.changes };
    delete changes[packId];
    return { changes };
  });
  void loadSyncStatus();
}

/** Opening an item makes it no longer news: drop its mark now, and let the core confirm. */
function onOpened(packId: string, kind: string, itemId: string): void {
  const load = useSync.getState().changes[packId];
  if (load?.status === 'ready') {
    const keep = <T extends { kind: string; id: string }>(list: T[]) =>
      list.filter((c) => !(c.kind === kind && c.id === itemId));
    const value = { ...load.value, added: keep(load.value.added), changed: keep(load.value.changed) };
    useSync.setState((s) => ({ changes: { ...s.changes, [packId]: { status: 'ready', value } } }));
  }
  window.setTimeout(() => {
    void loadSyncStatus();
    if (useSync.getState().changes[packId]) void loadChanges(packId, true);
  }, 1500);
}

export function initSync(): () => void {
  void loadSyncStatus();
  const offEvents = client.onEvent((event) => {
    if (event.type === 'sync-progress') {
      const { packId, objectsDone, objectsTotal, bytesDone, bytesTotal } = event;
      useSync.setState({ progress: { packId, objectsDone, objectsTotal, bytesDone, bytesTotal } });
    } else if (event.type === 'sync-finished') {
      if (!useSync.getState().running) useSync.setState({ progress: null });
      void loadSyncStatus();
    } else if (event.type === 'packs-changed') {
      const loaded = Object.keys(useSync.getState().changes);
      useSync.setState({ changes: {} });
      for (const packId of loaded) void loadChanges(packId, true);
      void loadSyncStatus();
    }
  });
  // "3 h ago" moves on; so does expiry.
  const timer = window.setInterval(() => void loadSyncStatus(), 60_000);
  let last = '';
  const onRoute = ({ route, hash }: ReturnType<typeof useNavigation.getState>) => {
    if (hash === last) return;
    last = hash;
    if (route.name === 'item') onOpened(route.packId, route.kind, route.itemId);
    if (route.name === 'changes') void loadChanges(route.packId, true);
    if (route.name === 'list' || route.name === 'pack') void loadChanges(route.packId);
  };
  onRoute(useNavigation.getState());
  const offNav = useNavigation.subscribe(onRoute);
  return () => {
    offEvents();
    offNav();
    window.clearInterval(timer);
  };
}
