import type { ItemDetail } from '../../shared/api';
import type { PackItemOf } from '../../shared/model';
import { Markdown } from '../components/Markdown';
import { ReaderNotes } from '../components/ReaderNotes';
import { StarButton } from '../components/StarButton';
import { AnnotatedText } from '../features/annotations';

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
      <AnnotatedText item={{ packId: item.packId, kind: 'note', itemId: item.id }} body={item.body}>
        <Markdown source={item.body} packId={item.packId} />
      </AnnotatedText>
      <ReaderNotes item={{ packId: item.packId, kind: 'note', itemId: item.id }} about="this note" />
    </article>
  );
}
