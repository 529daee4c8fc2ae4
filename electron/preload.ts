// Runs in the sandboxed renderer before the page. Exposes exactly one object,
// `window.briefbookIpc`, a generic bridge over the API contract: the method names come
// from shared/apiMethods.ts (checked against the contract when it compiles), so there is
// no per-method code to keep in sync, and the contract's schemas are not bundled here
// (the core validates every call).
import { contextBridge, ipcRenderer } from 'electron';
import type { IpcBridge } from '../shared/api';
import { API_METHOD_NAMES } from '../shared/apiMethods';
import { createIpcBridge } from './shell/bridge';

const briefbookIpc = createIpcBridge(ipcRenderer, API_METHOD_NAMES);

contextBridge.exposeInMainWorld('briefbookIpc', briefbookIpc satisfies IpcBridge);
