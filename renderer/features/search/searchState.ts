// The search slice: the palette's type-ahead and the results page, both on the core's
// `search` (every installed pack and the reader's notes). Typing only sets state; the
// call goes out after a short pause, and an answer that arrives after a newer query
// was sent is dropped, so the input never waits on the core and results never go back.
import { create } from 'zustand';
import type { SearchHit } from '../../../shared/api';
import { api } from '../../api';
import { ensurePack, loadPacks, useLibrary } from '../../state/library';
import { asError } from '../../state/load';

export interface SearchView {
  /** The query these results are for (a newer one may be pending). */
  query: string;
  hits: SearchHit[] | null;
  pending: boolean;
  error: string | null;
}

const EMPTY: SearchView = { query: '', hits: null, pending: false, error: null };

interface SearchState {
  palette: SearchView;
  page: SearchView & { key: string };
}

export const useSearch = create<SearchState>(() => ({ palette: EMPTY, page: { ...EMPTY, key: '' } }));

export const PALETTE_LIMIT = 30;
export const PAGE_LIMIT = 200;
const TYPE_AHEAD_PAUSE_MS = 90;

let paletteTimer: number | undefined;
let paletteSeq = 0;

/** The palette's query changed: show it at once, search after a short pause. */
export function searchInPalette(query: string): void {
  window.clearTimeout(paletteTimer);
  const seq = ++paletteSeq;
  if (!query.trim()) {
    useSearch.setState({ palette: EMPTY });
    return;
  }
  useSearch.setState((s) => ({ palette: { ...s.palette, pending: true } }));
  paletteTimer = window.setTimeout(() => {
    api
      .search({ query, limit: PALETTE_LIMIT })
      .then((r) => {
        if (seq === paletteSeq) useSearch.setState({ palette: { query, hits: r.hits, pending: false, error: null } });
      })
      .catch((err: unknown) => {
        if (seq === paletteSeq)
          useSearch.setState({ palette: { query, hits: null, pending: false, error: asError(err).message } });
      });
  }, TYPE_AHEAD_PAUSE_MS);
}

export function resetPalette(): void {
  window.clearTimeout(paletteTimer);
  paletteSeq++;
  useSearch.setState({ palette: EMPTY });
}

let pageSeq = 0;

/** The results page's URL changed (#/search?q=…&pack=…&country=…): fetch its results. */
export function loadSearchPage(query: Record<string, string>): void {
  // The pack and country filters list what is installed.
  void loadPacks().then(() => {
    const packs = useLibrary.getState().packs;
    if (packs?.status === 'ready') for (const p of packs.value) void ensurePack(p.id);
  });
  const q = query.q ?? '';
  const key = JSON.stringify([q, query.pack ?? '', query.country ?? '']);
  if (useSearch.getState().page.key === key && !useSearch.getState().page.error) return;
  const seq = ++pageSeq;
  if (!q.trim()) {
    useSearch.setState({ page: { ...EMPTY, key } });
    return;
  }
  useSearch.setState((s) => ({ page: { ...s.page, key, pending: true } }));
  api
    .search({
      query: q,
      limit: PAGE_LIMIT,
      ...(query.pack ? { packId: query.pack } : {}),
      ...(query.country ? { country: query.country } : {}),
    })
    .then((r) => {
      if (seq === pageSeq) useSearch.setState({ page: { query: q, key, hits: r.hits, pending: false, error: null } });
    })
    .catch((err: unknown) => {
      if (seq === pageSeq)
        useSearch.setState({ page: { query: q, key, hits: null, pending: false, error: asError(err).message } });
    });
}

/** After packs change, cached results may point at items that moved: search again next time. */
export function forgetSearchResults(): void {
  useSearch.setState((s) => ({ page: { ...s.page, key: '' } }));
}
