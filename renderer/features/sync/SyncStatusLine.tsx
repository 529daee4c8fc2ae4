// The shell's one line about sync, e.g. "Offline — last synced 3 h ago", with progress
// while a sync runs. Shown only once the reader subscribes to something.
import { formatBytes } from '../export/download';
import { sentence } from './format';
import { useSync } from './syncState';
import './sync.css';

export function SyncStatusLine() {
  const status = useSync((s) => s.status);
  const running = useSync((s) => s.running);
  const progress = useSync((s) => s.progress);
  if (!status || status.subscriptions.length === 0) return null;
  const syncing = running || status.state === 'syncing';
  const text = syncing
    ? progress && progress.objectsTotal > 0
      ? `Syncing — ${progress.objectsDone} of ${progress.objectsTotal} objects, ${formatBytes(progress.bytesDone)}`
      : 'Syncing…'
    : sentence(status.message);
  return (
    <p className={`sync-status sync-${syncing ? 'syncing' : status.state}`} role="status" aria-live="polite">
      <span className="sync-dot" aria-hidden="true" />
      {text}
    </p>
  );
}
