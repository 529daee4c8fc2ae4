import { useId } from 'react';
import { HIGHLIGHT_COLORS, type Annotation, type HighlightColor } from '../../../shared/model';
import { MAX_NOTE_LENGTH } from '../../../shared/annotationsApi';
import { updateAnnotation } from './store';
import { useAutosave } from './useAutosave';

export const COLOR_LABELS: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
};

/** The fixed colours as pressed/unpressed buttons; choosing one commits at once. */
export function ColorChoice({
  value,
  onChoose,
  label,
}: {
  value: HighlightColor | null;
  onChoose: (color: HighlightColor) => void;
  label: string;
}) {
  return (
    <div className="hl-colors" role="group" aria-label={label}>
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          className={`hl-swatch hl-${c}`}
          aria-pressed={value === c}
          aria-label={COLOR_LABELS[c]}
          title={COLOR_LABELS[c]}
          onClick={() => onChoose(c)}
        />
      ))}
    </div>
  );
}

/** Edit a note (saved as it is typed) and, for a highlight, its colour. */
export function NoteEditor({ annotation, autoFocus }: { annotation: Annotation; autoFocus?: boolean }) {
  const id = useId();
  const isHighlight = annotation.anchor !== null;
  const { draft, setDraft, flush, state } = useAutosave(
    annotation.note,
    (note) => updateAnnotation(annotation, { note }),
    // An item note must keep some text; deleting it is the Delete button's job.
    (note) => isHighlight || note.trim() !== '',
  );
  const emptyItemNote = !isHighlight && draft.trim() === '';
  return (
    <div className="note-editor">
      {isHighlight && (
        <ColorChoice
          value={annotation.color}
          label="Highlight colour"
          onChoose={(color) => void updateAnnotation(annotation, { color })}
        />
      )}
      <label htmlFor={`${id}-note`} className="note-editor-label">
        {isHighlight ? 'Note on this highlight' : 'Note'}
      </label>
      <textarea
        id={`${id}-note`}
        rows={3}
        value={draft}
        maxLength={MAX_NOTE_LENGTH}
        autoFocus={autoFocus}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={flush}
        placeholder={isHighlight ? 'Why this matters…' : undefined}
      />
      <p className="save-state small muted" aria-live="polite">
        {emptyItemNote
          ? 'A note needs some text; to remove it, delete it.'
          : state.status === 'saving'
            ? 'Saving…'
            : state.status === 'saved'
              ? 'Saved'
              : state.status === 'error'
                ? `Not saved: ${state.message}`
                : ''}
      </p>
    </div>
  );
}
