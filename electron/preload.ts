// Runs in the sandboxed renderer before the page. Exposes exactly one object,
// `window.briefbookIpc`, a generic bridge over the API contract: the method list comes
// from shared/api.ts (bundled in), so there is no per-method code to keep in sync.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, type IpcBridge } from '../shared/api';
import { createIpcBridge } from './shell/bridge';

const briefbookIpc = createIpcBridge(ipcRenderer, API_METHODS);

contextBridge.exposeInMainWorld('briefbookIpc', briefbookIpc satisfies IpcBridge);
