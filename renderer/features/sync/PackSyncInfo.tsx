// The sync part of a library card: where it updates from and when it last did, the last
// error, unread changes, expiry, and removing the book.
import { useState } from 'react';
import type { PackSummary } from '../../../shared/api';
import { href } from '../../lib/routes';
import { useClock } from '../../state/clock';
import { ExpiryNotice } from './ExpiryNotice';
import { ago } from './format';
import { RemovePackDialog } from './RemovePackDialog';
import { useSync } from './syncState';

export function PackSyncInfo({ pack }: { pack: PackSummary }) {
  const sub = useSync((s) => s.status?.subscriptions.find((x) => x.packId === pack.id));
  const expiry = useSync((s) => s.status?.expiries.find((x) => x.packId === pack.id));
  const now = useClock((s) => Math.floor(s.now / 60_000) * 60_000);
  const [removing, setRemoving] = useState(false);
  return (
    <div className="pack-sync">
      {sub && (
        <p className="pack-sync-line">
          <span>
            Updates from <span className="pack-sync-url">{sub.url}</span>
          </span>
          <span>Last synced {ago(sub.lastSuccessAt, now)}</span>
        </p>
      )}
      {sub?.lastError && (sub.lastSuccessAt === null || sub.lastError.at > sub.lastSuccessAt) && (
        <p className="pack-sync-error">
          Last attempt {ago(sub.lastError.at, now)}: {sub.lastError.message}
        </p>
      )}
      {sub && sub.unreadChanges > 0 && (
        <p className="pack-changes-link">
          <a href={href.changes(pack.id)}>
            <span className="change-count">{sub.unreadChanges}</span> {sub.unreadChanges === 1 ? 'change' : 'changes'}{' '}
            since you last read it — see what changed
          </a>
        </p>
      )}
      {expiry && <ExpiryNotice packId={pack.id} expiry={expiry} compact />}
      <div className="pack-actions">
        <button
          type="button"
          className="link-button"
          aria-label={`Remove ${pack.title}`}
          onClick={() => setRemoving(true)}
        >
          Remove…
        </button>
      </div>
      {removing && <RemovePackDialog pack={pack} onClose={() => setRemoving(false)} />}
    </div>
  );
}
