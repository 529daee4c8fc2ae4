// "New" / "Updated" beside an item in a list, until the reader opens it.
import type { ItemKind } from '../../../shared/model';
import { useSync } from './syncState';

export function ChangeMark({ packId, kind, id }: { packId: string; kind: ItemKind; id: string }) {
  const mark = useSync((s) => {
    const load = s.changes[packId];
    if (load?.status !== 'ready') return null;
    if (load.value.added.some((c) => c.kind === kind && c.id === id)) return 'New';
    if (load.value.changed.some((c) => c.kind === kind && c.id === id)) return 'Updated';
    return null;
  });
  if (!mark) return null;
  return <span className={`change-mark change-${mark.toLowerCase()}`}>{mark}</span>;
}
