import { href } from '../lib/routes';

export function NotFoundView({ hash }: { hash: string }) {
  return (
    <div className="page">
      <h1 tabIndex={-1}>Nothing here</h1>
      <p>
        Briefbook has no page at <code>{hash}</code>. It may have been removed in a newer version of the pack.
      </p>
      <p>
        <a href={href.library()}>Go to the library</a>
      </p>
    </div>
  );
}
