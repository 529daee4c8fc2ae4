// "What changed" in one book since the reader last read it: new items, changed items with
// a readable line diff against the version they read, and removed items (their notes
// kept). Opening an item takes it off the list; removed ones go when dismissed.
import type { ChangedItem, DiffLine } from '../../../shared/syncApi';
import { KIND_LABELS } from '../../../shared/model';
import { Loaded } from '../../components/Status';
import { href } from '../../lib/routes';
import { usePackContents } from '../../state/hooks';
import { dismissChanges, useSync } from './syncState';
import './sync.css';

const OP_LABEL: Record<DiffLine['op'], string> = { added: 'Added: ', removed: 'Removed: ', same: '', skipped: '' };

function Diff({ item }: { item: ChangedItem }) {
  if (!item.diff)
    return <p className="muted">You had not opened it before this update, so there is no earlier text to compare.</p>;
  return (
    <div className="diff" role="group" aria-label={`What changed in ${item.title}`}>
      <p className="diff-summary">
        {item.diff.added} line{item.diff.added === 1 ? '' : 's'} added, {item.diff.removed} removed
      </p>
      <div className="diff-lines">
        {item.diff.lines.map((line, i) => {
          const Tag = line.op === 'added' ? 'ins' : line.op === 'removed' ? 'del' : 'span';
          return (
            <Tag key={i} className={`diff-line diff-${line.op}`}>
              <span className="visually-hidden">{OP_LABEL[line.op]}</span>
              <span className="diff-sign" aria-hidden="true">
                {line.op === 'added' ? '+' : line.op === 'removed' ? '−' : ' '}
              </span>
              {line.op === 'skipped' ? <span className="muted">⋯ unchanged lines ⋯</span> : line.text || ' '}
            </Tag>
          );
        })}
      </div>
    </div>
  );
}

export function ChangesView({ packId }: { packId: string }) {
  const changes = useSync((s) => s.changes[packId]);
  const contents = usePackContents(packId);
  const title = contents?.status === 'ready' ? contents.value.pack.title : 'This briefing book';
  return (
    <div className="page page-wide changes-page">
      <header className="page-header">
        <p className="eyebrow">{title}</p>
        <h1 tabIndex={-1}>What changed</h1>
        <p className="lede">Since you last read each item. An item leaves this list when you open it.</p>
      </header>
      <Loaded load={changes} what="the changes">
        {(c) => {
          const total = c.added.length + c.changed.length + c.removed.length;
          if (total === 0) return <p className="empty">Nothing has changed since you last read this book.</p>;
          return (
            <>
              <p className="result-count" role="status">
                {[
                  c.changed.length && `${c.changed.length} updated`,
                  c.added.length && `${c.added.length} new`,
                  c.removed.length && `${c.removed.length} removed`,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {c.changed.length > 0 && (
                <section aria-labelledby="changed-heading" className="changes-section">
                  <h2 id="changed-heading">Updated</h2>
                  <ul className="change-list">
                    {c.changed.map((item) => (
                      <li key={`${item.kind}/${item.id}`} className="change-item">
                        <div className="change-head">
                          <span className="change-kind">{KIND_LABELS[item.kind].one}</span>
                          <a href={href.item(packId, item.kind, item.id)} className="change-title">
                            {item.title}
                          </a>
                          {item.version !== null && <span className="muted small">version {item.version}</span>}
                        </div>
                        <Diff item={item} />
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {c.added.length > 0 && (
                <section aria-labelledby="added-heading" className="changes-section">
                  <h2 id="added-heading">New</h2>
                  <ul className="change-list">
                    {c.added.map((item) => (
                      <li key={`${item.kind}/${item.id}`} className="change-item">
                        <div className="change-head">
                          <span className="change-kind">{KIND_LABELS[item.kind].one}</span>
                          <a href={href.item(packId, item.kind, item.id)} className="change-title">
                            {item.title}
                          </a>
                          <span className="change-mark change-new">New</span>
                        </div>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              {c.removed.length > 0 && (
                <section aria-labelledby="removed-heading" className="changes-section">
                  <h2 id="removed-heading">Removed by the publisher</h2>
                  <ul className="change-list">
                    {c.removed.map((item) => (
                      <li key={`${item.kind}/${item.id}`} className="change-item">
                        <div className="change-head">
                          <span className="change-kind">{KIND_LABELS[item.kind].one}</span>
                          <span className="change-title is-removed">{item.title}</span>
                        </div>
                        <p className="muted small">
                          {item.annotations > 0
                            ? `Your ${item.annotations === 1 ? 'note is' : `${item.annotations} notes are`} kept, in My notes.`
                            : 'You had no notes on it.'}
                        </p>
                      </li>
                    ))}
                  </ul>
                  <button type="button" className="bb-button" onClick={() => void dismissChanges(packId)}>
                    Clear removed items from this list
                  </button>
                </section>
              )}
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
