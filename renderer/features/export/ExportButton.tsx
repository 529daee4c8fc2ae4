// "Export PDF…" in the sidebar of an open book; starts from what is on screen (this
// meeting's card, this official's profile, this day) when there is something to start from.
import type { ExportScope } from '../../../shared/api';
import type { Route } from '../../lib/routes';
import { useNavigation } from '../../state/navigation';
import { openExport } from './exportState';

function presetFor(route: Route): ExportScope | null {
  if (route.name === 'item' && route.kind === 'meeting') return { kind: 'meeting', id: route.itemId };
  if (route.name === 'item' && route.kind === 'official') return { kind: 'officials', ids: [route.itemId] };
  if (route.name === 'list' && route.list === 'schedule' && route.day) return { kind: 'day', date: route.day };
  return null;
}

export function ExportButton({ packId }: { packId: string }) {
  return (
    <button
      type="button"
      className="search-button export-button"
      onClick={() => openExport(packId, presetFor(useNavigation.getState().route))}
    >
      <span>Export PDF…</span>
    </button>
  );
}
