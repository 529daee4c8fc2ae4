// Import officials from a spreadsheet saved as CSV: choose the file (or paste it), map
// its columns, see what would be created, updated and refused (and why), then confirm.
// Nothing is written before the confirmation.
import { useState } from 'react';
import { IMPORT_FIELDS, type ImportField, type ImportPreview } from '../../shared/workshopApi';
import { api } from '../api';
import { toBase64 } from './PhotoInput';
import { runWorkshop, setWorkshopState, useWorkshop } from './state';

const FIELD_LABELS: Record<ImportField, string> = {
  id: 'Id (file name)',
  name: 'Name',
  nativeName: 'Native-script name',
  pronunciation: 'Pronunciation',
  title: 'Title',
  organization: 'Organization',
  country: 'Country',
  languages: 'Languages',
  tags: 'Tags',
  body: 'Biography',
};

export function ImportView({ folder }: { folder: string }) {
  const [csv, setCsv] = useState('');
  /** An .xlsx workbook, base64; when set it is the sheet (not `csv`). */
  const [xlsx, setXlsx] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const busy = useWorkshop((s) => s.busy);

  const sheetOf = (text: string, book: string | null) => (book !== null ? { xlsx: book } : { csv: text });
  const runPreview = async (text: string, book: string | null, mapping?: Record<string, ImportField | null>) => {
    setReport(null);
    const p = await runWorkshop(() => api.workshopPreviewImport({ folder, ...sheetOf(text, book), mapping }));
    setPreview(p);
  };
  const commit = async () => {
    if (!preview) return;
    const res = await runWorkshop(() =>
      api.workshopCommitImport({
        folder,
        ...sheetOf(csv, xlsx),
        mapping: preview.mapping,
        expect: {
          create: preview.rows.filter((r) => r.action === 'create').map((r) => r.id),
          update: preview.rows.filter((r) => r.action === 'update').map((r) => r.id),
        },
      }),
    );
    if (!res) return;
    setWorkshopState(res.state);
    setPreview(null);
    setReport(
      `Imported: ${res.created.length} created, ${res.updated.length} updated.` +
        (res.refused.length ? ` ${res.refused.length} row(s) were not imported (listed in the preview).` : ''),
    );
  };
  const creates = preview?.rows.filter((r) => r.action === 'create').length ?? 0;
  const updates = preview?.rows.filter((r) => r.action === 'update').length ?? 0;

  return (
    <section className="wf-form" aria-labelledby="wf-import-heading">
      <h2 id="wf-import-heading">Import officials from a spreadsheet</h2>
      <p className="muted">
        An .xlsx workbook (its first sheet) or a CSV file: one official per row, the first row naming the columns. You
        will see what happens to every row before anything is written.
      </p>
      <div className="wf-field">
        <label htmlFor="wf-csv-file">Spreadsheet file (.xlsx or .csv)</label>
        <input
          id="wf-csv-file"
          type="file"
          accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            setFileName(file.name);
            if (/\.xlsx$/i.test(file.name)) {
              const book = toBase64(await file.arrayBuffer());
              setXlsx(book);
              setCsv('');
              await runPreview('', book);
            } else {
              const text = await file.text();
              setXlsx(null);
              setCsv(text);
              await runPreview(text, null);
            }
          }}
        />
      </div>
      <details>
        <summary>Or paste the CSV text</summary>
        <textarea
          aria-label="CSV text"
          rows={6}
          value={csv}
          onChange={(e) => {
            setCsv(e.target.value);
            setXlsx(null);
          }}
        />
        <button type="button" disabled={!csv.trim() || busy} onClick={() => void runPreview(csv, null)}>
          Preview
        </button>
      </details>
      {report && (
        <p className="wf-notice" role="status">
          {report}
        </p>
      )}
      {preview && (
        <>
          <h3>Columns{fileName ? ` of ${fileName}` : ''}</h3>
          <div className="wf-mapping">
            {preview.headers.map((h) => (
              <label key={h} className="wf-field">
                <span>“{h}” goes to</span>
                <select
                  value={preview.mapping[h] ?? ''}
                  onChange={(e) =>
                    void runPreview(csv, xlsx, {
                      ...preview.mapping,
                      [h]: (e.target.value || null) as ImportField | null,
                    })
                  }
                >
                  <option value="">(ignore this column)</option>
                  {IMPORT_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {FIELD_LABELS[f]}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <h3>
            What will happen: {creates} new, {updates} updated, {preview.refused.length} refused
          </h3>
          {preview.rows.length > 0 && (
            <table className="wf-table" aria-label="Rows to import">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Action</th>
                  <th scope="col">Name</th>
                  <th scope="col">Id</th>
                  <th scope="col">Fields</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>
                      {r.action === 'create'
                        ? 'Create'
                        : `Update (matched by ${r.matchedBy === 'name' ? 'name' : 'id'})`}
                    </td>
                    <td>{r.name}</td>
                    <td>
                      <code>{r.id}</code>
                    </td>
                    <td>{Object.keys(r.changes).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.refused.length > 0 && (
            <>
              <h3>Refused rows (not imported)</h3>
              <table className="wf-table wf-refused" aria-label="Refused rows">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Name</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.refused.map((r) => (
                    <tr key={r.row}>
                      <td>{r.row}</td>
                      <td>{r.name}</td>
                      <td>{r.reasons.join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted small">
                Fix these rows in the spreadsheet and import it again; rows already imported will be updated, not
                duplicated.
              </p>
            </>
          )}
          <div className="wf-savebar">
            <button
              type="button"
              className="wf-primary"
              disabled={busy || preview.rows.length === 0}
              onClick={() => void commit()}
            >
              Import {preview.rows.length} official{preview.rows.length === 1 ? '' : 's'}
              {preview.refused.length ? ` (skip ${preview.refused.length} refused)` : ''}
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </>
      )}
    </section>
  );
}
