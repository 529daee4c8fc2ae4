import { BriefbookError } from '../../shared/errors';

/** Something fetched from the core: in flight, there, or failed with a message to show. */
export type Load<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: BriefbookError };

export function asError(err: unknown): BriefbookError {
  return err instanceof BriefbookError ? err : new BriefbookError('internal', 'Something went wrong. Try again.');
}

export function valueOf<T>(load: Load<T> | undefined): T | undefined {
  return load?.status === 'ready' ? load.value : undefined;
}
