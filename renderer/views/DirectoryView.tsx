import { useDeferredValue, useId, useState } from 'react';
import { Photo } from '../components/Photo';
import { ChangeMark } from '../features/sync/ChangeMark';
import { formatRoute, href } from '../lib/routes';
import type { OfficialSummary } from '../lib/packIndex';
import { navigate } from '../state/navigation';
import type { ListProps } from './ListView';

const SORTS = {
  name: { label: 'Name', key: (o: OfficialSummary) => o.data.name },
  country: { label: 'Country', key: (o: OfficialSummary) => `${o.data.country}\u0000${o.data.name}` },
  organization: { label: 'Organisation', key: (o: OfficialSummary) => `${o.data.organization}\u0000${o.data.name}` },
} as const;
type SortKey = keyof typeof SORTS;

function distinct(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/** Officials as a photo grid; filters live in the URL so back/forward and deep links keep them. */
export function DirectoryView({ packId, index, query }: ListProps) {
  const country = query.country ?? '';
  const org = query.org ?? '';
  const sort: SortKey = query.sort && query.sort in SORTS ? (query.sort as SortKey) : 'name';
  const [text, setText] = useState('');
  const id = useId();
  const needle = useDeferredValue(text.trim().toLowerCase());

  const setQuery = (patch: Record<string, string>) =>
    navigate(
      formatRoute({
        name: 'list',
        packId,
        list: 'officials',
        query: { country, org, sort: sort === 'name' ? '' : sort, ...patch },
      }),
      { replace: true },
    );

  const countries = distinct(index.officials.map((o) => o.data.country));
  const orgs = distinct(
    index.officials.filter((o) => !country || o.data.country === country).map((o) => o.data.organization),
  );
  const shown = index.officials
    .filter((o) => (!country || o.data.country === country) && (!org || o.data.organization === org))
    .filter(
      (o) =>
        !needle ||
        [o.data.name, o.data.nativeName ?? '', o.data.title, o.data.organization].some((s) =>
          s.toLowerCase().includes(needle),
        ),
    )
    .sort((a, b) => SORTS[sort].key(a).localeCompare(SORTS[sort].key(b)));

  return (
    <div className="page page-wide">
      <header className="page-header">
        <p className="eyebrow">Directory</p>
        <h1 tabIndex={-1}>Officials</h1>
      </header>
      <form className="filters" role="search" aria-label="Filter officials" onSubmit={(e) => e.preventDefault()}>
        <div className="filter">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Type a name"
          />
        </div>
        <div className="filter">
          <label htmlFor={`${id}-country`}>Country</label>
          <select id={`${id}-country`} value={country} onChange={(e) => setQuery({ country: e.target.value, org: '' })}>
            <option value="">All countries</option>
            {countries.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-org`}>Organisation</label>
          <select id={`${id}-org`} value={org} onChange={(e) => setQuery({ org: e.target.value })}>
            <option value="">All organisations</option>
            {orgs.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </div>
        <div className="filter">
          <label htmlFor={`${id}-sort`}>Sort by</label>
          <select
            id={`${id}-sort`}
            value={sort}
            onChange={(e) => setQuery({ sort: e.target.value === 'name' ? '' : e.target.value })}
          >
            {Object.entries(SORTS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="result-count" role="status">
        {shown.length === index.officials.length
          ? `${shown.length} officials`
          : `${shown.length} of ${index.officials.length} officials`}
      </p>
      <ul className="official-grid" aria-label="Officials">
        {shown.map((o) => (
          <li key={o.id} className="official-card">
            <Photo packId={packId} path={o.data.photo} name={o.data.name} size="lg" />
            <div>
              <h2 className="official-card-name">
                <a href={href.item(packId, 'official', o.id)} className="stretched-link">
                  {o.data.name}
                  <ChangeMark packId={packId} kind="official" id={o.id} />
                </a>
              </h2>
              {o.data.nativeName && (
                <p className="native" lang="und">
                  {o.data.nativeName}
                </p>
              )}
              <p className="official-card-title">{o.data.title}</p>
              <p className="muted">
                {o.data.organization} · {o.data.country}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
