// The forms: pack settings and one per kind of item. Each edits a draft of the file's
// front matter (unknown fields ride along untouched) and body; Save sends the draft
// and the core writes only the fields that differ. Problems show beside their fields.
import { useState } from 'react';
import type { Problem } from '../../shared/errors';
import { ITEM_KINDS, KIND_LABELS, PRIORITIES, type ItemKind } from '../../shared/model';
import { dualTime, localDateOf, localTimeOf, zoneCity, zonedToInstant } from '../../shared/time';
import type { WorkshopItem, WorkshopState } from '../../shared/workshopApi';
import { useHomeZone } from '../state/hooks';
import { Field, ListField, MarkdownEditor, RefPicker, TextField, fieldId, forField, useFocusRequested } from './fields';
import { PhotoInput } from './PhotoInput';
import { deleteItem, problemsFor, renameItem, saveItem, savePack, useWorkshop } from './state';

type Data = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}
const ZONES = supportedZones();

export function ZoneList() {
  return (
    <datalist id="wf-zones">
      {ZONES.map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
}

/** Empty optional fields are removed from the file rather than written as "". */
function withoutEmpty(data: Data, optional: readonly string[]): Data {
  const out: Data = { ...data };
  for (const k of optional) if (k in out && (out[k] === '' || out[k] === undefined)) out[k] = null;
  return out;
}

const isObject = (v: unknown): v is Data => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Only what the author changed in the form, so a field someone edited by hand in the
 * meantime is not put back. Nested maps (the event) give only their changed keys.
 */
export function changedFields(original: Data, draft: Data): Data {
  const out: Data = {};
  for (const k of new Set([...Object.keys(original), ...Object.keys(draft)])) {
    const a = original[k];
    const b = draft[k];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    out[k] = isObject(a) && isObject(b) ? changedFields(a, b) : (b ?? null);
  }
  return out;
}

function SaveBar({ dirty, onSave, onReset }: { dirty: boolean; onSave: () => void; onReset: () => void }) {
  const busy = useWorkshop((s) => s.busy);
  return (
    <div className="wf-savebar">
      <button type="submit" className="wf-primary" disabled={busy || !dirty} onClick={onSave}>
        Save
      </button>
      <button type="button" disabled={busy || !dirty} onClick={onReset}>
        Discard changes
      </button>
      <span className="muted" aria-live="polite">
        {dirty ? 'Unsaved changes' : 'Saved'}
      </span>
    </div>
  );
}

function FileProblems({ problems }: { problems: Problem[] }) {
  const general = problems.filter((p) => !p.field && p.line === undefined);
  if (general.length === 0) return null;
  return (
    <ul className="wf-problems wf-file-problems">
      {general.map((p, i) => (
        <li key={i}>{p.message}</li>
      ))}
    </ul>
  );
}

// ---- pack settings ------------------------------------------------------------

const CLASSIFICATIONS = ['UNCLASSIFIED', 'OFFICIAL', 'OFFICIAL-SENSITIVE', 'CONFIDENTIAL', 'RESTRICTED', 'SECRET'];

export function PackForm({ state }: { state: WorkshopState }) {
  const original = state.pack ?? {};
  const [draft, setDraft] = useState<Data>(original);
  const problems = problemsFor(state, 'pack.yaml');
  useFocusRequested();
  const event = (draft.event && typeof draft.event === 'object' ? draft.event : {}) as Data;
  const zone = str(event.timeZone) || 'UTC';
  const set = (k: string, v: unknown) => setDraft((d) => ({ ...d, [k]: v }));
  const setEvent = (k: string, v: unknown) => setDraft((d) => ({ ...d, event: { ...(d.event as Data), [k]: v } }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(original);
  let expiresLocal = '';
  const expires = str(draft.expires);
  if (expires && !Number.isNaN(Date.parse(expires))) {
    const ms = Date.parse(expires);
    expiresLocal = `${localDateOf(ms, zone)}T${localTimeOf(ms, zone)}`;
  }
  const save = () => {
    const patch = withoutEmpty(changedFields(original, draft), ['preparedFor', 'expires']);
    if (isObject(patch.event)) patch.event = withoutEmpty(patch.event, ['venue']);
    void savePack(patch);
  };
  if (!state.pack)
    return (
      <p className="wf-problems">
        pack.yaml cannot be read as YAML, so the form cannot show it. Fix it in a text editor; the problem list says
        where.
      </p>
    );
  return (
    <form
      className="wf-form"
      aria-label="Pack settings"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <FileProblems problems={problems} />
      <fieldset>
        <legend>Pack</legend>
        <TextField
          label="Title"
          name="title"
          value={str(draft.title)}
          onChange={(v) => set('title', v)}
          problems={problems}
          wide
        />
        <TextField
          label="Pack id"
          name="id"
          value={str(draft.id)}
          onChange={(v) => set('id', v)}
          problems={problems}
          hint="Readers subscribe to this id: do not change it after publishing"
        />
        <TextField
          label="Classification"
          name="classification"
          value={str(draft.classification)}
          onChange={(v) => set('classification', v)}
          problems={problems}
          list="wf-classifications"
          hint="Printed at the top and bottom of every page"
        />
        <datalist id="wf-classifications">
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <TextField
          label="Prepared for (optional)"
          name="preparedFor"
          value={str(draft.preparedFor)}
          onChange={(v) => set('preparedFor', v)}
          problems={problems}
        />
        <TextField
          label={`Expires (optional, ${zoneCity(zone)} time)`}
          name="expires"
          type="datetime-local"
          value={expiresLocal}
          onChange={(v) =>
            set('expires', v ? new Date(zonedToInstant(v, zone)).toISOString().replace(/\.\d{3}Z$/, 'Z') : '')
          }
          problems={problems}
          hint="After this moment readers can no longer open the pack"
        />
      </fieldset>
      <fieldset>
        <legend>Event</legend>
        <TextField
          label="Event name"
          name="event.name"
          value={str(event.name)}
          onChange={(v) => setEvent('name', v)}
          problems={problems}
          wide
        />
        <TextField
          label="Location (city, country)"
          name="event.location"
          value={str(event.location)}
          onChange={(v) => setEvent('location', v)}
          problems={problems}
        />
        <TextField
          label="Venue (optional)"
          name="event.venue"
          value={str(event.venue)}
          onChange={(v) => setEvent('venue', v)}
          problems={problems}
        />
        <TextField
          label="Venue time zone"
          name="event.timeZone"
          value={str(event.timeZone)}
          onChange={(v) => setEvent('timeZone', v)}
          problems={problems}
          list="wf-zones"
          hint="Type a city, e.g. Tokyo → Asia/Tokyo"
        />
        <TextField
          label="First day"
          name="event.start"
          type="date"
          value={str(event.start)}
          onChange={(v) => setEvent('start', v)}
          problems={problems}
        />
        <TextField
          label="Last day"
          name="event.end"
          type="date"
          value={str(event.end)}
          onChange={(v) => setEvent('end', v)}
          problems={problems}
        />
      </fieldset>
      <SaveBar dirty={dirty} onSave={save} onReset={() => setDraft(original)} />
    </form>
  );
}

// ---- items -------------------------------------------------------------------

function ItemHeader({ item }: { item: WorkshopItem }) {
  const [newId, setNewId] = useState(item.id);
  const [confirming, setConfirming] = useState(false);
  const busy = useWorkshop((s) => s.busy);
  return (
    <div className="wf-item-head">
      <p className="muted small">
        File <code>{item.file}</code>
      </p>
      <div className="wf-inline">
        <label htmlFor="wf-rename">Id (file name)</label>
        <input id="wf-rename" type="text" value={newId} onChange={(e) => setNewId(e.target.value.trim())} />
        <button
          type="button"
          disabled={busy || newId === item.id || !newId}
          onClick={() => void renameItem(item, newId)}
        >
          Rename
        </button>
        {confirming ? (
          <>
            <button type="button" className="wf-danger" onClick={() => void deleteItem(item)}>
              Delete {item.file} now
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
    </div>
  );
}

function optionsOf(state: WorkshopState, kind: ItemKind) {
  return state.items.filter((i) => i.kind === kind).map((i) => ({ id: i.id, title: i.title }));
}

const OPTIONAL: Record<ItemKind, string[]> = {
  official: ['nativeName', 'pronunciation', 'photo'],
  meeting: ['timeZone'],
  'talking-point': ['topic'],
  note: [],
};

const BODY_LABEL: Record<ItemKind, string> = {
  official: 'Biography',
  meeting: 'Objectives and logistics',
  'talking-point': 'Talking point',
  note: 'Background brief',
};

export function ItemForm({ state, item }: { state: WorkshopState; item: WorkshopItem }) {
  const original = item.data ?? {};
  const [draft, setDraft] = useState<Data>(original);
  const [body, setBody] = useState(item.body);
  const problems = problemsFor(state, item.file);
  useFocusRequested();
  const set = (k: string, v: unknown) => setDraft((d) => ({ ...d, [k]: v }));
  const dirty = JSON.stringify(draft) !== JSON.stringify(original) || body !== item.body;
  const packId = str(state.pack?.id) || 'draft';
  if (item.unreadable)
    return (
      <div className="wf-form">
        <ItemHeader item={item} />
        <p className="wf-problems">
          {item.file}: {item.unreadable}. Fix it in a text editor, then reopen the folder.
        </p>
      </div>
    );
  const save = () =>
    void saveItem(
      item,
      withoutEmpty(changedFields(original, draft), OPTIONAL[item.kind]),
      body !== item.body ? body : undefined,
    );
  const p = problems;
  return (
    <form
      className="wf-form"
      aria-label={`${KIND_LABELS[item.kind].one}: ${item.title}`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <ItemHeader item={item} />
      <FileProblems problems={problems} />
      {item.kind === 'official' && (
        <fieldset>
          <legend>Profile</legend>
          <TextField
            label="Name (as it is printed in English)"
            name="name"
            value={str(draft.name)}
            onChange={(v) => set('name', v)}
            problems={p}
          />
          <TextField
            label="Name in native script (optional)"
            name="nativeName"
            value={str(draft.nativeName)}
            onChange={(v) => set('nativeName', v)}
            problems={p}
          />
          <TextField
            label="Pronunciation (optional)"
            name="pronunciation"
            value={str(draft.pronunciation)}
            onChange={(v) => set('pronunciation', v)}
            problems={p}
            placeholder="e.g. tah-NAH-kah hee-ROH-shee"
          />
          <TextField
            label="Title"
            name="title"
            value={str(draft.title)}
            onChange={(v) => set('title', v)}
            problems={p}
          />
          <TextField
            label="Organization"
            name="organization"
            value={str(draft.organization)}
            onChange={(v) => set('organization', v)}
            problems={p}
          />
          <TextField
            label="Country"
            name="country"
            value={str(draft.country)}
            onChange={(v) => set('country', v)}
            problems={p}
          />
          <ListField
            label="Languages"
            name="languages"
            value={strs(draft.languages)}
            onChange={(v) => set('languages', v)}
            problems={p}
          />
          <ListField label="Tags" name="tags" value={strs(draft.tags)} onChange={(v) => set('tags', v)} problems={p} />
          <PhotoInput officialId={item.id} current={str(draft.photo)} problems={forField(p, 'photo')} />
        </fieldset>
      )}
      {item.kind === 'meeting' && <MeetingFields state={state} draft={draft} set={set} problems={p} />}
      {item.kind === 'talking-point' && (
        <fieldset>
          <legend>Talking point</legend>
          <TextField
            label="Title"
            name="title"
            value={str(draft.title)}
            onChange={(v) => set('title', v)}
            problems={p}
            wide
          />
          <Field label="Priority" name="priority" problems={p}>
            {(a) => (
              <select {...a} value={str(draft.priority)} onChange={(e) => set('priority', e.target.value)}>
                {!PRIORITIES.includes(str(draft.priority) as never) && (
                  <option value={str(draft.priority)}>Choose…</option>
                )}
                {PRIORITIES.map((x) => (
                  <option key={x} value={x}>
                    {x}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label="Topic (optional)"
            name="topic"
            value={str(draft.topic)}
            onChange={(v) => set('topic', v)}
            problems={p}
          />
          <RefPicker
            label="Meetings"
            name="meetings"
            options={optionsOf(state, 'meeting')}
            value={strs(draft.meetings)}
            onChange={(v) => set('meetings', v)}
            problems={p}
          />
          <RefPicker
            label="Officials"
            name="officials"
            options={optionsOf(state, 'official')}
            value={strs(draft.officials)}
            onChange={(v) => set('officials', v)}
            problems={p}
          />
        </fieldset>
      )}
      {item.kind === 'note' && (
        <fieldset>
          <legend>Background note</legend>
          <TextField
            label="Title"
            name="title"
            value={str(draft.title)}
            onChange={(v) => set('title', v)}
            problems={p}
            wide
          />
          <ListField label="Tags" name="tags" value={strs(draft.tags)} onChange={(v) => set('tags', v)} problems={p} />
        </fieldset>
      )}
      <MarkdownEditor label={BODY_LABEL[item.kind]} value={body} onChange={setBody} packId={packId} problems={p} />
      <SaveBar
        dirty={dirty}
        onSave={save}
        onReset={() => {
          setDraft(original);
          setBody(item.body);
        }}
      />
    </form>
  );
}

// ---- meetings ------------------------------------------------------------------

function HomeTime({ local, zone }: { local: string; zone: string }) {
  const home = useHomeZone();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return null;
  let ms: number;
  try {
    ms = zonedToInstant(local, zone);
  } catch {
    return null;
  }
  const t = dualTime(ms, zone, home);
  return (
    <span className="wf-hometime">
      {t.sameZone
        ? `Same time at home (${zoneCity(home)})`
        : `At home in ${zoneCity(home)}: ${t.homeTime}${t.homeDayShift ? ` (${t.homeDayShift > 0 ? '+' : '−'}${Math.abs(t.homeDayShift)} day)` : ''}`}
    </span>
  );
}

interface AgendaRow {
  time: string;
  title: string;
  lead?: string;
  [k: string]: unknown;
}

function MeetingFields({
  state,
  draft,
  set,
  problems: p,
}: {
  state: WorkshopState;
  draft: Data;
  set: (k: string, v: unknown) => void;
  problems: Problem[];
}) {
  const eventZone = str((state.pack?.event as Data | undefined)?.timeZone) || 'UTC';
  const zone = str(draft.timeZone) || eventZone;
  const agenda = (Array.isArray(draft.agenda) ? draft.agenda : []) as AgendaRow[];
  const officials = optionsOf(state, 'official');
  const setAgenda = (rows: AgendaRow[]) => set('agenda', rows);
  const move = (i: number, d: number) => {
    const rows = [...agenda];
    const [row] = rows.splice(i, 1);
    rows.splice(i + d, 0, row!);
    setAgenda(rows);
  };
  const edit = (i: number, patch: Partial<AgendaRow>) => {
    const row: AgendaRow = { ...agenda[i]!, ...patch };
    if (!row.lead) delete row.lead;
    setAgenda(agenda.map((r, j) => (j === i ? row : r)));
  };
  const agendaProblems = forField(p, 'agenda');
  return (
    <>
      <fieldset>
        <legend>Meeting</legend>
        <TextField
          label="Title"
          name="title"
          value={str(draft.title)}
          onChange={(v) => set('title', v)}
          problems={p}
          wide
        />
        <div className="wf-pair">
          <TextField
            label={`Starts (${zoneCity(zone)} time)`}
            name="start"
            type="datetime-local"
            value={str(draft.start)}
            onChange={(v) => set('start', v)}
            problems={p}
          />
          <HomeTime local={str(draft.start)} zone={zone} />
        </div>
        <div className="wf-pair">
          <TextField
            label={`Ends (${zoneCity(zone)} time)`}
            name="end"
            type="datetime-local"
            value={str(draft.end)}
            onChange={(v) => set('end', v)}
            problems={p}
          />
          <HomeTime local={str(draft.end)} zone={zone} />
        </div>
        <TextField
          label="Time zone (optional)"
          name="timeZone"
          value={str(draft.timeZone)}
          onChange={(v) => set('timeZone', v)}
          problems={p}
          list="wf-zones"
          hint={`Leave empty for the venue's zone, ${eventZone}`}
        />
        <TextField
          label="Location"
          name="location"
          value={str(draft.location)}
          onChange={(v) => set('location', v)}
          problems={p}
          wide
        />
        <RefPicker
          label="Participants"
          name="participants"
          options={officials}
          value={strs(draft.participants)}
          onChange={(v) => set('participants', v)}
          problems={p}
        />
        <RefPicker
          label="Talking points"
          name="talkingPoints"
          options={optionsOf(state, 'talking-point')}
          value={strs(draft.talkingPoints)}
          onChange={(v) => set('talkingPoints', v)}
          problems={p}
        />
      </fieldset>
      <fieldset className="wf-agenda">
        <legend>Agenda</legend>
        {agendaProblems.length > 0 && (
          <ul className="wf-problems" id={`${fieldId('agenda')}-problems`}>
            {agendaProblems.map((x, i) => (
              <li key={i}>
                {x.field}: {x.message}
              </li>
            ))}
          </ul>
        )}
        <ol>
          {agenda.map((row, i) => (
            <li key={i} className="wf-agenda-row">
              <label>
                <span className="wf-sr-only">Row {i + 1} time</span>
                <input
                  id={i === 0 ? fieldId('agenda') : undefined}
                  type="time"
                  value={str(row.time)}
                  onChange={(e) => edit(i, { time: e.target.value })}
                  aria-label={`Row ${i + 1} time`}
                />
              </label>
              <input
                type="text"
                value={str(row.title)}
                onChange={(e) => edit(i, { title: e.target.value })}
                aria-label={`Row ${i + 1} title`}
                placeholder="What is discussed"
              />
              <select
                value={str(row.lead)}
                onChange={(e) => edit(i, { lead: e.target.value })}
                aria-label={`Row ${i + 1} lead`}
              >
                <option value="">No lead</option>
                {row.lead && !officials.some((o) => o.id === row.lead) && (
                  <option value={row.lead}>{row.lead} (not in the pack)</option>
                )}
                {officials.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.title}
                  </option>
                ))}
              </select>
              <button type="button" aria-label={`Move row ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move row ${i + 1} down`}
                disabled={i === agenda.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                aria-label={`Remove row ${i + 1}`}
                onClick={() => setAgenda(agenda.filter((_, j) => j !== i))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          onClick={() => {
            const last = agenda[agenda.length - 1]?.time;
            const start = str(draft.start).slice(11, 16);
            setAgenda([...agenda, { time: last ?? (start || '09:00'), title: '' }]);
          }}
        >
          Add agenda row
        </button>
      </fieldset>
    </>
  );
}

export const KINDS_IN_ORDER = ITEM_KINDS;
