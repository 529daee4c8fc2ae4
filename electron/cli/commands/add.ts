import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../../shared/errors';
import { readSourceFolder } from '../../packs/source/readSource';
import { installPack } from '../../store/install';
import type { Command } from '../command';
import { requirePositional, stringOption } from '../args';
import { isHttpUrl } from '../../packs/publish/http';
import { addSigned } from './addSigned';
import { addUrl } from './addUrl';
import { isSubscriptionUrl } from '../../sync/index';

export const add: Command = {
  name: 'add',
  usage:
    'briefbook add <source-dir | dist-dir | file.briefpack | URL> [--pubkey NAME.pub | --key-id ID] [--repin] [--json]',
  summary:
    'Install a signed pack (published folder, .briefpack or URL, verified against --pubkey or the pinned key), or a source folder as an unsigned local draft',
  options: { pubkey: { type: 'string' }, 'key-id': { type: 'string' }, repin: { type: 'boolean' } },
  async run(ctx) {
    const target = requirePositional(ctx, 0, 'source-dir | dist-dir | file.briefpack | URL');
    // A URL (http, https, file://) is a subscription: installed now, updated by `briefbook sync`.
    if (isSubscriptionUrl(target) && !/\.briefpack$/i.test(new URL(target).pathname)) return addUrl(ctx, target);
    if (isHttpUrl(target) || !fs.existsSync(path.join(target, 'pack.yaml')))
      return addSigned(ctx, target, stringOption(ctx, 'pubkey'), ctx.values.repin === true);
    if (stringOption(ctx, 'pubkey'))
      throw new BriefbookError(
        'invalid-input',
        `${target} is a source folder: it installs as an unsigned local draft, so --pubkey does not apply. To install it signed, build it first with \`briefbook pack build\`.`,
      );
    const pack = readSourceFolder(target);
    const core = ctx.core();
    const result = installPack(core.db, pack, { origin: 'local-draft', source: path.resolve(target) });
    if (ctx.json) return ctx.printJson({ ok: true, ...result });
    ctx.print(`✓ Installed ${pack.meta.title} (${pack.meta.id}) as a local draft, version ${result.version}`);
    if (result.previousVersion !== null) {
      ctx.print(
        `  ${result.added.length} added, ${result.changed.length} changed, ${result.removed.length} removed since version ${result.previousVersion}`,
      );
    }
  },
};
