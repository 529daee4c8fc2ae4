// Form pieces shared by the workshop's forms: labelled fields that show the checker's
// problems beside them, list and reference pickers with type-ahead, and a Markdown
// editor whose preview is the reader's own renderer.
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Problem } from '../../shared/errors';
import { Markdown } from '../components/Markdown';
import { consumeFocus, problemField, useWorkshop } from './state';

export function fieldId(name: string): string {
  return `wf-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Problems of one field, shown under it and tied to it with aria-describedby. */
function FieldProblems({ id, problems }: { id: string; problems: Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul className="wf-problems" id={id}>
      {problems.map((p, i) => (
        <li key={i}>
          {p.field && p.field.includes('[') ? `${p.field}: ` : ''}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

export function forField(problems: Problem[], name: string): Problem[] {
  return problems.filter((p) => problemField(p) === name);
}

interface FieldShell {
  label: string;
  name: string;
  problems: Problem[];
  hint?: string;
  wide?: boolean;
  children: (props: {
    id: string;
    'aria-invalid': boolean | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

export function Field({ label, name, problems, hint, wide, children }: FieldShell) {
  const id = fieldId(name);
  const mine = forField(problems, name);
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = mine.length ? `${id}-problems` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`wf-field${wide ? ' wf-wide' : ''}${mine.length ? ' has-problem' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': mine.length ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <small className="wf-hint" id={hintId}>
          {hint}
        </small>
      )}
      <FieldProblems id={`${id}-problems`} problems={mine} />
    </div>
  );
}

export function TextField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  problems: Problem[];
  hint?: string;
  type?: 'text' | 'date' | 'datetime-local' | 'time';
  list?: string;
  wide?: boolean;
  placeholder?: string;
  lang?: string;
}) {
  return (
    <Field label={props.label} name={props.name} problems={props.problems} hint={props.hint} wide={props.wide}>
      {(a) => (
        <input
          {...a}
          type={props.type ?? 'text'}
          list={props.list}
          value={props.value}
          placeholder={props.placeholder}
          lang={props.lang}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A list of short texts (languages, tags) typed as "English, Japanese". */
export function ListField(props: {
  label: string;
  name: string;
  value: string[];
  onChange: (v: string[]) => void;
  problems: Problem[];
}) {
  const [text, setText] = useState(props.value.join(', '));
  const parsed = splitList(text);
  // Discarding changes resets the value from outside: show it.
  if (parsed.join('\u0000') !== props.value.join('\u0000')) setText(props.value.join(', '));
  return (
    <Field label={props.label} name={props.name} problems={props.problems} hint="Separate with commas">
      {(a) => (
        <input
          {...a}
          type="text"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            props.onChange(splitList(e.target.value));
          }}
        />
      )}
    </Field>
  );
}

export interface RefOption {
  id: string;
  title: string;
}

/** Pick items of the pack by typing part of a name; chosen ones show as removable chips. */
export function RefPicker(props: {
  label: string;
  name: string;
  options: RefOption[];
  value: string[];
  onChange: (v: string[]) => void;
  problems: Problem[];
}) {
  const [query, setQuery] = useState('');
  const listId = useId();
  const byId = new Map(props.options.map((o) => [o.id, o]));
  const q = query.trim().toLowerCase();
  const matches = q
    ? props.options
        .filter((o) => !props.value.includes(o.id))
        .filter((o) => o.title.toLowerCase().includes(q) || o.id.includes(q))
        .slice(0, 8)
    : [];
  const add = (id: string) => {
    props.onChange([...props.value, id]);
    setQuery('');
  };
  return (
    <Field label={props.label} name={props.name} problems={props.problems} wide>
      {(a) => (
        <div className="wf-refs">
          <ul className="wf-chips" aria-label={`${props.label} chosen`}>
            {props.value.map((id, i) => (
              <li key={`${id}-${i}`} className={byId.has(id) ? undefined : 'is-missing'}>
                {byId.get(id)?.title ?? id}
                {!byId.has(id) && <span className="wf-missing"> (not in the pack)</span>}
                <button
                  type="button"
                  aria-label={`Remove ${byId.get(id)?.title ?? id}`}
                  onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <input
            {...a}
            type="text"
            role="combobox"
            aria-expanded={matches.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            placeholder="Type a name to add…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matches[0]) {
                e.preventDefault();
                add(matches[0].id);
              }
            }}
          />
          <ul className="wf-suggestions" id={listId} role="listbox" aria-label={`${props.label} suggestions`}>
            {matches.map((o) => (
              <li key={o.id} role="option" aria-selected={false}>
                <button type="button" onClick={() => add(o.id)}>
                  {o.title} <span className="muted">({o.id})</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Field>
  );
}

export function MarkdownEditor(props: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  packId: string;
  problems: Problem[];
}) {
  const bodyProblems = props.problems.filter((p) => !p.field && p.line !== undefined);
  return (
    <div className="wf-markdown">
      <div className="wf-field">
        <label htmlFor={fieldId('body')}>{props.label}</label>
        <textarea
          id={fieldId('body')}
          rows={14}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-describedby={`${fieldId('body')}-hint`}
        />
        <small className="wf-hint" id={`${fieldId('body')}-hint`}>
          Markdown: ## heading, **bold**, - list item, [link text](../officials/id.md)
        </small>
        <FieldProblems id={`${fieldId('body')}-problems`} problems={bodyProblems} />
      </div>
      <section className="wf-preview" aria-label="Preview as the reader shows it">
        <p className="eyebrow">Preview</p>
        <Markdown source={props.value} packId={props.packId} />
      </section>
    </div>
  );
}

/** Put the cursor in the field the problem list pointed at, once the form is on screen. */
export function useFocusRequested(): void {
  const requested = useWorkshop((s) => s.focusField);
  useEffect(() => {
    if (requested === null) return;
    const field = consumeFocus();
    if (field === null) return;
    const el =
      document.getElementById(fieldId(field)) ??
      document.querySelector<HTMLElement>('.wf-form input, .wf-form select, .wf-form textarea');
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }, [requested]);
}
