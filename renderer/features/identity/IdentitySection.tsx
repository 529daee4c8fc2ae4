import { useEffect } from 'react';
import { copyPublicKey, loadIdentity, useIdentity } from './identityState';

/** "This computer": the reader key to send to whoever publishes confidential packs. */
export function IdentitySection() {
  const { identity, error, copied } = useIdentity();
  useEffect(() => void loadIdentity(), []);
  return (
    <section className="card-section" aria-labelledby="identity-heading">
      <h2 id="identity-heading">This computer</h2>
      <p className="muted">
        Confidential briefing books are encrypted to named readers. Send the line below to the chief of staff who
        publishes yours, and read them the key id by phone so they know it came from you. It is not secret.
      </p>
      {error && <p role="alert">{error}</p>}
      {identity && (
        <>
          <p>
            Key id <strong className="identity-key-id">{identity.keyId}</strong>
          </p>
          <label className="field">
            <span>Reader key</span>
            <input readOnly value={identity.publicKey} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <button type="button" onClick={() => void copyPublicKey()}>
            {copied ? 'Copied' : 'Copy reader key'}
          </button>
          <p className={identity.protection === 'file-only' ? 'identity-warning' : 'muted small'}>
            {identity.protectionNote}
          </p>
        </>
      )}
    </section>
  );
}
