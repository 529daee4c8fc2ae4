import { BriefbookError } from '../../../shared/errors';
import { buildPublished } from '../../packs/publish/build';
import { readPrivateKeyFile, readPublicKeyFile } from '../../packs/publish/keys';
import { protectionLabel, readRecipientsFile } from '../../packs/confidential/index';
import type { Command } from '../command';
import { requirePositional, stringOption } from '../args';

/** SOURCE_DATE_EPOCH (seconds) makes publishedAt, and so the whole build, reproducible. */
function publishedAt(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (!epoch) return undefined;
  if (!/^\d+$/.test(epoch))
    throw new BriefbookError('invalid-input', `SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}".`);
  return new Date(Number(epoch) * 1000);
}

export const packBuild: Command = {
  name: 'pack build',
  usage:
    'briefbook pack build <source-dir> --key NAME.key --out <dist-dir> [--recipients FILE] [--briefpack FILE] [--next-key NEW.pub] [--force-new-key] [--json]',
  summary: 'Check, sign and publish a pack as a content-addressed folder for any static host (and a .briefpack)',
  options: {
    key: { type: 'string' },
    out: { type: 'string' },
    briefpack: { type: 'string' },
    'next-key': { type: 'string' },
    'force-new-key': { type: 'boolean' },
    recipients: { type: 'string' },
  },
  async run(ctx) {
    const source = requirePositional(ctx, 0, 'source-dir');
    const keyFile = stringOption(ctx, 'key');
    const outDir = stringOption(ctx, 'out');
    if (!keyFile)
      throw new BriefbookError(
        'invalid-input',
        'Missing --key NAME.key (make one with `briefbook keygen --out NAME`).',
      );
    if (!outDir) throw new BriefbookError('invalid-input', 'Missing --out <dist-dir>: the folder to publish into.');
    const nextKeyFile = stringOption(ctx, 'next-key');
    const recipientsFile = stringOption(ctx, 'recipients');
    const recipients = recipientsFile ? readRecipientsFile(recipientsFile) : [];
    const result = await buildPublished(source, {
      key: readPrivateKeyFile(keyFile),
      outDir,
      briefpack: stringOption(ctx, 'briefpack'),
      nextKey: nextKeyFile ? readPublicKeyFile(nextKeyFile) : undefined,
      forceNewKey: ctx.values['force-new-key'] === true,
      recipients: recipients.map((r) => r.key),
      publishedAt: publishedAt(),
    });
    const m = result.manifest;
    if (ctx.json)
      return ctx.printJson({
        ok: true,
        packId: m.packId,
        version: m.version,
        previousVersion: result.previousVersion,
        keyId: m.publisher.keyId,
        nextKeyId: m.nextKey?.keyId ?? null,
        outDir: result.outDir,
        briefpack: result.briefpack ?? null,
        objects: result.objects.size,
        written: result.written,
        reused: result.reused,
        removed: result.removed,
        encrypted: recipients.length > 0,
        recipients: recipients.map((r) => ({ name: r.name, keyId: r.key.keyId })),
      });
    ctx.print(`✓ Published ${result.meta.title} (${m.packId}) version ${m.version} to ${result.outDir}`);
    ctx.print(
      `  ${result.objects.size} objects: ${result.written} written, ${result.reused} unchanged, ${result.removed} old removed`,
    );
    ctx.print(`  ${protectionLabel({ encrypted: recipients.length > 0, recipients: recipients.length })}`);
    if (recipients.length > 0) {
      for (const r of recipients) ctx.print(`    ${r.name} (key id ${r.key.keyId})`);
      ctx.print(
        '  The host sees only sizes and hashes; readers left off this list cannot open this version (versions they already have stay readable to them).',
      );
    } else ctx.print('  Anyone who gets the files can read them. Use --recipients FILE to encrypt to named readers.');
    ctx.print(`  Signed by key ${m.publisher.keyId}${m.nextKey ? `; announces next key ${m.nextKey.keyId}` : ''}`);
    if (result.briefpack) ctx.print(`  Single file: ${result.briefpack}`);
    ctx.print('  Upload the whole folder to your static host; readers need its URL and the key id above.');
  },
};
