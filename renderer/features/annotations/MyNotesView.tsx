// #/notes: every highlight and note across packs, filterable, searchable, each one a
// jump to its place in the text; orphans to review; export and import of the notes.
import { useEffect, useId, useRef, useState } from 'react';
import type { PackSummary } from '../../../shared/api';
import type { ImportReport } from '../../../shared/annotationsApi';
import { HIGHLIGHT_COLORS, ITEM_KINDS, KIND_LABELS } from '../../../shared/model';
import { useLibrary } from '../../state/library';
import { asError } from '../../state/load';
import { AnnotationCard } from './AnnotationCard';
import { COLOR_LABELS } from './NoteEditor';
import { exportNotes, importNotes, NO_FILTERS, setFilters, useAnnotationUi, type NotesFilters } from './store';

const NO_PACKS: PackSummary[] = [];

function Filters() {
  const id = useId();
  const filters = useAnnotationUi((s) => s.filters);
  const list = useAnnotationUi((s) => s.list);
  const packs = useLibrary((s) => (s.packs?.status === 'ready' ? s.packs.value : NO_PACKS));
  const [text, setText] = useState(filters.text);
  const timer = useRef<number | undefined>(undefined);
  const seen = list?.status === 'ready' ? list.value.annotations : [];
  const packOptions = new Map(packs.map((p) => [p.id, p.title]));
  for (const a of seen) if (!packOptions.has(a.packId)) packOptions.set(a.packId, a.packTitle ?? a.packId);
  if (filters.packId && !packOptions.has(filters.packId)) packOptions.set(filters.packId, filters.packId);

  const select = <K extends keyof NotesFilters>(key: K, label: string, options: [string, string][]) => (
    <div className="notes-filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filters[key]}
        onChange={(e) => setFilters({ [key]: e.target.value } as Partial<NotesFilters>)}
      >
        <option value="">All</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );

  const filtered = Object.entries(filters).some(([k, v]) => k !== 'text' && v !== '') || text !== '';
  return (
    <form
      className="notes-filters"
      role="search"
      aria-label="Your notes"
      onSubmit={(e) => {
        e.preventDefault();
        window.clearTimeout(timer.current);
        setFilters({ text });
      }}
    >
      <div className="notes-filter notes-filter-search">
        <label htmlFor={`${id}-text`}>Search your notes</label>
        <input
          id={`${id}-text`}
          type="search"
          value={text}
          maxLength={200}
          onChange={(e) => {
            const value = e.target.value;
            setText(value);
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => setFilters({ text: value }), 250);
          }}
        />
      </div>
      {select('packId', 'Briefing book', [...packOptions])}
      {select(
        'kind',
        'On',
        ITEM_KINDS.map((k) => [k, KIND_LABELS[k].many]),
      )}
      {select('type', 'Type', [
        ['highlight', 'Highlights'],
        ['item-note', 'Notes on whole items'],
      ])}
      {select(
        'color',
        'Colour',
        HIGHLIGHT_COLORS.map((c) => [c, COLOR_LABELS[c]]),
      )}
      {select('status', 'Status', [
        ['anchored', 'In the text'],
        ['orphaned', 'Not found'],
      ])}
      {filtered && (
        <button
          type="button"
          className="filters-clear"
          onClick={() => {
            setText('');
            setFilters(NO_FILTERS);
          }}
        >
          Clear filters
        </button>
      )}
    </form>
  );
}

