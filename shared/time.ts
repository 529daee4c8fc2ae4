// Pure time-zone helpers shared by the reader (and later the PDF): pack times are
// wall-clock times in a named IANA zone; we turn them into instants, then show each
// instant in the venue's zone with the reader's home zone beside it. Days are the
// venue's days. Only Intl is used, so this runs anywhere (no DOM, no Node APIs).

const MINUTE = 60_000;
const DAY = 86_400_000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at instant `ms`. */
export function wallClockAt(ms: number, zone: string): WallClock & { second: number } {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of `zone` from UTC at instant `ms`, in minutes (Tokyo: +540). */
export function zoneOffsetMinutes(ms: number, zone: string): number {
  const w = wallClockAt(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / MINUTE);
}

function parseLocal(local: string): WallClock {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`not a local date-time: ${local}`);
  return { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0) };
}

/**
 * The instant at which the wall clock in `zone` shows `local` ("2027-03-15T09:30").
 * In a DST gap (a time that never happens) the clock is read as if the change had not
 * happened yet, so 02:30 on a spring-forward night becomes 03:30 — what a person means.
 * In a repeated hour the earlier of the two instants is chosen.
 */
export function zonedToInstant(local: string, zone: string): number {
  const w = parseLocal(local);
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  // Try the offsets in force a day either side; keep those that round-trip.
  const offsets = new Set([zoneOffsetMinutes(naive - DAY, zone), zoneOffsetMinutes(naive + DAY, zone)]);
  const candidates = [...offsets]
    .map((off) => naive - off * MINUTE)
    .filter((ms) => zoneOffsetMinutes(ms, zone) * MINUTE === naive - ms)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0]!;
  // A gap: use the offset from before the change.
  return naive - zoneOffsetMinutes(naive - DAY, zone) * MINUTE;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The venue day (or any zone's day) of an instant, "2027-03-15". */
export function localDateOf(ms: number, zone: string): string {
  const w = wallClockAt(ms, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** "09:30" on the 24-hour clock in `zone`. */
export function localTimeOf(ms: number, zone: string): string {
  const w = wallClockAt(ms, zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Whole days from date `a` to date `b` ("2027-03-15" → "2027-03-16" is 1). */
export function daysBetween(a: string, b: string): number {
  const pa = parseLocal(a);
  const pb = parseLocal(b);
  return Math.round((Date.UTC(pb.year, pb.month - 1, pb.day) - Date.UTC(pa.year, pa.month - 1, pa.day)) / DAY);
}

/** Every calendar day from `start` to `end` inclusive. */
export function daysOf(start: string, end: string): string[] {
  const p = parseLocal(start);
  const n = daysBetween(start, end);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) {
    const d = new Date(Date.UTC(p.year, p.month - 1, p.day + i));
    out.push(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  }
  return out;
}

/** "UTC+9", "UTC−4", "UTC+5:30". */
export function offsetLabel(ms: number, zone: string): string {
  const off = zoneOffsetMinutes(ms, zone);
  if (off === 0) return 'UTC';
  const sign = off > 0 ? '+' : '−';
  const abs = Math.abs(off);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${pad(m)}` : ''}`;
}

/** The zone's city, for labels: "Asia/Tokyo" → "Tokyo", "America/Los_Angeles" → "Los Angeles". */
export function zoneCity(zone: string): string {
  const last = zone.split('/').pop() ?? zone;
  return last.replace(/_/g, ' ');
}

/** A clock time shown in two zones: venue first, the reader's home beside it. */
export interface DualTime {
  venueDate: string;
  venueTime: string;
  homeDate: string;
  homeTime: string;
  /** Home day minus venue day: −1, 0 or +1 (shown as "−1 day" / "+1 day"). */
  homeDayShift: number;
  sameZone: boolean;
}

export function dualTime(ms: number, venueZone: string, homeZone: string): DualTime {
  const venueDate = localDateOf(ms, venueZone);
  const homeDate = localDateOf(ms, homeZone);
  return {
    venueDate,
    venueTime: localTimeOf(ms, venueZone),
    homeDate,
    homeTime: localTimeOf(ms, homeZone),
    homeDayShift: daysBetween(venueDate, homeDate),
    sameZone: zoneOffsetMinutes(ms, venueZone) === zoneOffsetMinutes(ms, homeZone),
  };
}

/** A meeting's span as instants, its wall-clock times read in its own zone. */
export interface Span {
  start: number;
  end: number;
}

export function spanOf(m: { start: string; end: string; timeZone?: string | undefined }, eventZone: string): Span {
  const zone = m.timeZone ?? eventZone;
  return { start: zonedToInstant(m.start, zone), end: zonedToInstant(m.end, zone) };
}

/**
 * Which items overlap another one: a map from each id to the ids it clashes with.
 * Touching spans (one ends at 10:00, the next starts at 10:00) do not overlap.
 */
export function overlaps<T extends { id: string; span: Span }>(items: readonly T[]): Map<string, string[]> {
  const sorted = [...items].sort((a, b) => a.span.start - b.span.start);
  const out = new Map<string, string[]>();
  const add = (a: string, b: string) => {
    const list = out.get(a) ?? [];
    list.push(b);
    out.set(a, list);
  };
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (b.span.start >= a.span.end) break;
      add(a.id, b.id);
      add(b.id, a.id);
    }
  }
  return out;
}

/** "in 2 d 4 h", "in 3 h 05 min", "in 4 min 09 s", "now", "ended". */
export function countdown(fromMs: number, toMs: number): string {
  const diff = toMs - fromMs;
  if (diff <= 0) return 'now';
  const s = Math.floor(diff / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `in ${d} d ${h} h`;
  if (h > 0) return `in ${h} h ${pad(m)} min`;
  return `in ${m} min ${pad(sec)} s`;
}

/** "Mon 15 Mar" for a calendar day, independent of any zone. */
export function formatDay(date: string, style: 'short' | 'long' = 'short'): string {
  const p = parseLocal(date);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day, 12));
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    ...(style === 'long' ? { year: 'numeric' } : {}),
  }).format(d);
}

/** Duration in minutes as "45 min", "1 h 30 min". */
export function formatDuration(ms: number): string {
  const min = Math.round(ms / MINUTE);
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The computer's own zone (what `homeTimeZone: null` means). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
