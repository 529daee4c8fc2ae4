import { KIND_LABELS } from '../../shared/model';
import { formatDay } from '../../shared/time';
import { shortcutLabel } from '../lib/keyboard';
import { href, routePackId, type Route } from '../lib/routes';
import { usePackContents } from '../state/hooks';
import { useNavigation } from '../state/navigation';
import { openPalette } from '../state/palette';
import { ReadingControls } from './ReadingControls';
import { ExportButton } from '../features/export/ExportButton';
import { ChangesNavLink } from '../features/sync/ChangesNavLink';

function NavLink({ to, current, children }: { to: string; current: boolean; children: React.ReactNode }) {
  return (
    <a href={to} className="nav-link" aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}

function section(route: Route): string {
  if (route.name === 'pack') return 'home';
  if (route.name === 'list') return route.list;
  if (route.name === 'item') {
    return { official: 'officials', meeting: 'schedule', 'talking-point': 'talking-points', note: 'notes' }[route.kind];
  }
  return route.name;
}

function PackNav({ packId, active }: { packId: string; active: string }) {
  const contents = usePackContents(packId);
  const pack = contents?.status === 'ready' ? contents.value.pack : null;
  return (
    <>
      {pack && (
        <div className="sidebar-pack">
          <p className="sidebar-pack-title">{pack.event.name}</p>
          <p className="sidebar-pack-meta">
            {formatDay(pack.event.start)} – {formatDay(pack.event.end)}
            <br />
            {pack.event.location}
          </p>
        </div>
      )}
      <ul className="nav-list">
        <li>
          <NavLink to={href.pack(packId)} current={active === 'home'}>
            Overview
          </NavLink>
        </li>
        <li>
          <NavLink to={href.list(packId, 'schedule')} current={active === 'schedule'}>
            Schedule
          </NavLink>
        </li>
        <li>
          <NavLink to={href.list(packId, 'officials')} current={active === 'officials'}>
            {KIND_LABELS.official.many}
          </NavLink>
        </li>
        <li>
          <NavLink to={href.list(packId, 'talking-points')} current={active === 'talking-points'}>
            {KIND_LABELS['talking-point'].many}
          </NavLink>
        </li>
        <li>
          <NavLink to={href.list(packId, 'notes')} current={active === 'notes'}>
            {KIND_LABELS.note.many}
          </NavLink>
        </li>
        <ChangesNavLink packId={packId} current={active === 'changes'} />
      </ul>
    </>
  );
}

export function Sidebar() {
  const route = useNavigation((s) => s.route);
  const packId = routePackId(route);
  const active = section(route);
  return (
    <nav className="sidebar" aria-label="Briefing book">
      <a className="brand" href={href.library()} aria-current={route.name === 'library' ? 'page' : undefined}>
        <span className="brand-mark" aria-hidden="true">
          B
        </span>
        <span>
          Briefbook
          <span className="brand-sub">Library</span>
        </span>
      </a>
      {packId && <PackNav packId={packId} active={active} />}
      <button type="button" className="search-button" onClick={openPalette}>
        <span>Search</span>
        <kbd>{shortcutLabel('K')}</kbd>
      </button>
      {packId && <ExportButton packId={packId} />}
      <div className="sidebar-foot">
        <ReadingControls />
        <a
          className="nav-link nav-workshop"
          href={href.workshop()}
          aria-current={route.name === 'workshop' ? 'page' : undefined}
        >
          Workshop
        </a>
        <a
          className="nav-link nav-my-notes"
          href={href.myNotes()}
          aria-current={active === 'my-notes' ? 'page' : undefined}
        >
          My notes
        </a>
        <a
          className="nav-link nav-settings"
          href={href.settings()}
          aria-current={active === 'settings' ? 'page' : undefined}
        >
          Settings
        </a>
      </div>
    </nav>
  );
}
