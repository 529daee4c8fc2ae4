import type { ItemDetail } from '../../shared/api';
import type { PackItemOf } from '../../shared/model';
import { Markdown } from '../components/Markdown';
import { Photo } from '../components/Photo';
import { PriorityBadge } from '../components/Status';
import { TimeRange } from '../components/Time';
import { href } from '../lib/routes';
import type { PackIndex, ScheduledMeeting } from '../lib/packIndex';
import { StarButton } from '../components/StarButton';
import { ReaderNotes } from '../components/ReaderNotes';
import { AnnotatedText } from '../features/annotations';

export function TalkingPointView({
  item,
  index,
}: {
  item: ItemDetail & PackItemOf<'talking-point'>;
  index: PackIndex;
}) {
  const { data, packId } = item;
  // Meetings that list this point, whichever side declared the link.
  const meetings = index.meetings.filter(
    (m) => data.meetings.includes(m.meeting.id) || m.meeting.data.talkingPoints.includes(item.id),
  ) satisfies ScheduledMeeting[];
  const officials = data.officials.map((id) => index.official.get(id)).filter((o) => o !== undefined);
  return (
    <article className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">Talking point{data.topic ? ` · ${data.topic}` : ''}</p>
        <h1 tabIndex={-1}>{data.title}</h1>
        <p className="header-row">
          <PriorityBadge priority={data.priority} />
          <StarButton item={item} />
        </p>
      </header>
      <div className="two-col">
        <div className="col-main">
          <AnnotatedText item={{ packId, kind: 'talking-point', itemId: item.id }} body={item.body}>
            <Markdown source={item.body} packId={packId} />
          </AnnotatedText>
        </div>
        <aside className="col-side" aria-label="Where to use it">
          <section aria-labelledby="tp-meetings">
            <h2 id="tp-meetings">Raise it in</h2>
            {meetings.length === 0 ? (
              <p className="muted">Not tied to a meeting.</p>
            ) : (
              <ul className="link-list">
                {meetings.map((m) => (
                  <li key={m.meeting.id}>
                    <a href={href.item(packId, 'meeting', m.meeting.id)}>{m.meeting.title}</a>
                    <span className="block muted">
                      <TimeRange span={m.span} venueZone={index.venueZone} showDay />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {officials.length > 0 && (
            <section aria-labelledby="tp-officials">
              <h2 id="tp-officials">With</h2>
              <ul className="people-list">
                {officials.map((o) => (
                  <li key={o.id}>
                    <Photo packId={packId} path={o.data.photo} name={o.data.name} size="sm" />
                    <span>
                      <a href={href.item(packId, 'official', o.id)}>{o.data.name}</a>
                      <span className="block muted">{o.data.title}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <ReaderNotes item={{ packId, kind: 'talking-point', itemId: item.id }} about="this talking point" />
        </aside>
      </div>
    </article>
  );
}
