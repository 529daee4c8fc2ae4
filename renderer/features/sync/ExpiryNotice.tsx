// Expiring and locked books: said ahead of time, with the one thing the reader can still
// do (save their notes) one click away. Shown on the library card and above every screen
// of the book.
import { useState } from 'react';
import type { ExpiryInfo } from '../../../shared/syncApi';
import { asError } from '../../state/load';
import { exportNotesBeforePurge } from './syncState';

const when = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

export function ExpiryNotice({
  packId,
  expiry,
  compact = false,
}: {
  packId: string;
  expiry: ExpiryInfo;
  compact?: boolean;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  if (expiry.state !== 'expiring' && expiry.state !== 'locked') return null;
  const locked = expiry.state === 'locked';
  return (
    <div className={`expiry-notice${locked ? ' is-locked' : ''}${compact ? ' is-compact' : ''}`} role="note">
      <p>
        <strong>{locked ? 'This book has expired and is locked.' : 'This book expires soon.'}</strong>{' '}
        {locked
          ? `Its content is removed from this computer ${expiry.purgeAt ? `on ${when(expiry.purgeAt)}` : 'soon'}.`
          : `It locks on ${expiry.expires ? when(expiry.expires) : 'its expiry date'} and is then removed from this computer.`}{' '}
        Your notes stay, but save a copy to keep them with you.
      </p>
      <button
        type="button"
        className="bb-button"
        onClick={() => {
          setSaved(null);
          exportNotesBeforePurge(packId)
            .then(setSaved)
            .catch((err: unknown) => setSaved(asError(err).message));
        }}
      >
        Export my notes
      </button>
      <span role="status" className="expiry-saved">
        {saved}
      </span>
    </div>
  );
}
