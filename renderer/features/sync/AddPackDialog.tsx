// Add a briefing book by its URL and the publisher's key: paste the .pub file (its key id
// is computed here and shown, to compare with the publisher by phone) or type the key id
// they read out. Installing shows progress; the result says which key was pinned.
import { useEffect, useId, useState } from 'react';
import { api } from '../../api';
import { asError } from '../../state/load';
import { href } from '../../lib/routes';
import { Modal } from './Dialog';
import { KEY_ID_RE, keyIdOfText, normaliseKeyId } from './format';
import { SyncProgressBar } from './Progress';
import { loadSyncStatus, useSync } from './syncState';

type KeyMode = 'file' | 'id';

export function AddPackDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const [url, setUrl] = useState('');
  const [mode, setMode] = useState<KeyMode>('file');
  const [pubText, setPubText] = useState('');
  const [computed, setComputed] = useState<{ text: string; keyId: string | null } | null>(null);
  const [typedId, setTypedId] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ packId: string; message: string; keyId: string } | null>(null);
  const progress = useSync((s) => s.progress);

  useEffect(() => {
    if (!pubText.trim()) return;
    let live = true;
    void keyIdOfText(pubText).then((keyId) => {
      if (live) setComputed({ text: pubText, keyId });
    });
    return () => {
      live = false;
    };
  }, [pubText]);

  const pastedId = computed?.text === pubText ? computed.keyId : null;
  const keyId = mode === 'file' ? pastedId : normaliseKeyId(typedId);
  const keyOk = mode === 'file' ? pastedId !== null : KEY_ID_RE.test(keyId ?? '');
  const canAdd = url.trim() !== '' && keyOk && confirmed && !busy;

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.addSubscription({
        url: url.trim(),
        ...(mode === 'file' ? { publisherKey: pubText.trim() } : { keyId: keyId ?? '' }),
      });
      setDone({ packId: result.packId, message: result.message, keyId: result.keyId });
      void loadSyncStatus();
    } catch (err) {
      setError(asError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label="Add a briefing book" onClose={onClose} className="add-pack">
      <form
        method="dialog"
        className="bb-modal-body"
        onSubmit={(e) => {
          e.preventDefault();
          if (canAdd) void add();
        }}
      >
        <h2>Add a briefing book</h2>
        {done ? (
          <div className="result result-ok" role="status">
            <p>
              <strong>Added.</strong> {done.message}
            </p>
            <p className="muted">
              Signed with key <code className="key-id">{done.keyId}</code>. Briefbook keeps it up to date from now on.
            </p>
            <div className="bb-modal-actions">
              <a className="bb-button is-primary" href={href.pack(done.packId)} onClick={onClose}>
                Open the book
              </a>
              <button type="button" className="bb-button" onClick={onClose}>
                Close
              </button>
            </div>
          </div>
        ) : (
          <>
            <label className="field" htmlFor={`${id}-url`}>
              <span>Address the publisher gave you</span>
            </label>
            <input
              id={`${id}-url`}
              type="text"
              inputMode="url"
              className="wide"
              autoFocus
              required
              placeholder="https://briefs.example.org/summit-2027/"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
            <fieldset className="key-mode">
              <legend>The publisher’s key</legend>
              <label>
                <input type="radio" name={`${id}-mode`} checked={mode === 'file'} onChange={() => setMode('file')} />{' '}
                Paste their .pub file
              </label>
              <label>
                <input type="radio" name={`${id}-mode`} checked={mode === 'id'} onChange={() => setMode('id')} /> Type
                the key id they read to me
              </label>
            </fieldset>
            {mode === 'file' ? (
              <>
                <label className="field" htmlFor={`${id}-pub`}>
                  <span>Contents of the .pub file</span>
                </label>
                <textarea
                  id={`${id}-pub`}
                  rows={4}
                  className="wide mono"
                  placeholder={'-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----'}
                  value={pubText}
                  onChange={(e) => {
                    setPubText(e.target.value);
                    setConfirmed(false);
                  }}
                />
                <label className="file-pick">
                  <span>Or open the .pub file…</span>
                  <input
                    type="file"
                    accept=".pub,text/plain"
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      if (file) void file.text().then((t) => (setPubText(t), setConfirmed(false)));
                    }}
                  />
                </label>
                {pubText.trim() && computed?.text === pubText && pastedId === null && (
                  <p className="form-error" role="alert">
                    That is not a publisher key. Paste the whole .pub file, including the BEGIN and END lines.
                  </p>
                )}
              </>
            ) : (
              <>
                <label className="field" htmlFor={`${id}-keyid`}>
                  <span>Key id (16 letters and digits, e.g. 3f9a-12bc-77e0-9d41)</span>
                </label>
                <input
                  id={`${id}-keyid`}
                  type="text"
                  className="mono"
                  autoComplete="off"
                  spellCheck={false}
                  value={typedId}
                  onChange={(e) => {
                    setTypedId(e.target.value);
                    setConfirmed(false);
                  }}
                />
              </>
            )}
            {keyOk && keyId && (
              <div className="key-confirm">
                <p>
                  Key id <code className="key-id">{keyId}</code>
                </p>
                <label>
                  <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
                  {mode === 'file'
                    ? 'The publisher confirmed this key id to me (by phone or in person)'
                    : 'This is the key id the publisher read to me'}
                </label>
              </div>
            )}
            {busy && <SyncProgressBar progress={progress} label="Downloading the book" />}
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <div className="bb-modal-actions">
              <button type="submit" className="bb-button is-primary" disabled={!canAdd}>
                {busy ? 'Adding…' : 'Add and download'}
              </button>
              <button type="button" className="bb-button" onClick={onClose}>
                Cancel
              </button>
            </div>
          </>
        )}
      </form>
    </Modal>
  );
}
