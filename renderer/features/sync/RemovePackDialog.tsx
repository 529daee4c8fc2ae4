import { useState } from 'react';
import type { PackSummary } from '../../../shared/api';
import { asError } from '../../state/load';
import { Modal } from './Dialog';
import { removePack } from './syncState';

/** Remove a book from this computer, after saying what stays: the reader's notes. */
export function RemovePackDialog({ pack, onClose }: { pack: PackSummary; onClose: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal label={`Remove ${pack.title}`} onClose={onClose}>
      <div className="bb-modal-body">
        <h2>Remove this briefing book?</h2>
        <p>
          <strong>{pack.title}</strong> (version {pack.version}) will be removed from this computer
          {pack.source.startsWith('http') ? ' and no longer kept up to date' : ''}.
        </p>
        <p className="note-kept">
          Your highlights, notes and stars on it are kept. They come back if you add the book again, and you can export
          them from My notes.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="bb-modal-actions">
          <button
            type="button"
            className="bb-button is-danger"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              removePack(pack.id)
                .then(onClose)
                .catch((err: unknown) => {
                  setError(asError(err).message);
                  setBusy(false);
                });
            }}
          >
            {busy ? 'Removing…' : 'Remove the book'}
          </button>
          <button type="button" className="bb-button" autoFocus onClick={onClose}>
            Keep it
          </button>
        </div>
      </div>
    </Modal>
  );
}
