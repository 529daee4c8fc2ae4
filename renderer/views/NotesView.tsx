import { ChangeMark } from '../features/sync/ChangeMark';
import { href } from '../lib/routes';
import type { ListProps } from './ListView';

export function NotesView({ packId, index }: ListProps) {
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">Background</p>
        <h1 tabIndex={-1}>Background notes</h1>
      </header>
      {index.notes.length === 0 ? (
        <p className="empty">This book has no background notes.</p>
      ) : (
        <ul className="row-list">
          {index.notes.map((n) => (
            <li key={n.id} className="row">
              <div>
                <a href={href.item(packId, 'note', n.id)} className="row-title stretched-link">
                  {n.title}
                  <ChangeMark packId={packId} kind="note" id={n.id} />
                </a>
                {n.data.tags.length > 0 && <p className="muted">{n.data.tags.join(' · ')}</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
