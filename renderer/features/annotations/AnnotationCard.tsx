// One annotation in a list (an item's "Your notes", My notes): its quote, its note,
// and what can be done with it. Edits are saved as typed; delete offers an undo.
import { useState } from 'react';
import type { AnnotationView } from '../../../shared/annotationsApi';
import { KIND_LABELS } from '../../../shared/model';
import { href } from '../../lib/routes';
import { NoteEditor } from './NoteEditor';
import { deleteAnnotation, requestFlash, startReattach } from './store';
import { ReattachChooser } from './ReattachChooser';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function AnnotationCard({ annotation: a, inList }: { annotation: AnnotationView; inList?: boolean }) {
  const [editing, setEditing] = useState(false);
  const [reattaching, setReattaching] = useState(false);
  const isHighlight = a.anchor !== null;
  const orphaned = a.status === 'orphaned';
  const what = isHighlight ? `highlight “${short(a.anchor!.quote, 40)}”` : `note “${short(a.note, 40)}”`;
  // The flash request outlives the navigation: the item's text shows it once drawn.
  const inContext = href.item(a.packId, a.kind, a.itemId);
  return (
    <div className={`anno-card${isHighlight ? ` anno-${a.color ?? 'yellow'}` : ' anno-item-note'}`}>
      {inList && (
        <p className="anno-where small">
          <span className="anno-kind">{KIND_LABELS[a.kind].one}</span>{' '}
          {a.itemAvailable ? (
            <a href={href.item(a.packId, a.kind, a.itemId)}>{a.itemTitle ?? a.itemId}</a>
          ) : (
            <span>{a.itemTitle ?? a.itemId} (no longer installed)</span>
          )}
          <span className="muted"> · {a.packTitle ?? a.packId}</span>
        </p>
      )}
      {isHighlight && <blockquote className="anno-quote">“{a.anchor!.quote}”</blockquote>}
      {editing ? <NoteEditor annotation={a} autoFocus /> : a.note && <p className="anno-note">{a.note}</p>}
      <p className="anno-meta muted small">
        {isHighlight ? 'Highlight' : 'Note on the whole item'} · {dateFormat.format(new Date(a.updatedAt))}
        {orphaned && <span className="orphan-badge"> · no longer found in the text</span>}
      </p>
      <div className="anno-actions">
        {isHighlight && !orphaned && (
          <a
            href={inContext}
            onClick={(e) => {
              if (!inList) e.preventDefault();
              requestFlash(a.id);
            }}
          >
            Show in text<span className="visually-hidden">: {what}</span>
          </a>
        )}
        <button type="button" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
          {editing ? 'Done' : isHighlight && !a.note ? 'Add note' : 'Edit'}
          <span className="visually-hidden"> {what}</span>
        </button>
        {orphaned && !inList && (
          <button type="button" onClick={() => startReattach(a)}>
            Re-attach here…<span className="visually-hidden"> {what}</span>
          </button>
        )}
        {orphaned && inList && (
          <button type="button" aria-expanded={reattaching} onClick={() => setReattaching((v) => !v)}>
            Re-attach…<span className="visually-hidden"> {what}</span>
          </button>
        )}
        <button type="button" className="button-danger" onClick={() => void deleteAnnotation(a)}>
          Delete<span className="visually-hidden"> {what}</span>
        </button>
      </div>
      {reattaching && <ReattachChooser annotation={a} onDone={() => setReattaching(false)} />}
    </div>
  );
}
