// Dates and times as a brief prints them: venue days, 24-hour times, the home zone beside.
import { localDateOf, localTimeOf, zoneOffsetMinutes } from '../../shared/time';

const DAY_FMT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const SHORT_DAY_FMT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const WEEKDAY_FMT = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const RANGE_FMT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function utcOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

/** "Tuesday 16 March 2027" */
export function longDay(date: string): string {
  return DAY_FMT.format(utcOf(date)).replace(',', '');
}

/** "Tue 16 Mar" */
export function shortDay(date: string): string {
  return SHORT_DAY_FMT.format(utcOf(date)).replace(',', '');
}

/** "15–17 March 2027" */
export function dateRange(start: string, end: string): string {
  if (start === end) return RANGE_FMT.format(utcOf(start));
  const [sy, sm] = start.split('-');
  const [ey, em] = end.split('-');
  const s = RANGE_FMT.formatToParts(utcOf(start));
  const day = s.find((p) => p.type === 'day')!.value;
  if (sy === ey && sm === em) return `${day}–${RANGE_FMT.format(utcOf(end))}`;
  return `${RANGE_FMT.format(utcOf(start))} – ${RANGE_FMT.format(utcOf(end))}`;
}

/** "Pacific/Honolulu" → "Honolulu" */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

/** "UTC+9", "UTC−10", "UTC+5:30" at an instant. */
export function utcOffset(instant: number, zone: string): string {
  const off = zoneOffsetMinutes(instant, zone);
  const sign = off < 0 ? '−' : '+';
  const a = Math.abs(off);
  const mm = a % 60;
  return `UTC${sign}${Math.floor(a / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

/** "14:00–14:45" in `zone` */
export function timeRange(start: number, end: number, zone: string): string {
  return `${localTimeOf(start, zone)}–${localTimeOf(end, zone)}`;
}

/** The same range in another zone, with the weekday when that zone is on another day: "09:00–09:45 Wed". */
export function otherZoneRange(start: number, end: number, zone: string, venueDate: string): string {
  const day = localDateOf(start, zone);
  const suffix = day === venueDate ? '' : ` ${WEEKDAY_FMT.format(utcOf(day))}`;
  return `${timeRange(start, end, zone)}${suffix}`;
}

export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
