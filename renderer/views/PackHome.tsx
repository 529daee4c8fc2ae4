import { countdown, formatDay, localDateOf, offsetLabel, zoneCity } from '../../shared/time';
import { MeetingCard } from '../components/MeetingCard';
import { Photo } from '../components/Photo';
import { Loaded, PriorityBadge } from '../components/Status';
import { TimeRange } from '../components/Time';
import { href } from '../lib/routes';
import { packIndex, type PackIndex, type ScheduledMeeting } from '../lib/packIndex';
import { useClock } from '../state/clock';
import { useHomeZone, usePackContents } from '../state/hooks';

function NextUp({ packId, index, next }: { packId: string; index: PackIndex; next: ScheduledMeeting }) {
  const now = useClock((s) => s.now);
  const { meeting, span } = next;
  const ongoing = span.start <= now;
  const people = meeting.data.participants.map((id) => index.official.get(id)).filter((o) => o !== undefined);
  const points = index.talkingPointsForMeeting.get(meeting.id) ?? [];
  return (
    <section className="next-up" aria-labelledby="next-up-heading">
      <div className="next-up-head">
        <h2 id="next-up-heading" className="eyebrow">
          {ongoing ? 'Happening now' : 'Next up'}
        </h2>
        <p className="countdown" aria-live="off">
          {ongoing ? `ends ${countdown(now, span.end)}` : `starts ${countdown(now, span.start)}`}
        </p>
      </div>
      <h3 className="next-up-title">
        <a href={href.item(packId, 'meeting', meeting.id)}>{meeting.title}</a>
      </h3>
      <p className="next-up-when">
        <TimeRange span={span} venueZone={index.venueZone} showDay />
        <span className="next-up-where">{meeting.data.location}</span>
      </p>
      <div className="next-up-grid">
        {people.length > 0 && (
          <div>
            <h4 className="mini-heading">Who</h4>
            <ul className="people-list">
              {people.map((o) => (
                <li key={o.id}>
                  <Photo packId={packId} path={o.data.photo} name={o.data.name} size="sm" />
                  <span>
                    <a href={href.item(packId, 'official', o.id)}>{o.data.name}</a>
                    {o.data.nativeName && (
                      <span className="native" lang="und">
                        {' '}
                        {o.data.nativeName}
                      </span>
                    )}
                    <span className="muted block">{o.data.title}</span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {points.length > 0 && (
          <div>
            <h4 className="mini-heading">What to say</h4>
            <ol className="point-list">
              {points.slice(0, 3).map((t) => (
                <li key={t.id}>
                  <PriorityBadge priority={t.data.priority} />{' '}
                  <a href={href.item(packId, 'talking-point', t.id)}>{t.title}</a>
                </li>
              ))}
            </ol>
          </div>
        )}
      </div>
    </section>
  );
}

function Home({ packId, index }: { packId: string; index: PackIndex }) {
  // Re-render once a minute for "today"; the countdown ticks on its own.
  const minute = useClock((s) => Math.floor(s.now / 60_000) * 60_000);
  const home = useHomeZone();
  const contents = usePackContents(packId);
  if (contents?.status !== 'ready') return null;
  const { pack } = contents.value;
  const today = localDateOf(minute, index.venueZone);
  const next = index.meetings.find((m) => m.span.end > minute);
  const first = index.days[0]!;
  const last = index.days[index.days.length - 1]!;
  const showDay = today < first ? first : today > last ? null : today;
  const dayMeetings = showDay ? index.meetings.filter((m) => m.day === showDay) : [];
  const dayNumber = showDay ? index.days.indexOf(showDay) + 1 : 0;
  const dayLabel =
    showDay === today
      ? `Today, ${formatDay(today, 'long')}`
      : `Day ${dayNumber}: ${formatDay(showDay ?? first, 'long')}`;
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">{pack.title}</p>
        <h1 tabIndex={-1}>{pack.event.name}</h1>
        <p className="lede">
          {formatDay(pack.event.start, 'long')} – {formatDay(pack.event.end, 'long')} ·{' '}
          {[pack.event.venue, pack.event.location].filter(Boolean).join(', ')}
        </p>
        <p className="zone-note">
          Times are shown in venue time ({zoneCity(index.venueZone)}, {offsetLabel(minute, index.venueZone)})
          {home !== index.venueZone && (
            <>
              {' '}
              with your home time ({zoneCity(home)}, {offsetLabel(minute, home)}) beside them
            </>
          )}
          .
        </p>
      </header>
      {next ? (
        <NextUp packId={packId} index={index} next={next} />
      ) : (
        <p className="empty">The summit is over: every meeting in this book has ended.</p>
      )}
      <section className="day-section" aria-labelledby="day-heading">
        <div className="section-head">
          <h2 id="day-heading">{showDay ? dayLabel : 'Schedule'}</h2>
          <a href={href.list(packId, 'schedule')}>Full schedule</a>
        </div>
        {showDay && today < first && (
          <p className="muted">The summit starts {formatDay(first, 'long')}. Here is its first day.</p>
        )}
        {dayMeetings.length === 0 ? (
          <p className="empty">{showDay ? 'No meetings on this day.' : 'The summit has ended.'}</p>
        ) : (
          <div className="meeting-list">
            {dayMeetings.map((m) => (
              <MeetingCard key={m.meeting.id} packId={packId} index={index} item={m} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="contents-heading" className="contents-links">
        <h2 id="contents-heading" className="visually-hidden">
          In this book
        </h2>
        <a href={href.list(packId, 'officials')}>
          <strong>{index.officials.length}</strong> officials
        </a>
        <a href={href.list(packId, 'schedule')}>
          <strong>{index.meetings.length}</strong> meetings
        </a>
        <a href={href.list(packId, 'talking-points')}>
          <strong>{index.talkingPoints.length}</strong> talking points
        </a>
        <a href={href.list(packId, 'notes')}>
          <strong>{index.notes.length}</strong> background notes
        </a>
      </section>
    </div>
  );
}

export function PackHome({ packId }: { packId: string }) {
  const contents = usePackContents(packId);
  return (
    <Loaded load={contents} what="this briefing book">
      {(value) => <Home packId={packId} index={packIndex(value)} />}
    </Loaded>
  );
}
