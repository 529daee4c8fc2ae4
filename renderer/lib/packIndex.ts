// Everything the reader derives from one pack's contents, computed once per contents
// object: items by kind, meetings with their instants and venue days, and the reverse
// links (an official's meetings and talking points, a meeting's talking points).
import type { ItemSummary, PackContents } from '../../shared/api';
import type { ItemKind, Priority } from '../../shared/model';
import { daysOf, localDateOf, overlaps, spanOf, type Span } from '../../shared/time';

export type SummaryOf<K extends ItemKind> = Extract<ItemSummary, { kind: K }>;
export type OfficialSummary = SummaryOf<'official'>;
export type MeetingSummary = SummaryOf<'meeting'>;
export type TalkingPointSummary = SummaryOf<'talking-point'>;
export type NoteSummary = SummaryOf<'note'>;

export interface ScheduledMeeting {
  meeting: MeetingSummary;
  span: Span;
  /** The venue day it starts on. */
  day: string;
  clashesWith: string[];
}

export interface PackIndex {
  venueZone: string;
  officials: OfficialSummary[];
  meetings: ScheduledMeeting[];
  talkingPoints: TalkingPointSummary[];
  notes: NoteSummary[];
  official: Map<string, OfficialSummary>;
  meeting: Map<string, ScheduledMeeting>;
  talkingPoint: Map<string, TalkingPointSummary>;
  note: Map<string, NoteSummary>;
  meetingsOf: Map<string, ScheduledMeeting[]>;
  talkingPointsForOfficial: Map<string, TalkingPointSummary[]>;
  talkingPointsForMeeting: Map<string, TalkingPointSummary[]>;
  /** Venue days that have meetings, plus every day of the event, in order. */
  days: string[];
}

export const PRIORITY_RANK: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

export function byPriority(a: TalkingPointSummary, b: TalkingPointSummary): number {
  return PRIORITY_RANK[a.data.priority] - PRIORITY_RANK[b.data.priority] || a.title.localeCompare(b.title);
}

const cache = new WeakMap<PackContents, PackIndex>();

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

export function packIndex(contents: PackContents): PackIndex {
  const hit = cache.get(contents);
  if (hit) return hit;
  const venueZone = contents.pack.event.timeZone;
  const officials: OfficialSummary[] = [];
  const talkingPoints: TalkingPointSummary[] = [];
  const notes: NoteSummary[] = [];
  const rawMeetings: MeetingSummary[] = [];
  for (const item of contents.items) {
    if (item.kind === 'official') officials.push(item);
    else if (item.kind === 'meeting') rawMeetings.push(item);
    else if (item.kind === 'talking-point') talkingPoints.push(item);
    else notes.push(item);
  }
  officials.sort((a, b) => a.data.name.localeCompare(b.data.name));
  notes.sort((a, b) => a.title.localeCompare(b.title));
  talkingPoints.sort(byPriority);

  const scheduled = rawMeetings.map((meeting) => {
    const span = spanOf(meeting.data, venueZone);
    return { meeting, span, day: localDateOf(span.start, venueZone), clashesWith: [] as string[] };
  });
  scheduled.sort((a, b) => a.span.start - b.span.start || a.meeting.title.localeCompare(b.meeting.title));
  const clashes = overlaps(scheduled.map((s) => ({ id: s.meeting.id, span: s.span })));
  for (const s of scheduled) s.clashesWith = clashes.get(s.meeting.id) ?? [];

  const index: PackIndex = {
    venueZone,
    officials,
    meetings: scheduled,
    talkingPoints,
    notes,
    official: new Map(officials.map((o) => [o.id, o])),
    meeting: new Map(scheduled.map((s) => [s.meeting.id, s])),
    talkingPoint: new Map(talkingPoints.map((t) => [t.id, t])),
    note: new Map(notes.map((n) => [n.id, n])),
    meetingsOf: new Map(),
    talkingPointsForOfficial: new Map(),
    talkingPointsForMeeting: new Map(),
    days: [],
  };
  for (const s of scheduled) {
    for (const p of s.meeting.data.participants) push(index.meetingsOf, p, s);
    for (const t of s.meeting.data.talkingPoints) {
      const tp = index.talkingPoint.get(t);
      if (tp) push(index.talkingPointsForMeeting, s.meeting.id, tp);
    }
  }
  for (const tp of talkingPoints) {
    for (const m of tp.data.meetings) push(index.talkingPointsForMeeting, m, tp);
    for (const o of tp.data.officials) push(index.talkingPointsForOfficial, o, tp);
  }
  for (const list of index.talkingPointsForMeeting.values()) list.sort(byPriority);
  for (const list of index.talkingPointsForOfficial.values()) list.sort(byPriority);

  const days = new Set(daysOf(contents.pack.event.start, contents.pack.event.end));
  for (const s of scheduled) days.add(s.day);
  index.days = [...days].sort();
  cache.set(contents, index);
  return index;
}
