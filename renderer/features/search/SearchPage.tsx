// The full results page, #/search?q=…&pack=…&kind=…&country=…: every hit (up to 200),
// grouped by kind, each with its snippet and a link to the exact place it matched.
// The query and filters live in the URL, so a search can be bookmarked, reloaded and
// gone back to; typing replaces the entry rather than adding one per keystroke.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { SEARCH_KINDS, type PackSummary, type SearchHit, type SearchKind } from '../../../shared/api';
import { href } from '../../lib/routes';
import { useLibrary } from '../../state/library';
import { navigate } from '../../state/navigation';
import { groupHits, hitHref, hitKey, SEARCH_KIND_LABELS } from './hits';
import { useSearch } from './searchState';
import { Snippet } from './Snippet';
import './search.css';

const NO_PACKS: PackSummary[] = [];

const TYPING_PAUSE_MS = 250;

function isKind(s: string | undefined): s is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(s ?? '');
}

function where(hit: SearchHit): string | null {
  if (hit.anchor?.type === 'agenda') return 'Opens at this agenda entry';
  if (hit.anchor?.type === 'text')
    return hit.kind === 'annotation' ? 'Opens at your highlight' : 'Opens at this passage';
  return null;
}

function useCountries(): string[] {
  const contents = useLibrary((s) => s.contents);
  return useMemo(() => {
    const set = new Set<string>();
    for (const c of Object.values(contents)) {
      if (c.status !== 'ready') continue;
      for (const item of c.value.items) if (item.kind === 'official' && item.data.country) set.add(item.data.country);
    }
    return [...set].sort((a, b) => a.localeCompare(b));
  }, [contents]);
}

export function SearchPage({ query }: { query: Record<string, string> }) {
  const id = useId();
  const q = query.q ?? '';
  const kind = isKind(query.kind) ? query.kind : null;
  const view = useSearch((s) => s.page);
  const packs = useLibrary((s) => (s.packs?.status === 'ready' ? s.packs.value : NO_PACKS));
  const countries = useCountries();
  const [text, setText] = useState(q);
  const pushed = useRef(q);

  // Back/forward or a palette search changed the URL: show its query in the box.
  useEffect(() => {
    if (q !== pushed.current) {
      pushed.current = q;
      setText(q);
    }
  }, [q]);

  useEffect(() => {
    if (text === pushed.current) return;
    const timer = window.setTimeout(() => {
      pushed.current = text;
      navigate(href.search({ ...query, q: text }), { replace: true });
    }, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [text, query]);

  const setFilter = (patch: Record<string, string>) =>
    navigate(href.search({ ...query, q: text, ...patch }), { replace: true });

  const all = useMemo(() => view.hits ?? [], [view.hits]);
  const counts = useMemo(() => {
    const c = new Map<SearchKind, number>();
    for (const h of all) c.set(h.kind, (c.get(h.kind) ?? 0) + 1);
    return c;
  }, [all]);
  const shown = kind ? all.filter((h) => h.kind === kind) : all;
  const groups = groupHits(shown);
  const packTitle = (packId: string) => packs.find((p) => p.id === packId)?.title ?? packId;
  const manyPacks = packs.length > 1;
  const current = view.query === q && !view.pending;

  return (
    <div className="page page-wide search-page">
      <header className="page-header">
        <p className="eyebrow">Search</p>
        <h1 tabIndex={-1}>{q.trim() ? `Results for “${q.trim()}”` : 'Search'}</h1>
        <p className="lede">
          Every installed briefing book and your own notes: names in any spelling or script, words, “exact phrases”.
        </p>
      </header>
      <form className="search-form" role="search" aria-label="Search and filter" onSubmit={(e) => e.preventDefault()}>
        <div className="filter filter-query">
          <label htmlFor={`${id}-q`}>Search for</label>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            autoComplete="off"
            spellCheck={false}
            placeholder="A name, a topic, “a phrase”"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                pushed.current = text;
                navigate(href.search({ ...query, q: text }), { replace: true });
              }
            }}
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-pack`}>Book</label>
          <select id={`${id}-pack`} value={query.pack ?? ''} onChange={(e) => setFilter({ pack: e.target.value })}>
            <option value="">All books</option>
            {packs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-country`}>Country</label>
          <select
            id={`${id}-country`}
            value={query.country ?? ''}
            onChange={(e) => setFilter({ country: e.target.value })}
          >
            <option value="">All countries</option>
            {countries.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
      </form>
      {all.length > 0 && (
        <div className="kind-filter" role="group" aria-label="Show">
          <button type="button" aria-pressed={kind === null} onClick={() => setFilter({ kind: '' })}>
            All <span className="count">{all.length}</span>
          </button>
          {SEARCH_KINDS.filter((k) => counts.has(k)).map((k) => (
            <button key={k} type="button" aria-pressed={kind === k} onClick={() => setFilter({ kind: k })}>
              {SEARCH_KIND_LABELS[k].many} <span className="count">{counts.get(k)}</span>
            </button>
          ))}
        </div>
      )}
      <p className="result-count" role="status">
        {!q.trim()
          ? 'Type what you are looking for.'
          : view.error
            ? `Search failed: ${view.error}`
            : !current && view.hits === null
              ? 'Searching…'
              : all.length === 0
                ? `Nothing matches “${q.trim()}”${query.pack || query.country ? ' with these filters' : ''}.`
                : `${shown.length} result${shown.length === 1 ? '' : 's'}${all.length >= 200 ? ' (the best 200)' : ''}`}
      </p>
      {/* While the results of a newer query or filter are on their way, the ones shown are
          marked as stale (dimmed; aria-busy tells assistive technology and tests). */}
      <div className="search-results" aria-busy={Boolean(q.trim()) && !current}>
        {groups.map((g) => (
          <section key={g.kind} className="search-group" aria-labelledby={`${id}-${g.kind}`}>
            <h2 id={`${id}-${g.kind}`} className="group-heading">
              {SEARCH_KIND_LABELS[g.kind].many} <span className="count">{g.hits.length}</span>
            </h2>
            <ol className="hit-list">
              {g.hits.map((hit) => (
                <li key={hitKey(hit)} className="hit">
                  <a href={hitHref(hit)} className="hit-title stretched-link">
                    {hit.title}
                  </a>
                  <p className="hit-sub">
                    {hit.subtitle}
                    {manyPacks && <span className="hit-pack"> · {packTitle(hit.packId)}</span>}
                  </p>
                  <Snippet segments={hit.snippet} />
                  {where(hit) && <p className="hit-where">{where(hit)}</p>}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}
