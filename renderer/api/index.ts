// Picks the transport this window has: the Electron bridge when the preload put one
// on `window`, otherwise the browser host with the page's token.
import { type ApiClient, type IpcBridge } from '../../shared/api';
import { BriefbookError } from '../../shared/errors';
import { buildApi, createClient } from './client';
import { takeToken } from './token';
import { httpTransport, ipcTransport } from './transports';

declare global {
  interface Window {
    briefbookIpc?: IpcBridge;
  }
}

export type TransportKind = 'electron' | 'browser-host' | 'none';

function connect(): { client: ApiClient; kind: TransportKind } {
  if (window.briefbookIpc) return { client: createClient(ipcTransport(window.briefbookIpc)), kind: 'electron' };
  const token = takeToken();
  if (token) return { client: createClient(httpTransport(token)), kind: 'browser-host' };
  const refuse = () =>
    Promise.reject(
      new BriefbookError(
        'unauthorized',
        'Open Briefbook with the link that `briefbook serve` printed (it carries a token).',
      ),
    );
  return { client: { api: buildApi(refuse), onEvent: () => () => {} }, kind: 'none' };
}

const connection = connect();
export const client = connection.client;
export const api = connection.client.api;
export const transportKind = connection.kind;

/** Open a web page outside the app: Electron's main process routes this to the OS browser. */
export function openExternal(url: string): void {
  window.open(url, '_blank', 'noopener');
}
