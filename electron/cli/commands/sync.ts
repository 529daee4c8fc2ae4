import { stringOption } from '../args';
import type { Command } from '../command';

export const sync: Command = {
  name: 'sync',
  usage: 'briefbook sync [--pack ID] [--json]',
  summary: 'Update every subscribed pack (or one) from its URL; expired packs are locked and purged',
  options: { pack: { type: 'string' } },
  async run(ctx) {
    const core = ctx.core();
    const packId = stringOption(ctx, 'pack');
    if (!ctx.json && process.stderr.isTTY)
      core.onEvent((e) => {
        if (e.type === 'sync-progress')
          process.stderr.write(
            `\r  ${e.packId}: ${e.objectsDone}/${e.objectsTotal} objects, ${Math.round(e.bytesDone / 1024)}/${Math.round(e.bytesTotal / 1024)} KB `,
          );
      });
    const report = await core.sync.syncNow({ packId });
    const failed = report.results.filter((r) => r.status === 'failed');
    if (ctx.json) {
      ctx.printJson({ ok: failed.length === 0, ...report, status: core.sync.status() });
      return failed.length > 0 ? 1 : 0;
    }
    if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
    if (report.results.length === 0 && packId) ctx.print(`No subscription for "${packId}". See \`briefbook packs\`.`);
    else if (report.results.length === 0)
      ctx.print('No subscriptions. Subscribe with `briefbook add <URL> --pubkey NAME.pub`.');
    for (const r of report.results) {
      if (r.status === 'installed')
        ctx.print(
          `✓ ${r.message} (${r.downloadedObjects} objects, ${Math.round(r.downloadedBytes / 1024)} KB downloaded)`,
        );
      else if (r.status === 'up-to-date') ctx.print(`✓ ${r.message}`);
    }
    for (const id of report.purged)
      ctx.print(`✗ ${id} expired and was removed from this computer (your notes are kept).`);
    for (const r of failed) console.error(`briefbook sync: ${r.packId}: ${r.message}`);
    if (failed.length > 0) console.error(`  ${core.sync.status().message}`);
    return failed.length > 0 ? 1 : 0;
  },
};
