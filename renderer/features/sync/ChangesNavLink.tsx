import { href } from '../../lib/routes';
import { useSync } from './syncState';

/** "What changed" in a book's navigation, with the count, while there is something to see. */
export function ChangesNavLink({ packId, current }: { packId: string; current: boolean }) {
  const count = useSync((s) => s.status?.subscriptions.find((x) => x.packId === packId)?.unreadChanges ?? 0);
  if (count === 0 && !current) return null;
  return (
    <li>
      <a href={href.changes(packId)} className="nav-link nav-changes" aria-current={current ? 'page' : undefined}>
        What changed
        {count > 0 && (
          <span className="change-count">
            {count}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </a>
    </li>
  );
}
