import type { PackSummary } from '../../shared/api';
import { KIND_LABELS } from '../../shared/model';
import { formatDay } from '../../shared/time';
import { Loaded } from '../components/Status';
import { href } from '../lib/routes';
import { useClock } from '../state/clock';
import { useLibrary } from '../state/library';
import { LibrarySyncBar } from '../features/sync/LibrarySyncBar';
import { PackSyncInfo } from '../features/sync/PackSyncInfo';

const DAY = 86_400_000;

const shortDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));

function Expiry({ expires }: { expires: string | null }) {
  const now = useClock((s) => Math.floor(s.now / 60_000) * 60_000);
  if (!expires) return null;
  const left = Date.parse(expires) - now;
  if (left > 14 * DAY) return <span className="pack-meta-item">Expires {shortDate(expires)}</span>;
  return (
    <span className="pack-warning" role="note">
      {left <= 0
        ? 'Expired — sync to get the current version'
        : `Expires in ${Math.ceil(left / DAY)} day${left > DAY ? 's' : ''}`}
    </span>
  );
}

/** Whether a published pack came encrypted to named readers or as public material (drafts were not published). */
function ProtectionBadge({ pack }: { pack: PackSummary }) {
  if (pack.origin !== 'signed') return null;
  const p = pack.protection;
  return (
    <span className={p.encrypted ? 'status-pill pack-protection' : 'status-pill status-past pack-protection'}>
      {p.encrypted
        ? `Confidential · encrypted to ${p.recipients} reader${p.recipients === 1 ? '' : 's'}`
        : 'Public · not encrypted'}
    </span>
  );
}

function PackCard({ pack }: { pack: PackSummary }) {
  const { event } = pack;
  return (
    <li className="pack-card">
      <p className="eyebrow">{pack.classification}</p>
      <h2>
        <a href={href.pack(pack.id)} className="stretched-link">
          {pack.title}
        </a>
      </h2>
      <p className="pack-event">{event.name}</p>
      <dl className="facts">
        <div>
          <dt>Dates</dt>
          <dd>
            {formatDay(event.start, 'long')} – {formatDay(event.end, 'long')}
          </dd>
        </div>
        <div>
          <dt>Venue</dt>
          <dd>{[event.venue, event.location].filter(Boolean).join(', ')}</dd>
        </div>
        <div>
          <dt>Contents</dt>
          <dd>
            {pack.counts.meeting} {KIND_LABELS.meeting.many.toLowerCase()} · {pack.counts.official}{' '}
            {KIND_LABELS.official.many.toLowerCase()} · {pack.counts['talking-point']}{' '}
            {KIND_LABELS['talking-point'].many.toLowerCase()}
          </dd>
        </div>
      </dl>
      <p className="pack-meta">
        <span className="pack-meta-item">
          {pack.origin === 'signed' ? 'Signed' : 'Local draft'} · version {pack.version}
        </span>
        <ProtectionBadge pack={pack} />
        <span className="pack-meta-item">
          {pack.publishedAt ? `Published ${shortDate(pack.publishedAt)}` : `Installed ${shortDate(pack.installedAt)}`}
        </span>
        <Expiry expires={pack.expires} />
      </p>
      <PackSyncInfo pack={pack} />
    </li>
  );
}

export function LibraryView() {
  const packs = useLibrary((s) => s.packs);
  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">Library</p>
        <h1 tabIndex={-1}>Your briefing books</h1>
      </header>
      <LibrarySyncBar />
      <Loaded load={packs ?? undefined} what="your briefing books">
        {(list) =>
          list.length === 0 ? (
            <p className="empty">
              No briefing books are installed yet. Add one by its address above, or with{' '}
              <code>briefbook add &lt;folder&gt;</code>.
            </p>
          ) : (
            <ul className="pack-list" aria-label="Installed briefing books">
              {list.map((p) => (
                <PackCard key={p.id} pack={p} />
              ))}
            </ul>
          )
        }
      </Loaded>
    </div>
  );
}
