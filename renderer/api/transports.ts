// The two ways the renderer reaches the core: Electron's preload bridge, or the
// loopback browser host (`briefbook serve`). Both are generic over method names.
import { type IpcBridge } from '../../shared/api';
import { BriefbookError } from '../../shared/errors';
import { toBriefbookError, type Transport } from './client';

export function ipcTransport(bridge: IpcBridge): Transport {
  return {
    async invoke(method, params) {
      const result = await bridge.invoke(method, params);
      if (result.ok) return result.value;
      throw toBriefbookError(result.error);
    },
    subscribe: (listener) => bridge.onEvent(listener),
  };
}

export function httpTransport(token: string, base = ''): Transport {
  return {
    async invoke(method, params) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Briefbook-Token': token },
          body: JSON.stringify(params ?? {}),
        });
      } catch {
        throw new BriefbookError(
          'offline',
          'Briefbook’s local host is not answering. Is `briefbook serve` still running?',
        );
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new BriefbookError('internal', `The local host answered ${response.status} without a readable reply.`);
      }
      const b = body as { ok?: unknown; value?: unknown; error?: unknown };
      if (response.ok && b.ok === true) return b.value;
      if (response.status === 401 || response.status === 403) {
        throw new BriefbookError(
          'unauthorized',
          'This page’s access token is missing or out of date. Open the link that `briefbook serve` printed.',
        );
      }
      throw toBriefbookError(b.error);
    },
    subscribe(listener) {
      const source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
      source.onmessage = (message: MessageEvent<string>) => {
        try {
          listener(JSON.parse(message.data));
        } catch {
          // a malformed event is ignored; the next one may be fine
        }
      };
      return () => source.close();
    },
  };
}
