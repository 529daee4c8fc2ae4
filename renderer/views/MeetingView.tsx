import type { ItemDetail } from '../../shared/api';
import type { PackItemOf } from '../../shared/model';
import { countdown, formatDuration } from '../../shared/time';
import { keyLines, Markdown, splitSections } from '../components/Markdown';
import { Photo } from '../components/Photo';
import { ReaderNotes } from '../components/ReaderNotes';
import { StarButton } from '../components/StarButton';
import { AnnotatedText } from '../features/annotations';
import { PriorityBadge } from '../components/Status';
import { TimeRange } from '../components/Time';
import { href } from '../lib/routes';
import type { PackIndex } from '../lib/packIndex';
import { useClock } from '../state/clock';
import { useItem } from '../state/hooks';

function Countdown({ start, end }: { start: number; end: number }) {
  const now = useClock((s) => s.now);
  if (now >= end) return <span className="status-pill status-past">Ended</span>;
  if (now >= start) return <span className="status-pill status-now">Now · ends {countdown(now, end)}</span>;
  return <span className="status-pill">Starts {countdown(now, start)}</span>;
}

/** What to ask and what to avoid, at a glance; the full brief one click away. */
function PointBody({ packId, id }: { packId: string; id: string }) {
  const item = useItem(packId, 'talking-point', id);
  if (item?.status !== 'ready') return null;
  return (
    <>
      <Markdown root={keyLines(item.value.body)} packId={packId} />
      <details className="point-details">
        <summary>Full talking point</summary>
        <Markdown source={item.value.body} packId={packId} />
      </details>
    </>
  );
}

const LOGISTICS = /logistic|practical|arrival|protocol/i;
const OBJECTIVE = /objective|goal|aim|purpose/i;

/** One screen to read in a minute before walking in: why, what to say, who, how. */
export function MeetingView({ item, index }: { item: ItemDetail & PackItemOf<'meeting'>; index: PackIndex }) {
  const { data, packId } = item;
  const scheduled = index.meeting.get(item.id);
  const participants = data.participants.map((id) => index.official.get(id)).filter((o) => o !== undefined);
  const points = index.talkingPointsForMeeting.get(item.id) ?? [];
  const { intro, sections } = splitSections(item.body);
  const logistics = sections.filter((s) => LOGISTICS.test(s.title));
  const objectives = sections.filter((s) => OBJECTIVE.test(s.title));
  const other = sections.filter((s) => !LOGISTICS.test(s.title) && !OBJECTIVE.test(s.title));
  return (
    <article className="page page-wide meeting">
      <header className="page-header">
        <p className="eyebrow">Meeting</p>
        <h1 tabIndex={-1}>{data.title}</h1>
        {scheduled && (
          <p className="meeting-when">
            <TimeRange span={scheduled.span} venueZone={index.venueZone} showDay />
            <span className="muted"> · {formatDuration(scheduled.span.end - scheduled.span.start)}</span>
          </p>
        )}
        <p className="meeting-where">{data.location}</p>
        <p className="header-row">
          {scheduled && <Countdown start={scheduled.span.start} end={scheduled.span.end} />}
          <StarButton item={item} />
        </p>
        {scheduled && scheduled.clashesWith.length > 0 && (
          <p className="clash" role="note">
            <span aria-hidden="true">⚠ </span>Overlaps with{' '}
            {scheduled.clashesWith.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <a href={href.item(packId, 'meeting', id)}>{index.meeting.get(id)?.meeting.title ?? id}</a>
              </span>
            ))}
          </p>
        )}
      </header>
      <AnnotatedText item={{ packId, kind: 'meeting', itemId: item.id }} body={item.body}>
        <div className="two-col">
          <div className="col-main">
            <section aria-labelledby="objective-heading" className="card-section">
              <h2 id="objective-heading">Objective</h2>
              {objectives.map((s) => (
                <Markdown key={s.title} root={s.root} packId={packId} />
              ))}
              {intro.children.length > 0 && (
                <div className={objectives.length ? 'context' : undefined}>
                  <Markdown root={intro} packId={packId} />
                </div>
              )}
              {other.map((s) => (
                <div key={s.title} className="subsection">
                  <h3>{s.title}</h3>
                  <Markdown root={s.root} packId={packId} />
                </div>
              ))}
            </section>
            <section aria-labelledby="points-heading" className="card-section">
              <h2 id="points-heading">Talking points</h2>
              {points.length === 0 ? (
                <p className="muted">No talking points for this meeting.</p>
              ) : (
                <ol className="talking-points">
                  {points.map((t) => (
                    <li key={t.id} className="talking-point">
                      <h3>
                        <PriorityBadge priority={t.data.priority} />{' '}
                        <a href={href.item(packId, 'talking-point', t.id)}>{t.title}</a>
                      </h3>
                      <PointBody packId={packId} id={t.id} />
                    </li>
                  ))}
                </ol>
              )}
            </section>
            {data.agenda.length > 0 && (
              <section aria-labelledby="agenda-heading" className="card-section">
                <h2 id="agenda-heading">Agenda</h2>
                <table className="agenda">
                  <thead>
                    <tr>
                      <th scope="col">Time</th>
                      <th scope="col">Item</th>
                      <th scope="col">Lead</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.agenda.map((a, i) => {
                      const lead = a.lead ? index.official.get(a.lead) : undefined;
                      return (
                        <tr key={i}>
                          <td className="agenda-time">{a.time}</td>
                          <td>{a.title}</td>
                          <td>
                            {lead ? (
                              <a href={href.item(packId, 'official', lead.id)}>{lead.data.name}</a>
                            ) : (
                              (a.lead ?? '')
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </section>
            )}
          </div>
          <aside className="col-side" aria-label="Who and how">
            <section aria-labelledby="participants-heading">
              <h2 id="participants-heading">Participants</h2>
              <ul className="participants">
                {participants.map((o) => (
                  <li key={o.id} className="participant">
                    <Photo packId={packId} path={o.data.photo} name={o.data.name} size="md" />
                    <div>
                      <a href={href.item(packId, 'official', o.id)} className="participant-name">
                        {o.data.name}
                      </a>
                      {o.data.nativeName && (
                        <span className="native block" lang="und">
                          {o.data.nativeName}
                        </span>
                      )}
                      {o.data.pronunciation && <span className="pronunciation block">“{o.data.pronunciation}”</span>}
                      <span className="block">{o.data.title}</span>
                      <span className="block muted">{o.data.organization}</span>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
            {logistics.map((s) => (
              <section key={s.title} aria-label={s.title} className="logistics">
                <h2>{s.title}</h2>
                <Markdown root={s.root} packId={packId} />
              </section>
            ))}
            <ReaderNotes item={{ packId, kind: 'meeting', itemId: item.id }} about="this meeting" />
          </aside>
        </div>
      </AnnotatedText>
    </article>
  );
}
