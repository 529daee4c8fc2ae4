// Export a printable PDF brief: what (whole book, a day, a meeting card, some officials'
// profiles), with or without the reader's notes, paper size, an optional watermark name,
// and where it goes. Progress while it is written; then pages, size and the file.
import { useId, useMemo, useState } from 'react';
import type { ExportScope } from '../../../shared/api';
import { formatDay, localDateOf } from '../../../shared/time';
import { useClock } from '../../state/clock';
import { usePackIndex, usePackContents } from '../../state/hooks';
import { Modal } from '../sync/Dialog';
import { formatBytes } from './download';
import { closeExport, downloadResult, runExport, useExport } from './exportState';
import { cleanFileName, defaultFileName, exportsFolder } from './names';
import './export.css';

type ScopeKind = ExportScope['kind'];

const defaultPaper = (): 'a4' | 'letter' => (/^en-(US|CA)|^es-(US|MX)/.test(navigator.language) ? 'letter' : 'a4');

function ExportForm({ packId, preset }: { packId: string; preset: ExportScope | null }) {
  const id = useId();
  const now = useClock((s) => Math.floor(s.now / 60_000) * 60_000);
  const index = usePackIndex(packId);
  const contents = usePackContents(packId);
  const pack = contents?.status === 'ready' ? contents.value.pack : null;
  const { appInfo, running, progress, result, error, saved } = useExport();
  const [kind, setKind] = useState<ScopeKind>(preset?.kind ?? 'all');
  const [day, setDay] = useState(preset?.kind === 'day' ? preset.date : (index?.days[0] ?? ''));
  const [meeting, setMeeting] = useState(
    preset?.kind === 'meeting' ? preset.id : (index?.meetings[0]?.meeting.id ?? ''),
  );
  const [officials, setOfficials] = useState<string[]>(preset?.kind === 'officials' ? preset.ids : []);
  const [filter, setFilter] = useState('');
  const [notes, setNotes] = useState(true);
  const [paper, setPaper] = useState<'a4' | 'letter'>(defaultPaper);
  const [watermark, setWatermark] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);

  const scope: ExportScope | null =
    kind === 'all'
      ? { kind: 'all' }
      : kind === 'day'
        ? day
          ? { kind: 'day', date: day }
          : null
        : kind === 'meeting'
          ? meeting
            ? { kind: 'meeting', id: meeting }
            : null
          : officials.length
            ? { kind: 'officials', ids: officials }
            : null;
  const today = localDateOf(now, Intl.DateTimeFormat().resolvedOptions().timeZone);
  const name = cleanFileName(fileName ?? (scope ? defaultFileName(packId, scope, today) : `${packId}.pdf`));
  const shownOfficials = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return (index?.officials ?? []).filter(
      (o) => !f || `${o.data.name} ${o.data.nativeName ?? ''} ${o.data.country}`.toLowerCase().includes(f),
    );
  }, [index, filter]);

  if (!index) return <p className="bb-modal-body">Loading the book…</p>;

  const percent = progress && progress.itemsTotal ? Math.round((progress.itemsDone / progress.itemsTotal) * 100) : null;

  return (
    <form
      className="bb-modal-body export-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (scope && !running) void runExport({ packId, scope, notes, paper, watermark, fileName: name });
      }}
    >
      <h2>Export a PDF brief</h2>
      {pack && <p className="muted export-of">{pack.title}</p>}
      <fieldset disabled={running}>
        <legend>What to include</legend>
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={kind === 'all'} onChange={() => setKind('all')} />
          <span>
            The whole book <span className="muted">— cover, contents, schedule, meeting cards, profiles, notes</span>
          </span>
        </label>
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={kind === 'day'} onChange={() => setKind('day')} />
          <span>One day’s schedule and meetings</span>
        </label>
        {kind === 'day' && (
          <select className="choice-detail" aria-label="Day" value={day} onChange={(e) => setDay(e.target.value)}>
            {index.days.map((d) => (
              <option key={d} value={d}>
                {formatDay(d, 'long')}
              </option>
            ))}
          </select>
        )}
        <label className="choice">
          <input type="radio" name={`${id}-scope`} checked={kind === 'meeting'} onChange={() => setKind('meeting')} />
          <span>One meeting card</span>
        </label>
        {kind === 'meeting' && (
          <select
            className="choice-detail"
            aria-label="Meeting"
            value={meeting}
            onChange={(e) => setMeeting(e.target.value)}
          >
            {index.meetings.map((m) => (
              <option key={m.meeting.id} value={m.meeting.id}>
                {formatDay(m.day)} · {m.meeting.title}
              </option>
            ))}
          </select>
        )}
        <label className="choice">
          <input
            type="radio"
            name={`${id}-scope`}
            checked={kind === 'officials'}
            onChange={() => setKind('officials')}
          />
          <span>Profiles of selected officials</span>
        </label>
        {kind === 'officials' && (
          <div className="choice-detail officials-pick">
            <input
              type="search"
              aria-label="Filter officials"
              placeholder="Filter by name or country"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
            <div className="officials-list" role="group" aria-label="Officials to include">
              {shownOfficials.map((o) => (
                <label key={o.id}>
                  <input
                    type="checkbox"
                    checked={officials.includes(o.id)}
                    onChange={(e) =>
                      setOfficials((list) => (e.target.checked ? [...list, o.id] : list.filter((x) => x !== o.id)))
                    }
                  />
                  <span>
                    {o.data.name} <span className="muted">· {o.data.country}</span>
                  </span>
                </label>
              ))}
            </div>
            <p className="muted small">{officials.length} selected</p>
          </div>
        )}
      </fieldset>
      <fieldset disabled={running} className="export-options">
        <legend>Options</legend>
        <label className="choice">
          <input type="checkbox" checked={notes} onChange={(e) => setNotes(e.target.checked)} />
          <span>Include my highlights and notes</span>
        </label>
        <div className="paper" role="radiogroup" aria-label="Paper size">
          <span className="paper-label" aria-hidden="true">
            Paper
          </span>
          <label>
            <input type="radio" name={`${id}-paper`} checked={paper === 'a4'} onChange={() => setPaper('a4')} /> A4
          </label>
          <label>
            <input type="radio" name={`${id}-paper`} checked={paper === 'letter'} onChange={() => setPaper('letter')} />{' '}
            US Letter
          </label>
        </div>
        <label className="field" htmlFor={`${id}-wm`}>
          <span>Watermark name (printed across every page with today’s date; optional)</span>
        </label>
        <input
          id={`${id}-wm`}
          type="text"
          className="wide"
          maxLength={120}
          placeholder={pack?.preparedFor?.split(',')[0] ?? 'Your name'}
          value={watermark}
          onChange={(e) => setWatermark(e.target.value)}
        />
      </fieldset>
      <fieldset disabled={running}>
        <legend>Save as</legend>
        <label className="visually-hidden" htmlFor={`${id}-file`}>
          File name
        </label>
        <input
          id={`${id}-file`}
          type="text"
          className="wide mono"
          value={fileName ?? name}
          onChange={(e) => setFileName(e.target.value)}
        />
        <p className="muted small destination">
          Saved in Briefbook’s exports folder{appInfo ? ':' : '.'}{' '}
          {appInfo && <code>{exportsFolder(appInfo.dataDir)}</code>}. You can then download a copy.
        </p>
      </fieldset>
      {running && (
        <div className="export-progress">
          <progress
            aria-label="Export progress"
            max={progress?.itemsTotal || undefined}
            value={progress?.itemsTotal ? progress.itemsDone : undefined}
          />
          <span className="muted small">
            {progress
              ? `${percent ?? 0}% · ${progress.itemsDone} of ${progress.itemsTotal} items · ${progress.pages} pages so far`
              : 'Starting…'}
          </span>
        </div>
      )}
      <div role="status" className="export-status">
        {result && !running && (
          <div className="result result-ok">
            <p>
              <strong>Exported {result.pages} pages</strong> ({formatBytes(result.bytes)}).
            </p>
            <p className="small">
              Saved as <code className="export-path">{result.path}</code>
            </p>
          </div>
        )}
        {saved && <p className="small">{saved}</p>}
      </div>
      {error && !running && (
        <p className="form-error" role="alert">
          The export failed: {error}
        </p>
      )}
      <div className="bb-modal-actions">
        {result && !running ? (
          <>
            <button type="button" className="bb-button is-primary" onClick={() => void downloadResult()}>
              Download a copy
            </button>
            <button
              type="button"
              className="bb-button"
              onClick={() => void navigator.clipboard?.writeText(result.path).catch(() => {})}
            >
              Copy the path
            </button>
            <button type="submit" className="bb-button" disabled={!scope}>
              Export again
            </button>
          </>
        ) : (
          <button type="submit" className="bb-button is-primary" disabled={!scope || running}>
            {running ? 'Exporting…' : 'Export PDF'}
          </button>
        )}
        <button type="button" className="bb-button" onClick={closeExport}>
          {result ? 'Done' : 'Cancel'}
        </button>
      </div>
    </form>
  );
}

export function ExportDialog() {
  const open = useExport((s) => s.open);
  if (!open) return null;
  return (
    <Modal label="Export a PDF brief" onClose={closeExport} className="export-dialog">
      <ExportForm packId={open.packId} preset={open.preset} />
    </Modal>
  );
}
