import type { ApiEvent, ApiEventListener } from '../../shared/api';

/** A minimal typed event hub: the core emits, transports forward to their clients. */
export function createEventHub() {
  const listeners = new Set<ApiEventListener>();
  return {
    on(listener: ApiEventListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event: ApiEvent): void {
      for (const l of listeners) {
        try {
          l(event);
        } catch (err) {
          console.error('[briefbook] event listener failed', err);
        }
      }
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;
