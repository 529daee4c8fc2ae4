import type { ItemDetail } from '../../shared/api';
import { setStarred } from '../state/library';

export function StarButton({ item }: { item: ItemDetail }) {
  return (
    <button
      type="button"
      className={`star-button${item.starred ? ' is-starred' : ''}`}
      aria-pressed={item.starred}
      onClick={() => void setStarred({ packId: item.packId, kind: item.kind, itemId: item.id }, !item.starred)}
    >
      <span aria-hidden="true">{item.starred ? '★' : '☆'}</span> {item.starred ? 'Starred' : 'Star'}
    </button>
  );
}
