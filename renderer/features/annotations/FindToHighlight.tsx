// The keyboard route to a highlight: type words from the text, pick the place, highlight it.
import { useId, useMemo, useState } from 'react';
import type { ItemRef } from '../../../shared/model';
import { parseCached } from '../../components/Markdown';
import { useItem } from '../../state/hooks';
import { createHighlight, requestFlash } from './store';
import { findPassages, leafStarts } from './textLayer';

export function FindToHighlight({ item }: { item: ItemRef }) {
  const id = useId();
  const detail = useItem(item.packId, item.kind, item.itemId);
  const body = detail?.status === 'ready' ? detail.value.body : '';
  const text = useMemo(() => leafStarts(parseCached(body)).text, [body]);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => findPassages(text, query), [text, query]);
  if (!body) return null;
  return (
    <details className="find-to-highlight">
      <summary>Highlight a passage with the keyboard</summary>
      <label htmlFor={`${id}-q`}>Words from the text</label>
      <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
      {query.trim().length >= 3 && (
        <p className="small muted" aria-live="polite">
          {matches.length === 0
            ? 'Not found in this text.'
            : `Found ${matches.length === 8 ? '8 or more' : matches.length}.`}
        </p>
      )}
      {matches.length > 0 && (
        <ul className="passage-list">
          {matches.map((m) => (
            <li key={m.start}>
              <span className="small">
                …{text.slice(Math.max(0, m.start - 30), m.start)}
                <strong>{text.slice(m.start, m.end)}</strong>
                {text.slice(m.end, m.end + 30)}…
              </span>
              <button
                type="button"
                onClick={() =>
                  void createHighlight(item, { ...m, quote: text.slice(m.start, m.end) }, 'yellow').then((a) => {
                    if (a) {
                      setQuery('');
                      requestFlash(a.id);
                    }
                  })
                }
              >
                Highlight<span className="visually-hidden"> “{text.slice(m.start, m.end)}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
