import { BriefbookError } from '../../../shared/errors';
import { KIND_LABELS, PackId } from '../../../shared/model';
import { listAnnotations } from '../../annotations/index';
import { stringOption } from '../args';
import type { Command } from '../command';

const clip = (s: string, n: number) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

export const notesList: Command = {
  name: 'notes list',
  usage: 'briefbook notes list [--pack ID] [--orphaned] [--text WORDS] [--json]',
  summary: "List the reader's highlights and notes, newest first",
  options: { pack: { type: 'string' }, orphaned: { type: 'boolean' }, text: { type: 'string' } },
  async run(ctx) {
    const pack = stringOption(ctx, 'pack');
    if (pack !== undefined && !PackId.safeParse(pack).success)
      throw new BriefbookError('invalid-input', `"${pack}" is not a pack id. Run \`briefbook packs\` to see them.`);
    const list = listAnnotations(ctx.core().db, {
      packId: pack,
      status: ctx.values.orphaned === true ? 'orphaned' : undefined,
      text: stringOption(ctx, 'text'),
      limit: 10_000,
    });
    if (ctx.json) return ctx.printJson(list);
    if (list.total === 0) return ctx.print('No annotations match.');
    for (const a of list.annotations) {
      const where = `${a.packId} › ${KIND_LABELS[a.kind].one.toLowerCase()} ${a.itemTitle ?? a.itemId}`;
      const flag = a.status === 'orphaned' ? ' [orphaned]' : '';
      ctx.print(`${a.updatedAt.slice(0, 16).replace('T', ' ')}  ${where}${flag}  ${a.id}`);
      if (a.anchor) ctx.print(`    ${a.color ?? ''} “${clip(a.anchor.quote, 100)}”`);
      if (a.note) ctx.print(`    ${clip(a.note, 100)}`);
    }
    if (list.total > list.annotations.length) ctx.print(`(${list.total - list.annotations.length} more)`);
  },
};
