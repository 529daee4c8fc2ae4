import type { ItemDetail } from '../../shared/api';
import type { PackItemOf } from '../../shared/model';
import { Markdown } from '../components/Markdown';
import { Photo } from '../components/Photo';
import { ReaderNotes } from '../components/ReaderNotes';
import { PriorityBadge } from '../components/Status';
import { TimeRange } from '../components/Time';
import { href } from '../lib/routes';
import type { PackIndex } from '../lib/packIndex';
import { StarButton } from '../components/StarButton';
import { AnnotatedText } from '../features/annotations';

export function OfficialView({ item, index }: { item: ItemDetail & PackItemOf<'official'>; index: PackIndex }) {
  const { data, packId } = item;
  const meetings = index.meetingsOf.get(item.id) ?? [];
  const points = index.talkingPointsForOfficial.get(item.id) ?? [];
  return (
    <article className="page profile">
      <header className="profile-header">
        <Photo packId={packId} path={data.photo} name={data.name} size="xl" />
        <div className="profile-names">
          <p className="eyebrow">
            {data.country} · {data.organization}
          </p>
          <h1 tabIndex={-1}>{data.name}</h1>
          {data.nativeName && (
            <p className="native native-large" lang="und">
              {data.nativeName}
            </p>
          )}
          {data.pronunciation && (
            <p className="pronunciation">
              <span className="visually-hidden">Pronounced </span>
              <span aria-hidden="true">Say </span>“{data.pronunciation}”
            </p>
          )}
          <p className="profile-role">{data.title}</p>
          <dl className="facts facts-inline">
            {data.languages.length > 0 && (
              <div>
                <dt>Languages</dt>
                <dd>{data.languages.join(', ')}</dd>
              </div>
            )}
            {data.tags.length > 0 && (
              <div>
                <dt>Topics</dt>
                <dd>{data.tags.join(', ')}</dd>
              </div>
            )}
          </dl>
          <StarButton item={item} />
        </div>
      </header>
      <div className="two-col">
        <section aria-labelledby="bio-heading" className="col-main">
          <h2 id="bio-heading">Biography</h2>
          <AnnotatedText item={{ packId, kind: 'official', itemId: item.id }} body={item.body}>
            <Markdown source={item.body} packId={packId} />
          </AnnotatedText>
        </section>
        <aside className="col-side" aria-label={`Where you meet ${data.name}`}>
          <section aria-labelledby="meetings-heading">
            <h2 id="meetings-heading">Meetings with {data.name.split(' ')[0]}</h2>
            {meetings.length === 0 ? (
              <p className="muted">None scheduled.</p>
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
          <section aria-labelledby="points-heading">
            <h2 id="points-heading">Talking points for them</h2>
            {points.length === 0 ? (
              <p className="muted">None aimed at this official.</p>
            ) : (
              <ul className="link-list">
                {points.map((t) => (
                  <li key={t.id}>
                    <PriorityBadge priority={t.data.priority} />{' '}
                    <a href={href.item(packId, 'talking-point', t.id)}>{t.title}</a>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <ReaderNotes item={{ packId, kind: 'official', itemId: item.id }} about={data.name} />
        </aside>
      </div>
    </article>
  );
}
