import { PRIORITIES } from '../../shared/model';
import { PriorityBadge } from '../components/Status';
import { ChangeMark } from '../features/sync/ChangeMark';
import { formatRoute, href } from '../lib/routes';
import type { TalkingPointSummary } from '../lib/packIndex';
import type { ListProps } from './ListView';

const PRIORITY_TITLES = { high: 'High priority', medium: 'Medium priority', low: 'Low priority' } as const;

function groups(points: TalkingPointSummary[], by: 'priority' | 'topic'): [string, TalkingPointSummary[]][] {
  if (by === 'priority') {
    return PRIORITIES.map(
      (p) => [PRIORITY_TITLES[p], points.filter((t) => t.data.priority === p)] as [string, TalkingPointSummary[]],
    ).filter(([, list]) => list.length > 0);
  }
  const map = new Map<string, TalkingPointSummary[]>();
  for (const t of points) {
    const topic = t.data.topic ?? 'Other';
    map.set(topic, [...(map.get(topic) ?? []), t]);
  }
  return [...map.entries()].sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)));
}

export function TalkingPointsView({ packId, index, query }: ListProps) {
  const by = query.by === 'topic' ? 'topic' : 'priority';
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">What to say</p>
        <h1 tabIndex={-1}>Talking points</h1>
      </header>
      <nav className="day-tabs" aria-label="Group talking points">
        <a href={href.list(packId, 'talking-points')} aria-current={by === 'priority' ? 'page' : undefined}>
          By priority
        </a>
        <a
          href={formatRoute({ name: 'list', packId, list: 'talking-points', query: { by: 'topic' } })}
          aria-current={by === 'topic' ? 'page' : undefined}
        >
          By topic
        </a>
      </nav>
      {groups(index.talkingPoints, by).map(([title, list]) => (
        <section key={title} className="group" aria-label={title}>
          <h2 className="group-heading">{title}</h2>
          <ul className="row-list">
            {list.map((t) => (
              <li key={t.id} className="row">
                <PriorityBadge priority={t.data.priority} />
                <div>
                  <a href={href.item(packId, 'talking-point', t.id)} className="row-title stretched-link">
                    {t.title}
                    <ChangeMark packId={packId} kind="talking-point" id={t.id} />
                  </a>
                  <p className="muted">
                    {[
                      by === 'priority' ? t.data.topic : null,
                      t.data.meetings
                        .map((m) => index.meeting.get(m)?.meeting.title)
                        .filter(Boolean)
                        .join('; '),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
