// Times as an executive needs them: the venue's clock first, home time beside it.
import { dualTime, formatDay, zoneCity, type Span } from '../../shared/time';
import { useHomeZone } from '../state/hooks';

function Shift({ days }: { days: number }) {
  if (days === 0) return null;
  const text = days > 0 ? `+${days} day` : `−${-days} day`;
  return (
    <span className="time-shift" title={days > 0 ? 'The next day at home' : 'The day before at home'}>
      {' '}
      {text}
    </span>
  );
}

/** "09:30–10:15" in the venue, "(04:30–05:15 Tokyo +1 day)" at home. */
export function TimeRange({ span, venueZone, showDay = false }: { span: Span; venueZone: string; showDay?: boolean }) {
  const home = useHomeZone();
  const a = dualTime(span.start, venueZone, home);
  const b = dualTime(span.end, venueZone, home);
  return (
    <span className="time-range">
      <span className="time-venue">
        {showDay && <span className="time-day">{formatDay(a.venueDate)}, </span>}
        <time dateTime={new Date(span.start).toISOString()}>{a.venueTime}</time>–
        <time dateTime={new Date(span.end).toISOString()}>{b.venueTime}</time>
      </span>
      {!a.sameZone && (
        <span className="time-home" title={`Your home time (${home})`}>
          {a.homeTime}–{b.homeTime} {zoneCity(home)}
          <Shift days={a.homeDayShift} />
        </span>
      )}
    </span>
  );
}

/** One instant, venue first, home after. */
export function TimePoint({ ms, venueZone }: { ms: number; venueZone: string }) {
  const home = useHomeZone();
  const t = dualTime(ms, venueZone, home);
  return (
    <span className="time-range">
      <time className="time-venue" dateTime={new Date(ms).toISOString()}>
        {t.venueTime}
      </time>
      {!t.sameZone && (
        <span className="time-home">
          {t.homeTime} {zoneCity(home)}
          <Shift days={t.homeDayShift} />
        </span>
      )}
    </span>
  );
}
