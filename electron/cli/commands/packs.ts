import { listPacks } from '../../store/packsRepo';
import type { Command } from '../command';

export const packs: Command = {
  name: 'packs',
  usage: 'briefbook packs [--json]',
  summary: 'List the installed packs',
  async run(ctx) {
    const list = listPacks(ctx.core().db);
    if (ctx.json) return ctx.printJson(list);
    if (list.length === 0)
      return ctx.print('No packs installed. Add one with `briefbook add <folder | file.briefpack | URL>`.');
    for (const p of list) {
      const origin = p.origin === 'signed' ? `signed by ${p.publisherKeyId}` : 'unsigned local draft';
      ctx.print(`${p.id}  v${p.version}  ${p.title}`);
      ctx.print(
        `    ${p.event.start} – ${p.event.end}, ${p.event.location} · ${origin} · ${p.counts.official} officials, ${p.counts.meeting} meetings`,
      );
      if (p.expires) ctx.print(`    expires ${p.expires}`);
    }
  },
};
