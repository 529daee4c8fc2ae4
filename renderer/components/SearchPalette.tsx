// Ctrl/Cmd+K: jump to any official, meeting, talking point or note of the open book by
// name or title. A modal dialog with a combobox; arrows move, Enter opens, Esc closes.
import { useEffect, useId, useRef, useState } from 'react';
import { KIND_LABELS } from '../../shared/model';
import { quickFind, type QuickFindEntry } from '../lib/quickFind';
import { href, routePackId } from '../lib/routes';
import { usePackIndex } from '../state/hooks';
import { navigate, useNavigation } from '../state/navigation';
import { closePalette } from '../state/palette';

export function SearchPalette() {
  const packId = useNavigation((s) => routePackId(s.route));
  const index = usePackIndex(packId ?? '');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const results: QuickFindEntry[] = index && query.trim() ? quickFind(index, query) : [];

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => opener?.focus?.();
  }, []);

  const open = (entry: QuickFindEntry | undefined) => {
    if (!entry || !packId) return;
    closePalette();
    navigate(href.item(packId, entry.kind, entry.id));
  };

  return (
    <dialog
      ref={dialogRef}
      className="palette"
      aria-label="Find in this book"
      onClose={closePalette}
      onCancel={closePalette}
      onClick={(e) => {
        if (e.target === dialogRef.current) closePalette();
      }}
    >
      {!packId || !index ? (
        <p className="palette-empty">Open a briefing book first, then find anything in it here.</p>
      ) : (
        <>
          <input
            className="palette-input"
            type="text"
            role="combobox"
            aria-expanded={results.length > 0}
            aria-controls={listId}
            aria-activedescendant={results[active] ? `${listId}-${active}` : undefined}
            aria-label="Find an official, meeting, talking point or note"
            placeholder="Find an official, meeting, talking point or note"
            autoFocus
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setActive((a) => Math.min(results.length - 1, a + 1));
              } else if (e.key === 'ArrowUp') {
                e.preventDefault();
                setActive((a) => Math.max(0, a - 1));
              } else if (e.key === 'Enter') {
                e.preventDefault();
                open(results[active]);
              }
            }}
          />
          <ul id={listId} role="listbox" className="palette-results" aria-label="Matches">
            {results.map((r, i) => (
              <li
                key={`${r.kind}/${r.id}`}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'is-active' : undefined}
                onMouseMove={() => setActive(i)}
                onClick={() => open(r)}
              >
                <span className="palette-kind">{KIND_LABELS[r.kind].one}</span>
                <span className="palette-title">{r.title}</span>
                {r.subtitle && <span className="palette-sub">{r.subtitle}</span>}
              </li>
            ))}
          </ul>
          {query.trim() && results.length === 0 && <p className="palette-empty">No names or titles match “{query}”.</p>}
          <p className="palette-hint">↑ ↓ to choose · Enter to open · Esc to close</p>
        </>
      )}
    </dialog>
  );
}
