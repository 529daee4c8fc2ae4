import { describe, expect, it } from 'vitest';
import { API_METHODS, IPC_CHANNELS } from '../../../shared/api';
import { createIpcBridge, refuseMethod, type IpcRendererLike } from '../../../electron/shell/bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

/** A stand-in for ipcRenderer that records what crosses the process boundary. */
function fakeIpc(
  reply: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 'v' }),
) {
  const sent: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: IpcRendererLike = {
    invoke: (channel, ...args) => {
      sent.push([channel, ...args]);
      return reply(channel, ...args);
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, payload: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipcRenderer itself' }, payload);
  };
  return { ipc, sent, emit, listeners };
}

describe('refuseMethod', () => {
  const allowed = new Set<string>(API_METHODS);

  it('lets every method of the contract through', () => {
    for (const m of API_METHODS) expect(refuseMethod(m, allowed)).toBeNull();
  });

  it.each([
    ['constructor'],
    ['__proto__'],
    ['toString'],
    ['hasOwnProperty'],
    ['listpacks'],
    [' listPacks'],
    [''],
    ['shell.openExternal'],
  ])('refuses %j', (name) => {
    expect(refuseMethod(name, allowed)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses non-strings', () => {
    for (const v of [undefined, null, 1, {}, ['listPacks']])
      expect(refuseMethod(v, allowed)).toMatchObject({ ok: false });
  });
});

describe('createIpcBridge', () => {
  it('sends a known method on the invoke channel and returns the reply', async () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createIpcBridge(ipc, API_METHODS);
    await expect(bridge.invoke('listPacks', {})).resolves.toEqual({ ok: true, value: 'v' });
    expect(sent).toEqual([[IPC_CHANNELS.invoke, 'listPacks', {}]]);
  });

  it('never sends an unknown method to the main process', async () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createIpcBridge(ipc, API_METHODS);
    await expect(bridge.invoke('deleteEverything', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    await expect(bridge.invoke('__proto__', {})).resolves.toMatchObject({ ok: false });
    expect(sent).toEqual([]);
  });

  it('turns a failed or malformed reply into an error result', async () => {
    const failing = createIpcBridge(fakeIpc(async () => Promise.reject(new Error('no handler'))).ipc, API_METHODS);
    await expect(failing.invoke('appInfo', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    const odd = createIpcBridge(fakeIpc(async () => 'surprise').ipc, API_METHODS);
    await expect(odd.invoke('appInfo', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('hands listeners the payload only, and unsubscribes', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const bridge = createIpcBridge(ipc, API_METHODS);
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args: unknown[]) => seen.push(args));
    emit(IPC_CHANNELS.event, { type: 'packs-changed' });
    expect(seen).toEqual([[{ type: 'packs-changed' }]]);
    off();
    emit(IPC_CHANNELS.event, { type: 'packs-changed' });
    expect(seen).toHaveLength(1);
    expect(listeners.get(IPC_CHANNELS.event)?.size).toBe(0);
  });
});
