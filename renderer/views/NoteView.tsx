import type { ItemDetail } from '../../shared/api';
import type { PackItemOf } from '../../shared/model';
import { Markdown } from '../components/Markdown';
import { StarButton } from '../components/StarButton';

export function NoteView({ item }: { item: ItemDetail & PackItemOf<'note'> }) {
  return (
    <article className="page">
      <header className="page-header">
        <p className="eyebrow">Background note{item.data.tags.length ? ` · ${item.data.tags.join(', ')}` : ''}</p>
        <h1 tabIndex={-1}>{item.data.title}</h1>
        <p className="header-row">
          <StarButton item={item} />
        </p>
      </header>
      <Markdown source={item.body} packId={item.packId} />
    </article>
  );
}
