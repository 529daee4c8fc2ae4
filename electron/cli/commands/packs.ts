import { listPacks } from '../../store/packsRepo';
import type { Command } from '../command';
import { expiryOf, getSubscription, lastSynced } from '../../sync/index';

export const packs: Command = {
  name: 'packs',
  usage: 'briefbook packs [--json]',
  summary: 'List the installed packs',
  async run(ctx) {
    const db = ctx.core().db;
    const now = new Date();
    const list = listPacks(db).map((p) => ({
      ...p,
      subscription: getSubscription(db, p.id),
      expiry: expiryOf(p.expires, now),
    }));
    if (ctx.json) return ctx.printJson(list);
    if (list.length === 0)
      return ctx.print('No packs installed. Add one with `briefbook add <folder | file.briefpack | URL>`.');
    for (const p of list) {
      const origin =
        p.origin === 'signed' ? `signed by ${p.publisherKeyId}, ${p.protection.label}` : 'unsigned local draft';
      ctx.print(`${p.id}  v${p.version}  ${p.title}`);
      ctx.print(
        `    ${p.event.start} – ${p.event.end}, ${p.event.location} · ${origin} · ${p.counts.official} officials, ${p.counts.meeting} meetings`,
      );
      const sub = p.subscription;
      if (sub) {
        ctx.print(
          `    from ${sub.url} · ${lastSynced(sub.lastSuccessAt, now)}${sub.lastSuccessAt ? ` (${sub.lastSuccessAt})` : ''}`,
        );
        if (sub.lastError && (!sub.lastSuccessAt || (sub.lastErrorAt ?? '') >= sub.lastSuccessAt))
          ctx.print(`    last error (${sub.lastErrorAt}): ${sub.lastError.split('\n')[0]}`);
      }
      if (p.expires) {
        const state = {
          locked: ' (EXPIRED: locked, purged ' + p.expiry.purgeAt + ')',
          expiring: ' (expires soon)',
          ok: '',
          none: '',
        };
        ctx.print(`    expires ${p.expires}${state[p.expiry.state]}`);
      }
    }
  },
};
