// Search: the public surface. Everything else in this folder is an implementation detail.
import { onInstall } from '../store/install';
import { indexInstall } from './indexer';

export { search, type SearchParams } from './search';
export { prepareSearch, prepareSearchSoon } from './prepare';
export { indexAnnotation, unindexAnnotation, catchUp as bringSearchIndexUpToDate } from './indexer';
export type { AnnotationRow } from './docs';

/** Registers the indexer with installPack, so every install updates the index in its own transaction. */
export function registerSearchIndexer(): void {
  onInstall(indexInstall);
}

registerSearchIndexer();
