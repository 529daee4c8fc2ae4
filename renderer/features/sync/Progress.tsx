import { formatBytes } from '../export/download';
import type { SyncProgress } from './syncState';

/** Objects and bytes of a sync, as a bar and in words. */
export function SyncProgressBar({ progress, label }: { progress: SyncProgress | null; label: string }) {
  const total = progress?.bytesTotal ?? 0;
  return (
    <div className="sync-progress">
      <progress aria-label={label} max={total || undefined} value={total ? progress!.bytesDone : undefined} />
      <span className="sync-progress-text">
        {progress && progress.objectsTotal > 0
          ? `${progress.objectsDone} of ${progress.objectsTotal} objects · ${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`
          : 'Checking for updates…'}
      </span>
    </div>
  );
}