function download(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describeImport(fileName: string, r: ImportReport): string {
  const parts = [`${r.added} added`, `${r.updated} updated`, `${r.unchanged} unchanged`];
  if (r.skippedDeleted) parts.push(`${r.skippedDeleted} kept deleted (you deleted them here)`);
  if (r.orphaned) parts.push(`${r.orphaned} no longer found in the text`);
  if (r.starsAdded) parts.push(`${plural(r.starsAdded, 'star')} added`);
  return `Imported ${fileName}: ${plural(r.total, 'note')} in the file — ${parts.join(', ')}.`;
}

function Exchange() {
  const packId = useAnnotationUi((s) => s.filters.packId);
  const packTitle = useLibrary((s) =>
    s.packs?.status === 'ready' ? s.packs.value.find((p) => p.id === packId)?.title : undefined,
  );
  const fileRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; problems?: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const doExport = async () => {
    setBusy(true);
    try {
      const result = await exportNotes(packId || undefined);
      download(result.fileName, result.json);
      setMessage({
        ok: true,
        text: `Exported ${plural(result.count, 'note')} and ${plural(result.stars, 'star')} to ${result.fileName} (in your downloads).`,
      });
    } catch (err) {
      setMessage({ ok: false, text: `Export failed: ${asError(err).message}` });
    } finally {
      setBusy(false);
    }
  };

  const doImport = async (file: File) => {
    setBusy(true);
    try {
      const report = await importNotes(await file.text());
      setMessage({ ok: true, text: describeImport(file.name, report) });
    } catch (err) {
      const e = asError(err);
      setMessage({
        ok: false,
        text: `${file.name} was not imported; nothing was changed. ${e.message}`,
        problems: e.problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)),
      });
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  return (
    <section aria-labelledby="exchange-heading" className="notes-exchange">
      <h2 id="exchange-heading">Move your notes</h2>
      <p className="muted small">
        Export makes a JSON file of your highlights, notes and stars; import it on another computer (or after a briefing
        book was removed). Importing merges: nothing is duplicated or deleted.
      </p>
      <div className="exchange-buttons">
        <button type="button" disabled={busy} onClick={() => void doExport()}>
          {packTitle ? `Export notes on ${packTitle}` : 'Export all notes'}
        </button>
        <button type="button" disabled={busy} onClick={() => fileRef.current?.click()}>
          Import notes…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Notes file to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void doImport(file);
          }}
        />
      </div>
      <div role="status" className={message && !message.ok ? 'form-error' : undefined}>
        {message && <p>{message.text}</p>}
        {message?.problems && message.problems.length > 0 && (
          <ul className="small">
            {message.problems.slice(0, 20).map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

export function MyNotesView() {
  const list = useAnnotationUi((s) => s.list);
  const status = useAnnotationUi((s) => s.filters.status);
  const orphanCount = useAnnotationUi((s) => s.orphanCount);
  const reviewRef = useRef<HTMLHeadingElement>(null);
  const annotations = list?.status === 'ready' ? list.value.annotations : [];
  const total = list?.status === 'ready' ? list.value.total : 0;

  useEffect(() => {
    if (status === 'orphaned') reviewRef.current?.focus({ preventScroll: true });
  }, [status]);

  return (
    <div className="page page-wide my-notes">
      <header className="page-header">
        <p className="eyebrow">Across your briefing books</p>
        <h1 tabIndex={-1}>My notes</h1>
        <p className="lede">Your highlights and notes, most recently edited first. Only you can see them.</p>
      </header>
      {orphanCount > 0 && status !== 'orphaned' && (
        <div className="orphan-callout" role="note">
          <p>
            <strong>{plural(orphanCount, 'note')}</strong> {orphanCount === 1 ? 'is' : 'are'} no longer found in the
            text of {orphanCount === 1 ? 'its' : 'their'} briefing book (the text changed or was removed). They are kept
            with what they quoted.
          </p>
          <button type="button" onClick={() => setFilters({ status: 'orphaned' })}>
            Review them
          </button>
        </div>
      )}
      <Filters />
      {status === 'orphaned' && (
        <div className="orphan-review">
          <h2 ref={reviewRef} tabIndex={-1}>
            No longer found in the text
          </h2>
          <p className="muted small">
            Re-attach each to the passage it belongs to (choose the item, then select the text), or delete it.
          </p>
        </div>
      )}
      {list?.status === 'error' && (
        <p role="alert" className="form-error">
          Your notes could not be loaded: {list.error.message}
        </p>
      )}
      <p className="notes-count muted" role="status">
        {list === null || list.status === 'loading'
          ? 'Loading your notes…'
          : list.status === 'ready'
            ? total === 0
              ? 'No notes match.'
              : `${plural(total, 'note')}${total > annotations.length ? ` (showing ${annotations.length})` : ''}`
            : ''}
      </p>
      {annotations.length > 0 && (
        <ul className="anno-list" aria-label="Your notes">
          {annotations.map((a) => (
            <li key={a.id}>
              <AnnotationCard annotation={a} inList />
            </li>
          ))}
        </ul>
      )}
      <Exchange />
    </div>
  );
}
