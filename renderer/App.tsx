import { useEffect, useRef } from 'react';
import { Sidebar } from './components/Sidebar';
import { SearchPalette } from './features/search/SearchPalette';
import { SearchPage } from './features/search/SearchPage';
import { ExportDialog } from './features/export/ExportDialog';
import { ChangesView } from './features/sync/ChangesView';
import { ExpiryBanner } from './features/sync/ExpiryBanner';
import { SyncStatusLine } from './features/sync/SyncStatusLine';
import { MyNotesView, Toasts } from './features/annotations';
import { routePackId, type Route } from './lib/routes';
import { usePackContents } from './state/hooks';
import { canGoBack, canGoForward, goBack, goForward, useNavigation } from './state/navigation';
import { usePalette } from './state/palette';
import { ItemView } from './views/ItemView';
import { LibraryView } from './views/LibraryView';
import { ListView } from './views/ListView';
import { NotFoundView } from './views/NotFoundView';
import { PackHome } from './views/PackHome';
import { SettingsView } from './views/SettingsView';
import { WorkshopView } from './workshop/WorkshopView';

/** Focus the screen's h1 as soon as it is rendered (data may still be loading). */
function focusHeadingWhenShown(main: HTMLElement): () => void {
  const tryFocus = () => {
    const heading = main.querySelector<HTMLElement>('h1');
    if (!heading) return false;
    heading.focus({ preventScroll: true });
    return true;
  };
  if (tryFocus()) return () => {};
  main.focus({ preventScroll: true });
  const observer = new MutationObserver(() => {
    if (tryFocus()) observer.disconnect();
  });
  observer.observe(main, { childList: true, subtree: true });
  const timer = window.setTimeout(() => observer.disconnect(), 5000);
  return () => {
    observer.disconnect();
    window.clearTimeout(timer);
  };
}

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'library':
      return <LibraryView />;
    case 'settings':
      return <SettingsView />;
    case 'workshop':
      return <WorkshopView />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'changes':
      return <ChangesView packId={route.packId} />;
    case 'pack':
      return <PackHome packId={route.packId} />;
    case 'list':
      return <ListView route={route} />;
    case 'item':
      return <ItemView packId={route.packId} kind={route.kind} itemId={route.itemId} />;
    case 'my-notes':
      return <MyNotesView />;
    case 'not-found':
      return <NotFoundView hash={route.hash} />;
  }
}

/** The pack's classification marking, printed at the top and bottom like on paper. */
function Classification({ packId, position }: { packId: string | null; position: 'top' | 'bottom' }) {
  const contents = usePackContents(packId ?? '');
  if (!packId || contents?.status !== 'ready') return null;
  const { classification, preparedFor } = contents.value.pack;
  return (
    <div className={`classification classification-${position}`}>
      <strong>{classification}</strong>
      {position === 'top' && preparedFor && <span className="classification-for">Prepared for {preparedFor}</span>}
    </div>
  );
}

function Toolbar() {
  const back = useNavigation(canGoBack);
  const forward = useNavigation(canGoForward);
  const packId = useNavigation((s) => routePackId(s.route));
  return (
    <header className="topbar">
      <div className="history-buttons">
        <button type="button" onClick={goBack} disabled={!back} aria-label="Back" title="Back (Alt+←)">
          ←
        </button>
        <button type="button" onClick={goForward} disabled={!forward} aria-label="Forward" title="Forward (Alt+→)">
          →
        </button>
      </div>
      <SyncStatusLine />
      <Classification packId={packId} position="top" />
    </header>
  );
}

export function App() {
  const route = useNavigation((s) => s.route);
  const hash = useNavigation((s) => s.hash);
  const paletteOpen = usePalette((s) => s.open);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  const lastRoute = useRef(route.name);

  // After a navigation, start at the top and put focus on the new screen, so keyboard
  // and screen-reader users land where sighted users look.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Refining a search (typing, filters) stays on the same screen: keep focus where it is.
    const refining = lastRoute.current === 'search' && useNavigation.getState().route.name === 'search';
    lastRoute.current = useNavigation.getState().route.name;
    if (refining) return;
    window.scrollTo(0, 0);
    const main = mainRef.current;
    if (!main) return;
    return focusHeadingWhenShown(main);
  }, [hash]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#/"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <Sidebar />
      <div className="content">
        <Toolbar />
        <ExpiryBanner packId={routePackId(route)} />
        <main id="main" ref={mainRef} tabIndex={-1}>
          <View route={route} />
        </main>
        <footer>
          <Classification packId={routePackId(route)} position="bottom" />
        </footer>
      </div>
      {paletteOpen && <SearchPalette />}
      <ExportDialog />
      <Toasts />
    </div>
  );
}
