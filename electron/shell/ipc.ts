// The Electron transport: one generic handler for every API method (the contract and
// its validation live in shared/api.ts and electron/api/dispatch.ts), served only to
// our own windows, and the core's events forwarded to them.
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNELS, type ApiEvent, type BriefbookApi } from '../../shared/api';
import { dispatch, type DispatchResult } from '../api/dispatch';
import { isTrustedSender, UNTRUSTED_SENDER_ERROR, type SenderInfo } from './ipcPolicy';
import { ourWebContentsIds, ourWindows } from './window';
import { isAppUrl } from './urlPolicy';

export interface IpcCore {
  api: BriefbookApi;
  onEvent(listener: (e: ApiEvent) => void): () => void;
}

function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
    webContentsId: event.sender.id,
  };
}

/** Returns a function that removes the handler and the event forwarding. */
export function setupIpc(core: IpcCore): () => void {
  ipcMain.handle(IPC_CHANNELS.invoke, async (event, method: unknown, params: unknown): Promise<DispatchResult> => {
    const sender = senderInfo(event);
    if (!isTrustedSender(sender, ourWebContentsIds())) {
      console.warn(
        `[briefbook] refused IPC call ${JSON.stringify(String(method).slice(0, 80))} from ${JSON.stringify(sender)}`,
      );
      return { ok: false, error: UNTRUSTED_SENDER_ERROR };
    }
    return dispatch(core.api, method, params);
  });
  const unsubscribe = core.onEvent((e) => {
    for (const win of ourWindows()) {
      // Only a window that is showing the app gets the app's events.
      if (isAppUrl(win.webContents.getURL())) win.webContents.send(IPC_CHANNELS.event, e);
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_CHANNELS.invoke);
  };
}
