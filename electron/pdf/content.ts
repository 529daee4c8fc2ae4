// What goes into a brief: the pack's items narrowed to the requested scope, meeting
// times as instants, the reader's home zone, and (with --notes) their annotations.
import type { ExportScope, PackSummary } from '../../shared/api';
import { BriefbookError } from '../../shared/errors';
import type { PackItemOf, Priority } from '../../shared/model';
import { localDateOf, zonedToInstant } from '../../shared/time';
import type { Db } from '../store/db';
import { readPackItems, requirePack } from '../store/packsRepo';

export type Meeting = PackItemOf<'meeting'> & { startsAt: number; endsAt: number; day: string };
export type Official = PackItemOf<'official'>;
export type TalkingPoint = PackItemOf<'talking-point'>;
export type Note = PackItemOf<'note'>;

export interface AnnotationRow {
  id: string;
  itemKind: string;
  itemId: string;
  quote: string | null;
  start: number | null;
  end: number | null;
  color: string | null;
  note: string;
  status: 'anchored' | 'orphaned';
  /** Its number in this brief. */
  n: number;
}

export interface BriefContent {
  pack: PackSummary;
  scope: ExportScope;
  venueZone: string;
  homeZone: string;
  days: string[];
  meetings: Meeting[];
  officials: Official[];
  talkingPoints: TalkingPoint[];
  notes: Note[];
  /** Every official of the pack by id (names in agendas of out-of-scope people). */
  allOfficials: Map<string, Official>;
  annotations: Map<string, AnnotationRow[]> | null;
}

export const PRIORITY_ORDER: Priority[] = ['high', 'medium', 'low'];

export function itemKey(kind: string, id: string): string {
  return `${kind}/${id}`;
}

export function loadContent(db: Db, packId: string, scope: ExportScope, notes: boolean): BriefContent {
  const pack = requirePack(db, packId);
  const venueZone = pack.event.timeZone;
  const items = readPackItems(db, packId);
  const allMeetings: Meeting[] = [];
  const allOfficials = new Map<string, Official>();
  const allTps: TalkingPoint[] = [];
  const allNotes: Note[] = [];
  for (const item of items) {
    if (item.kind === 'meeting') {
      const zone = item.data.timeZone ?? venueZone;
      const startsAt = zonedToInstant(item.data.start, zone);
      allMeetings.push({
        ...item,
        startsAt,
        endsAt: zonedToInstant(item.data.end, zone),
        day: localDateOf(startsAt, venueZone),
      });
    } else if (item.kind === 'official') allOfficials.set(item.id, item);
    else if (item.kind === 'talking-point') allTps.push(item);
    else allNotes.push(item);
  }
  allMeetings.sort((a, b) => a.startsAt - b.startsAt || a.data.title.localeCompare(b.data.title));
  const byPriority = (a: TalkingPoint, b: TalkingPoint) =>
    PRIORITY_ORDER.indexOf(a.data.priority) - PRIORITY_ORDER.indexOf(b.data.priority) ||
    a.data.title.localeCompare(b.data.title);

  let meetings = allMeetings;
  let officials = [...allOfficials.values()];
  let tps = allTps;
  let notesOut = allNotes;
  let days = eventDays(pack.event.start, pack.event.end, allMeetings);

  if (scope.kind === 'day') {
    meetings = allMeetings.filter((m) => m.day === scope.date);
    if (meetings.length === 0 && !days.includes(scope.date))
      throw new BriefbookError(
        'not-found',
        `The pack has no meetings on ${scope.date}; its event runs ${pack.event.start} to ${pack.event.end}.`,
      );
    days = [scope.date];
  } else if (scope.kind === 'meeting') {
    const m = allMeetings.find((x) => x.id === scope.id);
    if (!m)
      throw new BriefbookError(
        'not-found',
        `Pack "${packId}" has no meeting "${scope.id}". Run \`briefbook packs\` and check the id.`,
      );
    meetings = [m];
    days = [];
  } else if (scope.kind === 'officials') {
    const missing = scope.ids.filter((id) => !allOfficials.has(id));
    if (missing.length)
      throw new BriefbookError(
        'not-found',
        `Pack "${packId}" has no official ${missing.map((x) => `"${x}"`).join(', ')}.`,
      );
    meetings = [];
    days = [];
    officials = scope.ids.map((id) => allOfficials.get(id)!);
    const wanted = new Set(scope.ids);
    tps = allTps.filter((t) => t.data.officials.some((o) => wanted.has(o)));
  }
  if (scope.kind === 'day' || scope.kind === 'meeting') {
    const people = new Set<string>();
    const points = new Set<string>();
    for (const m of meetings) {
      m.data.participants.forEach((p) => people.add(p));
      m.data.agenda.forEach((a) => a.lead && people.add(a.lead));
      m.data.talkingPoints.forEach((t) => points.add(t));
    }
    const ids = new Set(meetings.map((m) => m.id));
    officials = officials.filter((o) => people.has(o.id));
    tps = allTps.filter((t) => points.has(t.id) || t.data.meetings.some((id) => ids.has(id)));
    notesOut = [];
  } else if (scope.kind === 'officials') notesOut = [];

  const content: BriefContent = {
    pack,
    scope,
    venueZone,
    homeZone: homeZoneOf(db),
    days,
    meetings,
    officials,
    talkingPoints: [...tps].sort(byPriority),
    notes: notesOut,
    allOfficials,
    annotations: null,
  };
  if (notes) content.annotations = loadAnnotations(db, content);
  return content;
}

function eventDays(start: string, end: string, meetings: Meeting[]): string[] {
  const days = new Set<string>();
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const t1 = Date.parse(`${end}T00:00:00Z`);
  for (let t = t0; t <= t1; t += 86_400_000) days.add(new Date(t).toISOString().slice(0, 10));
  for (const m of meetings) days.add(m.day);
  return [...days].sort();
}

/** The reader's home zone from settings, else the computer's. */
export function homeZoneOf(db: Db): string {
  const row = db.prepare("SELECT value_json FROM settings WHERE key = 'homeTimeZone'").get() as
    { value_json: string } | undefined;
  if (row) {
    try {
      const v = JSON.parse(row.value_json) as unknown;
      if (typeof v === 'string' && v) return v;
    } catch {
      // a damaged setting falls back to the computer's zone
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The annotations on items in this brief, numbered in the order the brief shows them. */
function loadAnnotations(db: Db, c: BriefContent): Map<string, AnnotationRow[]> {
  const rows = db
    .prepare(
      `SELECT id, item_kind AS itemKind, item_id AS itemId, quote, start_pos AS start, end_pos AS "end", color, note, status
       FROM annotations WHERE pack_id = ? ORDER BY start_pos IS NULL, start_pos, created_at`,
    )
    .all(c.pack.id) as Omit<AnnotationRow, 'n'>[];
  const byItem = new Map<string, AnnotationRow[]>();
  for (const r of rows) {
    const key = itemKey(r.itemKind, r.itemId);
    const list = byItem.get(key) ?? [];
    list.push({ ...r, n: 0 });
    byItem.set(key, list);
  }
  const order = [
    ...c.meetings.map((m) => itemKey('meeting', m.id)),
    ...c.officials.map((o) => itemKey('official', o.id)),
    ...c.talkingPoints.map((t) => itemKey('talking-point', t.id)),
    ...c.notes.map((n) => itemKey('note', n.id)),
  ];
  const out = new Map<string, AnnotationRow[]>();
  let n = 0;
  for (const key of order) {
    const list = byItem.get(key);
    if (!list) continue;
    for (const a of list) a.n = ++n;
    out.set(key, list);
  }
  return out;
}
