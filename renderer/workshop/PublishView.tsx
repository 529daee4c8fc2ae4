// Preview and publish: the publisher key (made here, protected by a passphrase where
// there is no keychain), what publishing will do (version, key id, items added, changed
// and removed), and the Publish button, which stays disabled while problems remain.
import { useEffect, useState } from 'react';
import type { ExportPdfResult } from '../../shared/api';
import { KIND_LABELS } from '../../shared/model';
import type { ItemChange, KeyStatus, PublishPlan, PublishResult, WorkshopState } from '../../shared/workshopApi';
import { api } from '../api';
import { saveCopyOfExport } from '../features/export/exportState';
import { FolderInput } from './FolderInput';
import { href } from '../lib/routes';
import { navigate } from '../state/navigation';
import { runWorkshop, useWorkshop } from './state';

function Changes({ title, list }: { title: string; list: ItemChange[] }) {
  if (list.length === 0) return null;
  return (
    <div>
      <h4>
        {title} ({list.length})
      </h4>
      <ul className="wf-changes">
        {list.map((c) => (
          <li key={`${c.kind}/${c.id}`}>
            {KIND_LABELS[c.kind].one}: <code>{c.id}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

function KeySection({ status, onChange }: { status: KeyStatus | null; onChange: (s: KeyStatus) => void }) {
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const busy = useWorkshop((s) => s.busy);
  if (!status) return <p className="muted">Looking for the publisher key…</p>;
  if (status.exists)
    return (
      <div>
        <p>
          Publisher key id <strong className="wf-keyid">{status.keyId}</strong>
        </p>
        <p className="muted small">{status.note}</p>
        <p className="muted small">
          Public key file: <code>{status.publicKeyFile}</code>
        </p>
      </div>
    );
  const mismatch = again !== '' && pass !== again;
  const create = async () => {
    const s = await runWorkshop(() => api.workshopCreateKey(status.keychainAvailable ? {} : { passphrase: pass }));
    if (s) onChange(s);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <p>No publisher key yet. Readers check every version you publish against it.</p>
      <p className="muted small">{status.note}</p>
      {!status.keychainAvailable && (
        <>
          <div className="wf-field">
            <label htmlFor="wf-newpass">New passphrase (at least 10 characters)</label>
            <input
              id="wf-newpass"
              type="password"
              autoComplete="new-password"
              value={pass}
              onChange={(e) => setPass(e.target.value)}
            />
          </div>
          <div className="wf-field">
            <label htmlFor="wf-newpass2">Passphrase again</label>
            <input
              id="wf-newpass2"
              type="password"
              autoComplete="new-password"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
            {mismatch && <small className="wf-problems">The two passphrases differ.</small>}
          </div>
        </>
      )}
      <button type="submit" disabled={busy || (!status.keychainAvailable && (pass.length < 10 || pass !== again))}>
        Create publisher key
      </button>
    </form>
  );
}

export function PublishView({ state }: { state: WorkshopState }) {
  const [key, setKey] = useState<KeyStatus | null>(null);
  const [outDir, setOutDir] = useState(`${state.folder.replace(/[\\/]+$/, '')}-published`);
  const [plan, setPlan] = useState<PublishPlan | null>(null);
  const [pass, setPass] = useState('');
  const [briefpack, setBriefpack] = useState(false);
  const [result, setResult] = useState<PublishResult | null>(null);
  const busy = useWorkshop((s) => s.busy);
  const problems = state.problems.length;

  useEffect(() => {
    void api.workshopKeyStatus({}).then(setKey, () => setKey(null));
  }, []);
  useEffect(() => {
    if (!outDir.trim()) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void api.workshopPublishPlan({ folder: state.folder, outDir }).then(
        (p) => live && setPlan(p),
        () => live && setPlan(null),
      );
    }, 250);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [state.folder, state.checkedAt, outDir, key?.keyId, result?.version]);

  const preview = async () => {
    const res = await runWorkshop(() => api.workshopPreviewDraft({ folder: state.folder }));
    if (res) navigate(href.pack(res.packId));
  };
  const [pdf, setPdf] = useState<ExportPdfResult | null>(null);
  const previewPdf = async () => {
    const draft = await runWorkshop(() => api.workshopPreviewDraft({ folder: state.folder }));
    if (!draft) return;
    // Into the app's exports folder, like every export; "Save a copy" puts it where the reader wants.
    const outPath = `${draft.packId}-preview.pdf`;
    const res = await runWorkshop(() =>
      api.exportPdf({ packId: draft.packId, scope: { kind: 'all' }, notes: false, paper: 'a4', outPath }),
    );
    if (res) setPdf(res);
  };
  const publish = async () => {
    const res = await runWorkshop(() =>
      api.workshopPublish({ folder: state.folder, outDir, passphrase: pass, briefpack }),
    );
    if (res) {
      setResult(res);
      setPass('');
    }
  };
  const needsPassphrase = key?.protection === 'passphrase';
  const canPublish = !busy && problems === 0 && !!plan?.ready && !!key?.exists && (!needsPassphrase || pass.length > 0);

  return (
    <section className="wf-form" aria-labelledby="wf-publish-heading">
      <h2 id="wf-publish-heading">Preview and publish</h2>
      {result && (
        <section className="wf-result" role="status" aria-labelledby="wf-result-heading">
          <h3 id="wf-result-heading">
            Published version {result.version} of {result.packId}
          </h3>
          <p>
            Folder: <code>{result.outDir}</code>
            {result.briefpack && (
              <>
                <br />
                Single file: <code>{result.briefpack}</code>
              </>
            )}
          </p>
          <p>
            Give readers the address where you upload the folder, the public key file{' '}
            <code>{result.publicKeyFile}</code>, and read them the key id{' '}
            <strong className="wf-keyid">{result.keyId}</strong> by phone.
          </p>
          <Changes title="Added" list={result.added} />
          <Changes title="Changed" list={result.changed} />
          <Changes title="Removed" list={result.removed} />
        </section>
      )}
      <section aria-labelledby="wf-preview-heading">
        <h3 id="wf-preview-heading">Preview</h3>
        <p className="muted">
          Install this folder as an unsigned local draft and read it exactly as an executive will.
        </p>
        <button type="button" disabled={busy || problems > 0} onClick={() => void preview()}>
          Preview in the reader
        </button>{' '}
        <button type="button" disabled={busy || problems > 0} onClick={() => void previewPdf()}>
          Export a preview PDF
        </button>
        {pdf && (
          <p className="wf-notice" role="status">
            Preview PDF written: <code>{pdf.path}</code> ({pdf.pages} pages){' '}
            <button type="button" onClick={() => void runWorkshop(() => saveCopyOfExport(pdf.path))}>
              Save a copy
            </button>
          </p>
        )}
        {problems > 0 && (
          <p className="muted small">Fix the problems first: the reader shows only a pack that checks.</p>
        )}
      </section>
      <section aria-labelledby="wf-key-heading">
        <h3 id="wf-key-heading">Publisher key</h3>
        <KeySection status={key} onChange={setKey} />
      </section>
      <section aria-labelledby="wf-out-heading">
        <h3 id="wf-out-heading">Publish</h3>
        <div className="wf-field wf-wide">
          <label htmlFor="wf-outdir">Publish into this folder (upload it to any static web host)</label>
          <FolderInput id="wf-outdir" value={outDir} onChange={setOutDir} pickerTitle="Publish into this folder" />
        </div>
        <label className="wf-check">
          <input type="checkbox" checked={briefpack} onChange={(e) => setBriefpack(e.target.checked)} /> Also write a
          single .briefpack file (for USB sticks and e-mail)
        </label>
        {plan && (
          <div className="wf-plan" aria-live="polite">
            {plan.version !== null && (
              <p>
                Will publish <strong>version {plan.version}</strong>
                {plan.previousVersion !== null
                  ? ` (the folder has version ${plan.previousVersion})`
                  : ' (first version)'}
                {plan.keyId ? (
                  <>
                    , signed by key <strong>{plan.keyId}</strong>
                  </>
                ) : null}
                .
              </p>
            )}
            <Changes title="Added" list={plan.added} />
            <Changes title="Changed" list={plan.changed} />
            <Changes title="Removed" list={plan.removed} />
            {plan.version !== null && plan.added.length + plan.changed.length + plan.removed.length === 0 && (
              <p className="muted">Nothing changed since the published version.</p>
            )}
            {plan.problems.length > 0 && (
              <ul className="wf-problems">
                {plan.problems
                  .filter((p) => !state.problems.some((s) => s.file === p.file && s.message === p.message))
                  .map((p, i) => (
                    <li key={i}>{p.message}</li>
                  ))}
              </ul>
            )}
            {plan.warnings.map((w) => (
              <p key={w} className="muted">
                {w}
              </p>
            ))}
          </div>
        )}
        {problems > 0 && (
          <p className="wf-problems" role="note">
            Publishing is disabled: the checker reports {problems} problem{problems === 1 ? '' : 's'} (listed on the
            left).
          </p>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (canPublish) void publish();
          }}
        >
          {needsPassphrase && (
            <div className="wf-field">
              <label htmlFor="wf-pass">Passphrase of the publisher key</label>
              <input
                id="wf-pass"
                type="password"
                autoComplete="current-password"
                value={pass}
                onChange={(e) => setPass(e.target.value)}
              />
            </div>
          )}
          <button type="submit" className="wf-primary" disabled={!canPublish}>
            Publish{plan?.version ? ` version ${plan.version}` : ''}
          </button>
        </form>
      </section>
    </section>
  );
}
