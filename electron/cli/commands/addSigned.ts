// `briefbook add` for signed packs: a published folder, a .briefpack or a URL, verified
// against --pubkey (first install) or the key pinned for the pack, then installed in
// one transaction together with the pin.
import { BriefbookError } from '../../../shared/errors';
import { addPublished } from '../../packs/publish/install';
import { readPublicKeyFile } from '../../packs/publish/keys';
import { isSampleKey } from '../../packs/publish/sample';
import { assetsDir } from '../../platform/assets';
import { stagedForInstall } from '../../sync/staging';
import type { CommandContext } from '../command';

export async function addSigned(ctx: CommandContext, location: string, pubFile: string | undefined, repin: boolean) {
  const given = pubFile ? readPublicKeyFile(pubFile) : null;
  if (given && isSampleKey(given, assetsDir()))
    throw new BriefbookError(
      'invalid-input',
      `${pubFile} is Briefbook's bundled sample key. Its private half is public, so a pack signed with it proves nothing; it is trusted for the bundled sample only. Ask the publisher for their own .pub file.`,
    );
  if (repin && !given)
    throw new BriefbookError('invalid-input', '--repin needs --pubkey NAME.pub: the key to pin instead.');
  const core = ctx.core();
  const kept = stagedForInstall(core.dataDir);
  let added: Awaited<ReturnType<typeof addPublished>>;
  try {
    added = await addPublished(core.db, location, { given, repin, readerKey: core.readerKey, kept });
  } finally {
    kept.release();
  }
  const { fetched, result } = added;
  const m = fetched.verified.manifest;
  if (ctx.json) return ctx.printJson({ ok: true, ...result, source: fetched.location });
  ctx.print(`✓ Installed ${fetched.pack.meta.title} (${m.packId}) version ${m.version}, signed by key ${result.keyId}`);
  if (result.rotatedFrom.length > 0)
    ctx.print(
      `  The publisher rotated keys (${[...result.rotatedFrom, result.keyId].join(' → ')}); the pack is now pinned to ${result.keyId}`,
    );
  if (result.previousVersion !== null)
    ctx.print(
      `  ${result.added.length} added, ${result.changed.length} changed, ${result.removed.length} removed since version ${result.previousVersion}`,
    );
}
