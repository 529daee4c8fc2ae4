import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../shared/api';
import { anchorParam, groupHits, hitHref, parseAnchorParam } from '../../../renderer/features/search/hits';
import { parseHash } from '../../../renderer/lib/routes';

const hit = (kind: SearchHit['kind'], itemId: string, anchor?: SearchHit['anchor']): SearchHit => ({
  kind,
  packId: 'sample',
  itemKind: kind === 'annotation' ? 'note' : kind,
  itemId,
  title: itemId,
  subtitle: '',
  score: 1,
  snippet: [],
  ...(anchor ? { anchor } : {}),
});

describe('search hits', () => {
  it('groups by kind in the order of each kind’s best hit, keeping the ranking inside a group', () => {
    const groups = groupHits([hit('meeting', 'a'), hit('official', 'b'), hit('meeting', 'c'), hit('annotation', 'd')]);
    expect(groups.map((g) => g.kind)).toEqual(['meeting', 'official', 'annotation']);
    expect(groups[0]!.hits.map((h) => h.itemId)).toEqual(['a', 'c']);
  });

  it('deep-links to an agenda entry or a text range, and the route reads it back', () => {
    const agenda = hitHref(hit('meeting', 'bilateral', { type: 'agenda', index: 2 }));
    expect(agenda).toBe('#/pack/sample/meeting/bilateral?at=agenda-2');
    expect(parseHash(agenda)).toEqual({
      name: 'item',
      packId: 'sample',
      kind: 'meeting',
      itemId: 'bilateral',
      at: 'agenda-2',
    });
    const text = hitHref(hit('official', 'tanaka', { type: 'text', start: 38, end: 46 }));
    expect(text).toBe('#/pack/sample/official/tanaka?at=38-46');
    expect(parseAnchorParam('38-46')).toEqual({ type: 'text', start: 38, end: 46 });
    expect(hitHref(hit('note', 'glossary'))).toBe('#/pack/sample/note/glossary');
  });

  it('ignores anchors that cannot be places', () => {
    expect(anchorParam({ type: 'text', start: 9, end: 3 })).toBeUndefined();
    expect(parseAnchorParam('9-3')).toBeUndefined();
    expect(parseAnchorParam('javascript:alert(1)')).toBeUndefined();
    expect(parseHash('#/pack/sample/note/glossary?at=<b>')).toEqual({
      name: 'item',
      packId: 'sample',
      kind: 'note',
      itemId: 'glossary',
    });
  });

  it('parses the results page route with its filters', () => {
    expect(parseHash('#/search?q=cable%20security&country=Japan')).toEqual({
      name: 'search',
      query: { q: 'cable security', country: 'Japan' },
    });
  });
});
