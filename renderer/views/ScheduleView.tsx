import { formatDay, localDateOf } from '../../shared/time';
import { MeetingCard } from '../components/MeetingCard';
import { href } from '../lib/routes';
import { useClock } from '../state/clock';
import type { ListProps } from './ListView';

/** Day by day in venue days; a day link shows that day alone, the bare route shows all. */
export function ScheduleView({ packId, index, day }: ListProps & { day: string | undefined }) {
  const today = useClock((s) => localDateOf(s.now, index.venueZone));
  const days = day ? [day] : index.days;
  const clashes = index.meetings.filter((m) => m.clashesWith.length > 0).length;
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">Schedule</p>
        <h1 tabIndex={-1}>{day ? formatDay(day, 'long') : 'Schedule'}</h1>
        <p className="lede">
          {index.meetings.length} meetings over {index.days.length} days
          {clashes > 0 && (
            <>
              {' '}
              · <span className="clash-inline">{clashes} overlap</span>
            </>
          )}
        </p>
      </header>
      <nav className="day-tabs" aria-label="Days">
        <a href={href.list(packId, 'schedule')} aria-current={day === undefined ? 'page' : undefined}>
          All days
        </a>
        {index.days.map((d, i) => (
          <a key={d} href={href.day(packId, d)} aria-current={day === d ? 'page' : undefined}>
            Day {i + 1} · {formatDay(d)}
            {d === today && <span className="today-dot"> (today)</span>}
          </a>
        ))}
      </nav>
      {days.map((d) => {
        const meetings = index.meetings.filter((m) => m.day === d);
        return (
          <section key={d} className="day-section" aria-labelledby={`day-${d}`}>
            <h2 id={`day-${d}`} className="day-heading">
              {formatDay(d, 'long')}
              {d === today && <span className="today-badge">Today</span>}
            </h2>
            {meetings.length === 0 ? (
              <p className="empty">No meetings.</p>
            ) : (
              <div className="meeting-list">
                {meetings.map((m) => (
                  <MeetingCard key={m.meeting.id} packId={packId} index={index} item={m} />
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
