import { BriefbookError } from '../../../shared/errors';
import { SEARCH_KINDS, type SearchKind } from '../../../shared/api';
import { search as runSearch } from '../../search/index';
import { requirePositional, stringOption } from '../args';
import type { Command } from '../command';

export const search: Command = {
  name: 'search',
  usage: `briefbook search "<query>" [--pack ID] [--kind ${SEARCH_KINDS.join('|')}] [--country NAME] [--limit N] [--json]`,
  summary: 'Search every installed pack and your notes: names in any spelling or script, words, "exact phrases"',
  options: {
    pack: { type: 'string' },
    kind: { type: 'string', multiple: true },
    country: { type: 'string' },
    limit: { type: 'string' },
  },
  async run(ctx) {
    const query = requirePositional(ctx, 0, 'query');
    const kinds = kindsOption(ctx.values.kind);
    const limitText = stringOption(ctx, 'limit');
    const limit = limitText === undefined ? 20 : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new BriefbookError('invalid-input', `--limit must be a whole number from 1 to 500 (got "${limitText}").`);
    const packId = stringOption(ctx, 'pack');
    const country = stringOption(ctx, 'country');
    const result = runSearch(ctx.core().db, {
      query,
      limit,
      ...(packId ? { packId } : {}),
      ...(kinds ? { kinds } : {}),
      ...(country ? { country } : {}),
    });
    if (ctx.json) return ctx.printJson(result);
    if (result.hits.length === 0) return ctx.print(`No results for "${query}" (${result.tookMs} ms).`);
    for (const hit of result.hits) {
      const where = hit.anchor?.type === 'agenda' ? ` · agenda #${hit.anchor.index + 1}` : '';
      ctx.print(`${hit.kind.padEnd(13)} ${hit.title}  [${hit.packId}/${hit.itemId}${where}]`);
      if (hit.subtitle) ctx.print(`              ${hit.subtitle}`);
      const snippet = hit.snippet.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
      if (snippet) ctx.print(`              ${snippet}`);
    }
    ctx.print(`${result.hits.length} result${result.hits.length === 1 ? '' : 's'} in ${result.tookMs} ms`);
  },
};

function kindsOption(value: unknown): SearchKind[] | undefined {
  if (value === undefined) return undefined;
  const list = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  for (const k of list)
    if (!(SEARCH_KINDS as readonly string[]).includes(k))
      throw new BriefbookError('invalid-input', `--kind must be one of ${SEARCH_KINDS.join(', ')} (got "${k}").`);
  return list as SearchKind[];
}
