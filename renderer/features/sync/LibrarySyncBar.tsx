// Above the library: add a book by URL, sync every subscription now, and what that did.
import { useState } from 'react';
import { AddPackDialog } from './AddPackDialog';
import { SyncProgressBar } from './Progress';
import { syncNow, useSync } from './syncState';
import './sync.css';

export function LibrarySyncBar() {
  const [adding, setAdding] = useState(false);
  const running = useSync((s) => s.running);
  const progress = useSync((s) => s.progress);
  const outcome = useSync((s) => s.outcome);
  const subscribed = useSync((s) => (s.status?.subscriptions.length ?? 0) > 0);
  return (
    <div className="library-sync">
      <div className="library-sync-actions">
        <button type="button" className="bb-button is-primary" onClick={() => setAdding(true)}>
          Add a briefing book…
        </button>
        <button type="button" className="bb-button" disabled={!subscribed || running} onClick={() => void syncNow()}>
          {running ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      {running && <SyncProgressBar progress={progress} label="Sync progress" />}
      <p className={`sync-outcome${outcome && !outcome.ok ? ' is-error' : ''}`} role="status">
        {!running && outcome ? outcome.message : ''}
      </p>
      {adding && <AddPackDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
