// What each screen needs is fetched here, when the route changes, not from inside
// components. The route also becomes settings.lastLocation so the app reopens there.
import { type Route } from '../lib/routes';
import { packIndex } from '../lib/packIndex';
import { openMyNotes } from '../features/annotations/store';
import { loadAnnotations } from './annotations';
import { loadSearchPage } from '../features/search/searchState';
import { ensureItem, ensurePack, loadPacks, useLibrary } from './library';
import { useNavigation } from './navigation';
import { updateSettings, useSettings } from './settings';

function load(route: Route): void {
  switch (route.name) {
    case 'library':
      void loadPacks();
      return;
    case 'settings':
    case 'not-found':
      return;
    case 'my-notes':
      openMyNotes(route.query);
      return;
    case 'search':
      loadSearchPage(route.query);
      return;
    case 'pack':
    case 'list':
    case 'changes':
      void ensurePack(route.packId);
      return;
    case 'item':
      void ensureItem({ packId: route.packId, kind: route.kind, itemId: route.itemId });
      void loadAnnotations({ packId: route.packId, kind: route.kind, itemId: route.itemId }, true);
      void ensurePack(route.packId).then(() => {
        // A meeting card shows its talking points in full: fetch them with it.
        const contents = useLibrary.getState().contents[route.packId];
        if (route.kind !== 'meeting' || contents?.status !== 'ready') return;
        for (const tp of packIndex(contents.value).talkingPointsForMeeting.get(route.itemId) ?? []) {
          void ensureItem({ packId: route.packId, kind: 'talking-point', itemId: tp.id });
        }
      });
      return;
  }
}

let saveTimer: number | undefined;

function remember(hash: string): void {
  window.clearTimeout(saveTimer);
  saveTimer = window.setTimeout(() => {
    if (useSettings.getState().settings.lastLocation !== hash) void updateSettings({ lastLocation: hash });
  }, 400);
}

export function initRouteLoader(): void {
  let last = '';
  const onChange = () => {
    const { route, hash } = useNavigation.getState();
    if (hash === last) return;
    last = hash;
    load(route);
    if (route.name !== 'not-found') remember(hash);
  };
  onChange();
  useNavigation.subscribe(onChange);
}
