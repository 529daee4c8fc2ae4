// The export slice: whether the dialog is open (and for what), and the one export that
// may be running: progress from 'export-progress' events, then its result or error.
import { create } from 'zustand';
import { type AppInfo, type ExportPdfResult, type ExportScope } from '../../../shared/api';
import { api, client } from '../../api';
import { asError } from '../../state/load';
import { base64ToBlob, saveBlob } from './download';
import { cleanFileName, exportsFolder, separator } from './names';

export interface ExportRequest {
  packId: string;
  scope: ExportScope;
  notes: boolean;
  paper: 'a4' | 'letter';
  watermark: string;
  fileName: string;
}

interface ExportState {
  open: { packId: string; preset: ExportScope | null } | null;
  appInfo: AppInfo | null;
  running: boolean;
  progress: { pages: number; itemsDone: number; itemsTotal: number } | null;
  result: ExportPdfResult | null;
  error: string | null;
  saved: string | null;
}

export const useExport = create<ExportState>(() => ({
  open: null,
  appInfo: null,
  running: false,
  progress: null,
  result: null,
  error: null,
  saved: null,
}));

export function openExport(packId: string, preset: ExportScope | null = null): void {
  useExport.setState({ open: { packId, preset }, result: null, error: null, progress: null, saved: null });
  if (!useExport.getState().appInfo)
    void api
      .appInfo({})
      .then((appInfo) => useExport.setState({ appInfo }))
      .catch(() => {});
}

export function closeExport(): void {
  useExport.setState({ open: null });
}

export async function runExport(request: ExportRequest): Promise<void> {
  const info = useExport.getState().appInfo ?? (await api.appInfo({}));
  useExport.setState({ appInfo: info, running: true, progress: null, result: null, error: null, saved: null });
  const outPath = `${exportsFolder(info.dataDir)}${separator(info.dataDir)}${cleanFileName(request.fileName)}`;
  try {
    const result = await api.exportPdf({
      packId: request.packId,
      scope: request.scope,
      notes: request.notes,
      paper: request.paper,
      outPath,
      ...(request.watermark.trim() ? { watermark: request.watermark.trim() } : {}),
    });
    useExport.setState({ result });
  } catch (err) {
    useExport.setState({ error: asError(err).message });
  } finally {
    useExport.setState({ running: false });
  }
}

/** Save a copy of the exported PDF where the browser saves downloads. */
export async function downloadResult(): Promise<void> {
  const result = useExport.getState().result;
  if (!result) return;
  try {
    useExport.setState({ saved: `${await saveCopyOfExport(result.path)} downloaded.` });
  } catch (err) {
    useExport.setState({ saved: asError(err).message });
  }
}

export function initExportEvents(): () => void {
  return client.onEvent((event) => {
    if (event.type !== 'export-progress' || !useExport.getState().running) return;
    useExport.setState({
      progress: { pages: event.pages, itemsDone: event.itemsDone, itemsTotal: event.itemsTotal },
    });
  });
}

/** Saves a copy of a file the core wrote into exports/ where the browser saves downloads; returns its name. */
export async function saveCopyOfExport(writtenPath: string): Promise<string> {
  const file = await api.readExport({ fileName: writtenPath.split(/[\\/]/).pop()! });
  saveBlob(base64ToBlob(file.base64, file.mime), file.fileName);
  return file.fileName;
}
