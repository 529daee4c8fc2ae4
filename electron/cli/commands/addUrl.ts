// `briefbook add <URL> --pubkey NAME.pub` (or --key-id): subscribe to a published pack
// on a web server or a file share, install its current version and pin the key; later
// versions come with `briefbook sync`.
import { BriefbookError } from '../../../shared/errors';
import { readPublicKeyFile } from '../../packs/publish/keys';
import { isSampleKey } from '../../packs/publish/sample';
import { assetsDir } from '../../platform/assets';
import { subscribe } from '../../sync/index';
import { stringOption } from '../args';
import type { CommandContext } from '../command';

export async function addUrl(ctx: CommandContext, url: string): Promise<void> {
  const pubFile = stringOption(ctx, 'pubkey');
  const keyId = stringOption(ctx, 'key-id');
  const given = pubFile ? readPublicKeyFile(pubFile) : null;
  if (given && isSampleKey(given, assetsDir()))
    throw new BriefbookError(
      'invalid-input',
      `${pubFile} is Briefbook's bundled sample key, trusted for the bundled sample only. Ask the publisher for their own .pub file.`,
    );
  const core = ctx.core();
  const result = await subscribe(
    { db: core.db, dataDir: core.dataDir, now: new Date() },
    { url, publicKey: given, keyId: keyId ?? null, repin: ctx.values.repin === true },
  );
  if (ctx.json) return ctx.printJson({ ok: true, ...result });
  ctx.print(`✓ Subscribed to ${result.url}`);
  ctx.print(`  ${result.message} Signed by key ${result.keyId}.`);
  ctx.print('  Run `briefbook sync` (the app does it by itself) to get later versions.');
}
