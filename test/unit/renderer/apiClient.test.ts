import { describe, expect, it } from 'vitest';
import { API_METHODS } from '../../../shared/api';
import { BriefbookError } from '../../../shared/errors';
import { buildApi, createClient, toBriefbookError } from '../../../renderer/api/client';

describe('the renderer’s API client', () => {
  it('has every method of the contract, each forwarding its name and parameters', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(async (method, params) => {
      calls.push([method, params]);
      return method;
    });
    expect(Object.keys(api).sort()).toEqual([...API_METHODS].sort());
    await expect(api.getPack({ packId: 'sample' })).resolves.toBe('getPack');
    expect(calls).toEqual([['getPack', { packId: 'sample' }]]);
  });

  it('turns a serialised error into a BriefbookError and anything else into a generic one', () => {
    const known = toBriefbookError({ code: 'not-found', message: 'No such pack.', problems: [] });
    expect(known).toBeInstanceOf(BriefbookError);
    expect(known).toMatchObject({ code: 'not-found', message: 'No such pack.' });
    expect(toBriefbookError('boom')).toMatchObject({ code: 'internal' });
    expect(toBriefbookError({ code: 'nonsense', message: 'x' })).toMatchObject({ code: 'internal' });
  });

  it('opens one event subscription for all listeners and closes it with the last', () => {
    let opened = 0;
    let closed = 0;
    let emit: (e: unknown) => void = () => {};
    const client = createClient({
      invoke: async () => null,
      subscribe(listener) {
        opened++;
        emit = listener;
        return () => closed++;
      },
    });
    const seen: string[] = [];
    const offA = client.onEvent((e) => seen.push(`a:${e.type}`));
    const offB = client.onEvent((e) => seen.push(`b:${e.type}`));
    emit({ type: 'packs-changed' });
    emit('not an event');
    offA();
    offB();
    expect(seen).toEqual(['a:packs-changed', 'b:packs-changed']);
    expect([opened, closed]).toEqual([1, 1]);
  });
});
