import { useId, useState } from 'react';
import type { ItemRef } from '../../shared/model';
import { AnnotationCard, FindToHighlight } from '../features/annotations';
import { addItemNote, useAnnotations } from '../state/annotations';
import { itemKey } from '../state/library';

/** The reader's notes and highlights on this item, and a box to add a note. */
export function ReaderNotes({ item, about }: { item: ItemRef; about: string }) {
  const load = useAnnotations((s) => s.byItem[itemKey(item.packId, item.kind, item.itemId)]);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();
  const notes = load?.status === 'ready' ? load.value : [];

  const save = async () => {
    if (!draft.trim()) return;
    setSaving(true);
    const problem = await addItemNote(item, draft.trim());
    setSaving(false);
    setError(problem);
    if (!problem) setDraft('');
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="reader-notes">
      <h2 id={`${id}-heading`}>Your notes</h2>
      {load?.status === 'error' && <p className="muted">Your notes could not be loaded: {load.error.message}</p>}
      {notes.length === 0 && load?.status === 'ready' && <p className="muted">None yet.</p>}
      {notes.length > 0 && (
        <ul className="note-list">
          {notes.map((n) => (
            <li key={n.id} className={n.anchor ? `note-highlight note-${n.color ?? 'yellow'}` : undefined}>
              <AnnotationCard annotation={n} />
            </li>
          ))}
        </ul>
      )}
      <form
        className="note-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label htmlFor={`${id}-draft`} className="visually-hidden">
          A note on {about}
        </label>
        <textarea
          id={`${id}-draft`}
          rows={3}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={`A note on ${about}…`}
          maxLength={20_000}
        />
        <button type="submit" disabled={saving || !draft.trim()}>
          {saving ? 'Saving…' : 'Add note'}
        </button>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
      </form>
      <FindToHighlight item={item} />
    </section>
  );
}
