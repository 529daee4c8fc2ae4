// Builds the typed BriefbookApi by looping over the contract's method list: no
// per-method code, so a method added to shared/api.ts is callable here at once.
import {
  API_METHODS,
  type ApiClient,
  type ApiEvent,
  type ApiEventListener,
  type ApiMethod,
  type BriefbookApi,
} from '../../shared/api';
import { BriefbookError, ERROR_CODES, deserializeError, type SerializedError } from '../../shared/errors';

/** One call over some wire: resolves to the value or rejects with a BriefbookError. */
export type Invoke = (method: ApiMethod, params: unknown) => Promise<unknown>;

export interface Transport {
  invoke: Invoke;
  subscribe(listener: (event: unknown) => void): () => void;
}

export function buildApi(invoke: Invoke): BriefbookApi {
  return Object.fromEntries(
    API_METHODS.map((method) => [method, (params: unknown) => invoke(method, params ?? {})]),
  ) as BriefbookApi;
}

/** Events are passed on by their `type`; listeners ignore the types they do not know. */
export function isApiEvent(value: unknown): value is ApiEvent {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** Turn whatever came back as an error into a BriefbookError with a readable message. */
export function toBriefbookError(error: unknown): BriefbookError {
  if (typeof error === 'object' && error !== null) {
    const e = error as Partial<SerializedError>;
    if (typeof e.message === 'string' && ERROR_CODES.includes(e.code as never)) {
      return deserializeError({
        code: e.code!,
        message: e.message,
        problems: Array.isArray(e.problems) ? e.problems : [],
      });
    }
  }
  return new BriefbookError('internal', 'Briefbook could not complete that request.');
}

export function createClient(transport: Transport): ApiClient {
  const listeners = new Set<ApiEventListener>();
  let unsubscribe: (() => void) | null = null;
  return {
    api: buildApi(transport.invoke),
    onEvent(listener) {
      listeners.add(listener);
      unsubscribe ??= transport.subscribe((event) => {
        if (isApiEvent(event)) for (const l of listeners) l(event);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && unsubscribe) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}
