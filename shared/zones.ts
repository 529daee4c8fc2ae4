// Time-zone primitives on top of Intl (no tz database of our own): converting a
// wall-clock time in an IANA zone to an instant and back. Everything that shows or
// sorts meeting times builds on these two functions.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock reading in `timeZone` at `instant` (ms since epoch). */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute! };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Tokyo: +540). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const w = wallClockAt(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant at which the clocks in `timeZone` read `local` ("2027-03-15T09:30").
 * In a spring-forward gap the time is read with the offset from before the change
 * (09:30 in a skipped hour lands one hour later), as calendar apps do.
 */
export function localToInstant(local: string, timeZone: string): number {
  const [date, time = '00:00'] = local.split('T');
  const [y, mo, d] = date!.split('-').map(Number);
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  const first = guess - zoneOffsetMinutes(guess, timeZone) * 60_000;
  const second = guess - zoneOffsetMinutes(first, timeZone) * 60_000;
  if (first === second) return first;
  // Ambiguous or skipped: prefer the reading that maps back to the requested wall time.
  const back = wallClockAt(second, timeZone);
  return back.hour === h && back.minute === mi ? second : Math.max(first, second);
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "2027-03-15" for the day `instant` falls on in `timeZone`. */
export function localDateAt(instant: number, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)}`;
}

/** "09:30" for the time `instant` shows in `timeZone`. */
export function localTimeAt(instant: number, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${pad2(w.hour)}:${pad2(w.minute)}`;
}
