import { ChangeMark } from '../features/sync/ChangeMark';
import { href } from '../lib/routes';
import type { PackIndex, ScheduledMeeting } from '../lib/packIndex';
import { Photo } from './Photo';
import { PriorityBadge } from './Status';
import { TimeRange } from './Time';

/** A meeting in a schedule: when, what, where, with whom, and the one thing to say. */
export function MeetingCard({
  packId,
  index,
  item,
  headingLevel = 3,
  showDay = false,
}: {
  packId: string;
  index: PackIndex;
  item: ScheduledMeeting;
  headingLevel?: 2 | 3;
  showDay?: boolean;
}) {
  const { meeting, span, clashesWith } = item;
  const participants = meeting.data.participants.map((id) => index.official.get(id)).filter((o) => o !== undefined);
  const top = index.talkingPointsForMeeting.get(meeting.id)?.[0];
  const H = `h${headingLevel}` as 'h3';
  return (
    <article className={`meeting-card${clashesWith.length ? ' has-clash' : ''}`}>
      <div className="meeting-card-time">
        <TimeRange span={span} venueZone={index.venueZone} showDay={showDay} />
      </div>
      <div className="meeting-card-body">
        <H className="meeting-card-title">
          <a href={href.item(packId, 'meeting', meeting.id)} className="stretched-link">
            {meeting.title}
            <ChangeMark packId={packId} kind="meeting" id={meeting.id} />
          </a>
        </H>
        <p className="meeting-card-where">{meeting.data.location}</p>
        {participants.length > 0 && (
          <ul className="faces" aria-label="Participants">
            {participants.slice(0, 6).map((o) => (
              <li key={o.id} title={`${o.data.name}, ${o.data.title}`}>
                <Photo packId={packId} path={o.data.photo} name={o.data.name} size="sm" />
                <span className="faces-name">{o.data.name}</span>
              </li>
            ))}
            {participants.length > 6 && <li className="faces-more">+{participants.length - 6}</li>}
          </ul>
        )}
        {top && (
          <p className="meeting-card-point">
            <PriorityBadge priority={top.data.priority} /> {top.title}
          </p>
        )}
        {clashesWith.length > 0 && (
          <p className="clash" role="note">
            <span aria-hidden="true">⚠ </span>Overlaps with{' '}
            {clashesWith.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                {index.meeting.get(id)?.meeting.title ?? id}
              </span>
            ))}
          </p>
        )}
      </div>
    </article>
  );
}
