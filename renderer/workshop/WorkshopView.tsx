// The Workshop: where a chief of staff assembles a pack. Open a source folder (or
// create one), pick what to edit on the left, edit it in a form on the right; the
// checker's problems are listed on the left and each one leads to its field.
import { useEffect, useState } from 'react';
import type { Problem } from '../../shared/errors';
import { ID_PATTERN, KIND_FOLDERS, KIND_LABELS, type ItemKind } from '../../shared/model';
import type { WorkshopState } from '../../shared/workshopApi';
import { FolderInput } from './FolderInput';
import { ImportView } from './ImportView';
import { ItemForm, KINDS_IN_ORDER, PackForm, ZoneList } from './forms';
import { PublishView } from './PublishView';
import {
  closeFolder,
  createItem,
  createPack,
  goToProblem,
  loadRecent,
  openFolder,
  refresh,
  select,
  useWorkshop,
  type Selection,
} from './state';
import './workshop.css';

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

function OpenScreen() {
  const recent = useWorkshop((s) => s.recent);
  const busy = useWorkshop((s) => s.busy);
  const [folder, setFolder] = useState('');
  const [newFolder, setNewFolder] = useState('');
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  useEffect(() => {
    void loadRecent();
  }, []);
  const packId = id || slugify(title);
  return (
    <div className="wf-open">
      <section className="card-section" aria-labelledby="wf-open-heading">
        <h2 id="wf-open-heading">Open a pack source folder</h2>
        <p className="muted">
          The folder that holds pack.yaml. Everything you change here is saved straight into its files.
        </p>
        <form
          className="wf-inline"
          onSubmit={(e) => {
            e.preventDefault();
            void openFolder(folder);
          }}
        >
          <label htmlFor="wf-folder">Folder path</label>
          <FolderInput
            id="wf-folder"
            value={folder}
            onChange={setFolder}
            pickerTitle="Open a pack source folder"
            placeholder="/home/me/packs/summit-2027"
          />
          <button type="submit" disabled={busy || !folder.trim()}>
            Open
          </button>
        </form>
        {recent.length > 0 && (
          <>
            <h3>Recent</h3>
            <ul className="wf-recent">
              {recent.map((f) => (
                <li key={f}>
                  <button type="button" onClick={() => void openFolder(f)}>
                    {f}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card-section" aria-labelledby="wf-create-heading">
        <h2 id="wf-create-heading">Create a new pack</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void createPack(newFolder, packId, title);
          }}
        >
          <div className="wf-field wf-wide">
            <label htmlFor="wf-new-folder">New folder path</label>
            <FolderInput
              id="wf-new-folder"
              value={newFolder}
              onChange={setNewFolder}
              pickerTitle="Folder for the new pack"
              placeholder="/home/me/packs/g7-2030"
            />
          </div>
          <div className="wf-field wf-wide">
            <label htmlFor="wf-new-title">Pack title</label>
            <input id="wf-new-title" type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          </div>
          <div className="wf-field">
            <label htmlFor="wf-new-id">Pack id</label>
            <input
              id="wf-new-id"
              type="text"
              value={packId}
              onChange={(e) => setId(e.target.value)}
              aria-describedby="wf-new-id-hint"
            />
            <small className="wf-hint" id="wf-new-id-hint">
              Lower-case letters, digits and hyphens; readers subscribe to it
            </small>
          </div>
          <button type="submit" disabled={busy || !newFolder.trim() || !title.trim() || !ID_PATTERN.test(packId)}>
            Create new pack here
          </button>
        </form>
      </section>
    </div>
  );
}

function NewItem({ kind }: { kind: ItemKind }) {
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [id, setId] = useState('');
  const busy = useWorkshop((s) => s.busy);
  const label = KIND_LABELS[kind].one.toLowerCase();
  const itemId = id || slugify(title);
  if (!open)
    return (
      <button type="button" className="wf-add" onClick={() => setOpen(true)}>
        + New {label}
      </button>
    );
  return (
    <form
      className="wf-new"
      aria-label={`New ${label}`}
      onSubmit={async (e) => {
        e.preventDefault();
        if (await createItem(kind, itemId, title)) {
          setOpen(false);
          setTitle('');
          setId('');
        }
      }}
    >
      <label>
        <span>{kind === 'official' ? 'Name' : 'Title'}</span>
        <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} autoFocus />
      </label>
      <label>
        <span>Id</span>
        <input type="text" value={itemId} onChange={(e) => setId(e.target.value)} />
      </label>
      <div className="wf-inline">
        <button type="submit" disabled={busy || !title.trim() || !ID_PATTERN.test(itemId)}>
          Create
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function isSelected(sel: Selection, s: Selection): boolean {
  if (sel.screen !== s.screen) return false;
  return sel.screen !== 'item' || (s.screen === 'item' && s.kind === sel.kind && s.id === sel.id);
}

function Outline({ state }: { state: WorkshopState }) {
  const selection = useWorkshop((s) => s.selection);
  const count = (file: string) => state.problems.filter((p) => p.file === file).length;
  const entry = (sel: Selection, label: string, file: string | null) => {
    const n = file ? count(file) : 0;
    return (
      <button
        type="button"
        className="wf-entry"
        aria-current={isSelected(selection, sel) ? 'true' : undefined}
        onClick={() => select(sel)}
      >
        <span>{label}</span>
        {n > 0 && (
          <span className="wf-badge" aria-label={`${n} problem${n === 1 ? '' : 's'}`}>
            {n}
          </span>
        )}
      </button>
    );
  };
  return (
    <nav className="wf-outline" aria-label="Pack contents">
      <ul>
        <li>{entry({ screen: 'pack' }, 'Pack settings', 'pack.yaml')}</li>
      </ul>
      {KINDS_IN_ORDER.map((kind) => (
        <div key={kind} className="wf-group">
          <h3>{KIND_LABELS[kind].many}</h3>
          <ul>
            {state.items
              .filter((i) => i.kind === kind)
              .map((i) => (
                <li key={i.id}>{entry({ screen: 'item', kind, id: i.id }, i.title, i.file)}</li>
              ))}
          </ul>
          <NewItem kind={kind} />
          {kind === 'official' && (
            <button type="button" className="wf-add" onClick={() => select({ screen: 'import' })}>
              ⇪ Import from spreadsheet
            </button>
          )}
        </div>
      ))}
      <ul>
        <li>{entry({ screen: 'publish' }, 'Preview and publish', null)}</li>
      </ul>
    </nav>
  );
}

function where(p: Problem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}${p.field ? ` · ${p.field}` : ''}`;
}

function ProblemList({ state }: { state: WorkshopState }) {
  const n = state.problems.length;
  return (
    <section className="wf-checker" aria-labelledby="wf-checker-heading">
      <h2 id="wf-checker-heading">{n === 0 ? 'No problems' : `${n} problem${n === 1 ? '' : 's'} to fix`}</h2>
      {n === 0 ? (
        <p className="muted small">The pack checks: it can be previewed and published.</p>
      ) : (
        <ul>
          {state.problems.map((p, i) => (
            <li key={i}>
              <button type="button" onClick={() => goToProblem(p)}>
                <span className="wf-where">{where(p)}</span>
                <span>{p.message}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Editor({ state }: { state: WorkshopState }) {
  const selection = useWorkshop((s) => s.selection);
  switch (selection.screen) {
    case 'pack':
      return <PackForm key={`pack@${state.checkedAt}`} state={state} />;
    case 'import':
      return <ImportView folder={state.folder} />;
    case 'publish':
      return <PublishView state={state} />;
    case 'item': {
      const item = state.items.find((i) => i.kind === selection.kind && i.id === selection.id);
      if (!item)
        return (
          <p className="muted">
            There is no {KIND_FOLDERS[selection.kind]}/{selection.id}.md any more.
          </p>
        );
      return <ItemForm key={`${item.file}@${state.checkedAt}`} state={state} item={item} />;
    }
  }
}

export function WorkshopView() {
  const state = useWorkshop((s) => s.state);
  const error = useWorkshop((s) => s.error);
  const notice = useWorkshop((s) => s.notice);
  const busy = useWorkshop((s) => s.busy);
  return (
    <div className="page page-wide wf">
      <header className="page-header">
        <p className="eyebrow">Workshop</p>
        <h1 tabIndex={-1}>{state ? String(state.pack?.title ?? 'Pack') : 'Assemble a briefing pack'}</h1>
        {state && (
          <p className="muted small wf-folderline">
            <code>{state.folder}</code>{' '}
            <button type="button" onClick={() => void refresh()} disabled={busy}>
              Check again
            </button>{' '}
            <button type="button" onClick={closeFolder}>
              Close folder
            </button>
          </p>
        )}
      </header>
      {error && (
        <p className="wf-error" role="alert">
          {error}
        </p>
      )}
      <p className="wf-sr-only" role="status">
        {notice ?? ''}
      </p>
      {!state ? (
        <OpenScreen />
      ) : (
        <div className="wf-layout">
          <div className="wf-side">
            <Outline state={state} />
            <ProblemList state={state} />
          </div>
          <div className="wf-main">
            <ZoneList />
            <Editor state={state} />
          </div>
        </div>
      )}
    </div>
  );
}
