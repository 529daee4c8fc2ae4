// Every screen has a hash route, so any item can be deep-linked (from search, the PDF,
// a note) and back/forward work like a browser's. Parsing is total: an unknown hash
// becomes a `not-found` route that says what was asked for.
import { ITEM_KINDS, ID_PATTERN, type ItemKind } from '../../shared/model';

export type ListName = 'schedule' | 'officials' | 'talking-points' | 'notes';

export type Route =
  | { name: 'library' }
  | { name: 'settings' }
  | { name: 'workshop' }
  | { name: 'search'; query: Record<string, string> }
  | { name: 'pack'; packId: string }
  | { name: 'changes'; packId: string }
  | { name: 'list'; packId: string; list: ListName; query: Record<string, string>; day?: string }
  /** `at`: a place in the item to show, from a search hit: "start-end" in its plain text or "agenda-N". */
  | { name: 'item'; packId: string; kind: ItemKind; itemId: string; at?: string }
  | { name: 'my-notes'; query: Record<string, string> }
  | { name: 'not-found'; hash: string };

const LISTS: readonly ListName[] = ['schedule', 'officials', 'talking-points', 'notes'];
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const AT_RE = /^(\d{1,7}-\d{1,7}|agenda-\d{1,4})$/;

function isKind(s: string): s is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(s);
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const query = Object.fromEntries(new URLSearchParams(search));
  if (parts.length === 0) return { name: 'library' };
  if (parts.length === 1 && parts[0] === 'settings') return { name: 'settings' };
  if (parts.length === 1 && parts[0] === 'notes') return { name: 'my-notes', query };
  if (parts.length === 1 && parts[0] === 'workshop') return { name: 'workshop' };
  if (parts.length === 1 && parts[0] === 'search') return { name: 'search', query };
  if (parts[0] === 'pack' && parts[1] && ID_PATTERN.test(parts[1])) {
    const packId = parts[1];
    if (parts.length === 2) return { name: 'pack', packId };
    const third = parts[2]!;
    if (parts.length === 3 && third === 'changes') return { name: 'changes', packId };
    if (parts.length === 3 && third === 'meetings') return { name: 'list', packId, list: 'schedule', query };
    if ((LISTS as readonly string[]).includes(third)) {
      const list = third as ListName;
      if (parts.length === 3) return { name: 'list', packId, list, query };
      if (parts.length === 4 && list === 'schedule' && DAY_RE.test(parts[3]!)) {
        return { name: 'list', packId, list, query, day: parts[3]! };
      }
    }
    if (parts.length === 4 && isKind(third) && ID_PATTERN.test(parts[3]!)) {
      const at = query.at && AT_RE.test(query.at) ? query.at : undefined;
      return at
        ? { name: 'item', packId, kind: third, itemId: parts[3]!, at }
        : { name: 'item', packId, kind: third, itemId: parts[3]! };
    }
  }
  return { name: 'not-found', hash: raw };
}

function withQuery(path: string, query: Record<string, string> | undefined): string {
  const entries = Object.entries(query ?? {}).filter(([, v]) => v !== '');
  return entries.length ? `${path}?${new URLSearchParams(entries).toString()}` : path;
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'library':
      return '#/';
    case 'settings':
      return '#/settings';
    case 'workshop':
      return '#/workshop';
    case 'search':
      return withQuery('#/search', route.query);
    case 'changes':
      return `#/pack/${route.packId}/changes`;
    case 'pack':
      return `#/pack/${route.packId}`;
    case 'list':
      return withQuery(`#/pack/${route.packId}/${route.list}${route.day ? `/${route.day}` : ''}`, route.query);
    case 'item':
      return withQuery(`#/pack/${route.packId}/${route.kind}/${route.itemId}`, route.at ? { at: route.at } : {});
    case 'my-notes':
      return withQuery('#/notes', route.query);
    case 'not-found':
      return `#${route.hash}`;
  }
}

export const href = {
  library: () => '#/',
  settings: () => '#/settings',
  myNotes: (query?: Record<string, string>) => withQuery('#/notes', query),
  workshop: () => '#/workshop',
  search: (query: Record<string, string>) => formatRoute({ name: 'search', query }),
  changes: (packId: string) => `#/pack/${packId}/changes`,
  pack: (packId: string) => `#/pack/${packId}`,
  list: (packId: string, list: ListName, query?: Record<string, string>) =>
    formatRoute({ name: 'list', packId, list, query: query ?? {} }),
  day: (packId: string, day: string) => formatRoute({ name: 'list', packId, list: 'schedule', query: {}, day }),
  item: (packId: string, kind: ItemKind, itemId: string, at?: string) =>
    formatRoute(at ? { name: 'item', packId, kind, itemId, at } : { name: 'item', packId, kind, itemId }),
};

export function routePackId(route: Route): string | null {
  return 'packId' in route ? route.packId : null;
}
