// Ctrl/Cmd+K from anywhere: type-ahead over every installed book and the reader's own
// notes, grouped by kind (best group first). A modal dialog with a combobox; ↑/↓ move,
// Enter opens the hit at the exact place it points to, Esc closes. The last option
// opens the full results page.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PackSummary, SearchHit } from '../../../shared/api';
import { href } from '../../lib/routes';
import { useLibrary } from '../../state/library';
import { navigate } from '../../state/navigation';
import { closePalette } from '../../state/palette';
import { groupHits, hitHref, hitKey, SEARCH_KIND_LABELS } from './hits';
import { resetPalette, searchInPalette, useSearch } from './searchState';
import { Snippet } from './Snippet';
import './search.css';

const NO_PACKS: PackSummary[] = [];

type Choice = { type: 'hit'; hit: SearchHit } | { type: 'all' };

export function SearchPalette() {
  const [query, setQuery] = useState('');
  const view = useSearch((s) => s.palette);
  // The chosen option belongs to one result list: new results start again at the best one.
  const [selection, setSelection] = useState<{ hits: SearchHit[] | null; index: number }>({ hits: null, index: 0 });
  const active = selection.hits === view.hits ? selection.index : 0;
  const setActive = (next: number | ((current: number) => number)) =>
    setSelection({ hits: view.hits, index: typeof next === 'function' ? next(active) : next });
  const packs = useLibrary((s) => (s.packs?.status === 'ready' ? s.packs.value : NO_PACKS));
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const typed = query.trim() !== '';
  const hits = useMemo(() => (typed ? (view.hits ?? []) : []), [typed, view.hits]);
  const groups = useMemo(() => groupHits(hits), [hits]);
  const choices: Choice[] = useMemo(
    () => [
      ...groups.flatMap((g) => g.hits.map((hit) => ({ type: 'hit' as const, hit }))),
      ...(typed ? [{ type: 'all' as const }] : []),
    ],
    [groups, typed],
  );
  const packTitle = (id: string) => packs.find((p) => p.id === id)?.title ?? id;
  const manyPacks = new Set(hits.map((h) => h.packId)).size > 1;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      resetPalette();
      opener?.focus?.();
    };
  }, []);

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = (choice: Choice | undefined) => {
    if (!choice) return;
    closePalette();
    navigate(choice.type === 'hit' ? hitHref(choice.hit) : href.search({ q: query.trim() }));
  };

  const optionId = (i: number) => `${listId}-${i}`;
  let index = 0;

  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label="Search"
      onClose={closePalette}
      onCancel={closePalette}
      onClick={(e) => {
        if (e.target === dialogRef.current) closePalette();
      }}
    >
      <input
        className="palette-input"
        type="text"
        role="combobox"
        aria-expanded={choices.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={choices[active] ? optionId(active) : undefined}
        aria-label="Search officials, meetings, talking points, notes and your own notes"
        placeholder="Search every book: a name in any spelling, a topic, “a phrase”"
        autoFocus
        spellCheck={false}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          searchInPalette(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(choices.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (e.ctrlKey || e.metaKey) choose({ type: 'all' });
            // Results still for an older query: show the typed one's in full rather than open a stale hit.
            else if (view.query === query) choose(choices[active]);
            else if (typed) choose({ type: 'all' });
          }
        }}
      />
      <div
        id={listId}
        ref={listRef}
        role="listbox"
        className="palette-results"
        aria-label="Results"
        aria-busy={view.pending}
      >
        {groups.map((g) => (
          <div key={g.kind} role="group" aria-labelledby={`${listId}-${g.kind}`} className="palette-group">
            <div id={`${listId}-${g.kind}`} className="palette-group-label">
              {SEARCH_KIND_LABELS[g.kind].many}
            </div>
            {g.hits.map((hit) => {
              const i = index++;
              return (
                <div
                  key={hitKey(hit)}
                  id={optionId(i)}
                  data-index={i}
                  role="option"
                  aria-selected={i === active}
                  className={`palette-option${i === active ? ' is-active' : ''}`}
                  onMouseMove={() => setActive(i)}
                  onClick={() => choose({ type: 'hit', hit })}
                >
                  <span className="palette-title">{hit.title}</span>
                  <span className="palette-sub">
                    {hit.subtitle}
                    {manyPacks && <span className="palette-pack"> · {packTitle(hit.packId)}</span>}
                  </span>
                  <Snippet segments={hit.snippet} className="snippet palette-snippet" />
                </div>
              );
            })}
          </div>
        ))}
        {typed && (
          <div
            id={optionId(choices.length - 1)}
            data-index={choices.length - 1}
            role="option"
            aria-selected={active === choices.length - 1}
            className={`palette-option palette-all${active === choices.length - 1 ? ' is-active' : ''}`}
            onMouseMove={() => setActive(choices.length - 1)}
            onClick={() => choose({ type: 'all' })}
          >
            Show all results for “{query.trim()}” with filters
          </div>
        )}
      </div>
      <p className="palette-empty" role="status">
        {!typed
          ? 'Search every briefing book and your own notes.'
          : view.error
            ? view.error
            : view.hits && view.query === query && !view.pending && hits.length === 0
              ? `Nothing matches “${query.trim()}”.`
              : view.pending && !view.hits
                ? 'Searching…'
                : ''}
      </p>
      <p className="palette-hint">↑ ↓ to choose · Enter to open · Ctrl+Enter for all results · Esc to close</p>
    </dialog>
  );
}
