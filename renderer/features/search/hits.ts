// Pure helpers for search hits: grouping by kind (keeping the core's ranking inside each
// group, and ordering groups by their best hit), labels, and where a hit deep-links to.
import type { SearchAnchor, SearchHit, SearchKind } from '../../../shared/api';
import { KIND_LABELS } from '../../../shared/model';
import { href } from '../../lib/routes';

export const SEARCH_KIND_LABELS: Record<SearchKind, { one: string; many: string }> = {
  ...KIND_LABELS,
  annotation: { one: 'Your note', many: 'Your notes' },
};

export interface HitGroup {
  kind: SearchKind;
  hits: SearchHit[];
}

/** Groups in the order of each kind's best hit, so the best hit of all comes first. */
export function groupHits(hits: readonly SearchHit[]): HitGroup[] {
  const groups = new Map<SearchKind, SearchHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.kind);
    if (list) list.push(hit);
    else groups.set(hit.kind, [hit]);
  }
  return [...groups].map(([kind, list]) => ({ kind, hits: list }));
}

/** The `at` of an item route for an anchor: "start-end" of the plain text, or "agenda-N". */
export function anchorParam(anchor: SearchAnchor | undefined): string | undefined {
  if (!anchor) return undefined;
  if (anchor.type === 'agenda') return `agenda-${anchor.index}`;
  if (anchor.end < anchor.start) return undefined;
  return `${anchor.start}-${anchor.end}`;
}

export function parseAnchorParam(at: string | undefined): SearchAnchor | undefined {
  if (!at) return undefined;
  const agenda = /^agenda-(\d+)$/.exec(at);
  if (agenda) return { type: 'agenda', index: Number(agenda[1]) };
  const range = /^(\d+)-(\d+)$/.exec(at);
  if (range && Number(range[2]) >= Number(range[1]))
    return { type: 'text', start: Number(range[1]), end: Number(range[2]) };
  return undefined;
}

export function hitHref(hit: SearchHit): string {
  return href.item(hit.packId, hit.itemKind, hit.itemId, anchorParam(hit.anchor));
}

export function hitKey(hit: SearchHit): string {
  return `${hit.kind}/${hit.packId}/${hit.itemKind}/${hit.itemId}/${hit.annotationId ?? ''}/${anchorParam(hit.anchor) ?? ''}`;
}
