import { describe, expect, it } from 'vitest';
import {
  countdown,
  daysOf,
  dualTime,
  localDateOf,
  localTimeOf,
  offsetLabel,
  overlaps,
  spanOf,
  zonedToInstant,
} from '../../../shared/time';

const iso = (ms: number) => new Date(ms).toISOString();

describe('zonedToInstant', () => {
  it('reads a wall clock in the given zone', () => {
    expect(iso(zonedToInstant('2027-03-15T09:30', 'Asia/Tokyo'))).toBe('2027-03-15T00:30:00.000Z');
    expect(iso(zonedToInstant('2027-03-15T09:30', 'UTC'))).toBe('2027-03-15T09:30:00.000Z');
    expect(iso(zonedToInstant('2027-03-15T09:30', 'Asia/Kolkata'))).toBe('2027-03-15T04:00:00.000Z');
  });

  it('moves a time in a spring-forward gap to after the change', () => {
    // US clocks jump from 02:00 to 03:00 on 14 March 2027.
    expect(iso(zonedToInstant('2027-03-14T02:30', 'America/New_York'))).toBe('2027-03-14T07:30:00.000Z');
    expect(localTimeOf(zonedToInstant('2027-03-14T02:30', 'America/New_York'), 'America/New_York')).toBe('03:30');
  });

  it('takes the first of two repeated times on a fall-back night', () => {
    // US clocks go back from 02:00 to 01:00 on 7 November 2027: 01:30 happens twice.
    expect(iso(zonedToInstant('2027-11-07T01:30', 'America/New_York'))).toBe('2027-11-07T05:30:00.000Z');
  });
});

describe('venue days and dual times', () => {
  const venue = 'Pacific/Honolulu';
  const home = 'Asia/Tokyo';

  it('puts a meeting after midnight venue time on the next venue day', () => {
    const start = zonedToInstant('2027-03-16T00:30', venue);
    expect(localDateOf(start, venue)).toBe('2027-03-16');
    const t = dualTime(start, venue, home);
    expect(t).toMatchObject({ venueDate: '2027-03-16', venueTime: '00:30', homeDate: '2027-03-16', homeTime: '19:30' });
    expect(t.homeDayShift).toBe(0);
  });

  it('marks the home day when it differs from the venue day', () => {
    const t = dualTime(zonedToInstant('2027-03-15T09:00', venue), venue, home);
    expect(t).toMatchObject({ venueTime: '09:00', homeTime: '04:00', homeDayShift: 1, sameZone: false });
    const back = dualTime(zonedToInstant('2027-03-15T09:00', home), home, venue);
    expect(back).toMatchObject({ venueTime: '09:00', homeTime: '14:00', homeDate: '2027-03-14', homeDayShift: -1 });
  });

  it('places a meeting set in another zone on the venue day it falls on', () => {
    // A call booked in Tokyo time at 16:00 on 17 March is 21:00 on 16 March in Honolulu.
    const span = spanOf({ start: '2027-03-17T16:00', end: '2027-03-17T16:30', timeZone: home }, venue);
    expect(localDateOf(span.start, venue)).toBe('2027-03-16');
    expect(localTimeOf(span.start, venue)).toBe('21:00');
  });

  it('follows a daylight-saving change during the event', () => {
    // An event in New York from 13 to 15 March 2027 spans the change on the 14th;
    // a reader at home in Tokyo (no DST) sees the gap between home and venue shrink.
    const venueNy = 'America/New_York';
    const before = zonedToInstant('2027-03-13T09:00', venueNy);
    const after = zonedToInstant('2027-03-15T09:00', venueNy);
    expect(offsetLabel(before, venueNy)).toBe('UTC−5');
    expect(offsetLabel(after, venueNy)).toBe('UTC−4');
    expect(dualTime(before, venueNy, home).homeTime).toBe('23:00');
    expect(dualTime(after, venueNy, home).homeTime).toBe('22:00');
    // A meeting across the change lasts one hour less on the clock than it seems.
    const span = spanOf({ start: '2027-03-14T01:00', end: '2027-03-14T04:00' }, venueNy);
    expect((span.end - span.start) / 3_600_000).toBe(2);
    expect(daysOf('2027-03-13', '2027-03-15')).toEqual(['2027-03-13', '2027-03-14', '2027-03-15']);
  });

  it('says when home and venue share a clock', () => {
    const t = dualTime(zonedToInstant('2027-03-15T09:00', 'Asia/Seoul'), 'Asia/Seoul', home);
    expect(t.sameZone).toBe(true);
  });
});

describe('overlaps', () => {
  const m = (id: string, start: string, end: string) => ({ id, span: spanOf({ start, end }, 'UTC') });

  it('finds clashes but not meetings that merely touch', () => {
    const result = overlaps([
      m('a', '2027-03-15T09:00', '2027-03-15T10:00'),
      m('b', '2027-03-15T09:30', '2027-03-15T10:30'),
      m('c', '2027-03-15T10:30', '2027-03-15T11:00'),
      m('d', '2027-03-15T08:00', '2027-03-15T12:00'),
    ]);
    expect(result.get('a')?.sort()).toEqual(['b', 'd']);
    expect(result.get('c')).toEqual(['d']);
    expect(result.get('d')?.sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('countdown', () => {
  const now = Date.UTC(2027, 2, 15, 9, 0, 0);
  it('reads at a glance', () => {
    expect(countdown(now, now + 2 * 86_400_000 + 4 * 3_600_000)).toBe('in 2 d 4 h');
    expect(countdown(now, now + 3 * 3_600_000 + 5 * 60_000)).toBe('in 3 h 05 min');
    expect(countdown(now, now + 4 * 60_000 + 9_000)).toBe('in 4 min 09 s');
    expect(countdown(now, now - 1)).toBe('now');
  });
});
