// The object the preload exposes as `window.briefbookIpc`. Pure (it is handed an
// ipcRenderer-like object) so the method filter is unit-tested without Electron.
// Generic by design: one `invoke` for every method of the contract, refusing any name
// that is not in it before anything crosses the process boundary, and one event
// subscription that hands the page only the payload, never Electron's event object
// (which would leak `sender`, i.e. ipcRenderer itself).
import type { IpcBridge } from '../../shared/api';
import { IPC_CHANNELS } from '../../shared/apiMethods';
import { type SerializedError } from '../../shared/errors';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

type BridgeResult = Awaited<ReturnType<IpcBridge['invoke']>>;

function failure(code: SerializedError['code'], message: string): BridgeResult {
  return { ok: false, error: { code, message, problems: [] } satisfies SerializedError };
}

/** Null when `method` may be sent to the main process, else the refusal to return. */
export function refuseMethod(method: unknown, allowed: ReadonlySet<string>): BridgeResult | null {
  if (typeof method === 'string' && allowed.has(method)) return null;
  const shown = typeof method === 'string' ? JSON.stringify(method.slice(0, 80)) : typeof method;
  return failure('invalid-input', `Unknown API method ${shown}.`);
}

function isBridgeResult(value: unknown): value is BridgeResult {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createIpcBridge(ipc: IpcRendererLike, methods: readonly string[]): IpcBridge {
  const allowed: ReadonlySet<string> = new Set(methods);
  return {
    async invoke(method, params) {
      const refused = refuseMethod(method, allowed);
      if (refused) return refused;
      try {
        const result = await ipc.invoke(IPC_CHANNELS.invoke, method, params);
        return isBridgeResult(result) ? result : failure('internal', 'The Briefbook core sent a malformed reply.');
      } catch {
        return failure('internal', 'The Briefbook core did not answer. Restart the app; details are in its log.');
      }
    },
    onEvent(listener) {
      if (typeof listener !== 'function') throw new TypeError('onEvent expects a function');
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(IPC_CHANNELS.event, forward);
      return () => {
        ipc.removeListener(IPC_CHANNELS.event, forward);
      };
    },
  } satisfies IpcBridge;
}
