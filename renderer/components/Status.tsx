import type { ReactNode } from 'react';
import type { Load } from '../state/load';

/** Shows loading or the error of a Load, and the content once it is ready. */
export function Loaded<T>({
  load,
  children,
  what,
}: {
  load: Load<T> | undefined;
  what: string;
  children: (value: T) => ReactNode;
}) {
  if (!load || load.status === 'loading') {
    return (
      <p className="status" role="status">
        Loading {what}…
      </p>
    );
  }
  if (load.status === 'error') {
    return (
      <div className="status status-error" role="alert">
        <h1>Could not open {what}</h1>
        <p>{load.error.message}</p>
      </div>
    );
  }
  return <>{children(load.value)}</>;
}

export function PriorityBadge({ priority }: { priority: 'high' | 'medium' | 'low' }) {
  return <span className={`priority priority-${priority}`}>{priority}</span>;
}
