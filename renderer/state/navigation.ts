// Navigation: the hash is the source of truth (deep links, reloads), this slice mirrors
// it and knows whether back/forward can go anywhere. Each history entry gets an index
// in history.state so we can tell a back from a new visit.
import { create } from 'zustand';
import { formatRoute, parseHash, type Route } from '../lib/routes';

interface NavigationState {
  route: Route;
  hash: string;
  index: number;
  maxIndex: number;
}

export const useNavigation = create<NavigationState>(() => ({
  route: parseHash(window.location.hash),
  hash: window.location.hash || '#/',
  index: 0,
  maxIndex: 0,
}));

function entryIndex(): number | null {
  const state: unknown = window.history.state;
  if (typeof state === 'object' && state !== null && typeof (state as { bbIndex?: unknown }).bbIndex === 'number') {
    return (state as { bbIndex: number }).bbIndex;
  }
  return null;
}

function sync(): void {
  const prev = useNavigation.getState();
  let index = entryIndex();
  let maxIndex = prev.maxIndex;
  if (index === null) {
    // A new entry (a link, navigate(), a typed hash): it follows the one we were on.
    index = prev.hash === window.location.hash ? prev.index : prev.index + 1;
    maxIndex = index;
    window.history.replaceState({ bbIndex: index }, '');
  }
  const hash = window.location.hash || '#/';
  useNavigation.setState({ route: parseHash(hash), hash, index, maxIndex: Math.max(maxIndex, index) });
}

export function initNavigation(startAt: string | null): void {
  if (startAt && (!window.location.hash || window.location.hash === '#/' || window.location.hash === '#')) {
    window.history.replaceState({ bbIndex: 0 }, '', startAt);
  } else if (entryIndex() === null) {
    window.history.replaceState({ bbIndex: 0 }, '');
  }
  const index = entryIndex() ?? 0;
  useNavigation.setState({ index, maxIndex: index });
  sync();
  window.addEventListener('hashchange', sync);
}

export function navigate(to: Route | string, options: { replace?: boolean } = {}): void {
  const hash = typeof to === 'string' ? to : formatRoute(to);
  if (hash === window.location.hash) return;
  if (options.replace) {
    window.history.replaceState({ bbIndex: useNavigation.getState().index }, '', hash);
    sync();
  } else {
    window.location.hash = hash;
  }
}

export const canGoBack = (s: NavigationState) => s.index > 0;
export const canGoForward = (s: NavigationState) => s.index < s.maxIndex;

export function goBack(): void {
  if (canGoBack(useNavigation.getState())) window.history.back();
}

export function goForward(): void {
  if (canGoForward(useNavigation.getState())) window.history.forward();
}
