import path from 'node:path';
import { generateKeyFiles } from '../../packs/publish/keys';
import type { Command } from '../command';
import { stringOption } from '../args';
import { BriefbookError } from '../../../shared/errors';

export const keygen: Command = {
  name: 'keygen',
  usage: 'briefbook keygen --out NAME [--json]',
  summary: 'Make an Ed25519 publisher key pair: NAME.key (secret, mode 0600) and NAME.pub (for readers)',
  options: { out: { type: 'string' } },
  async run(ctx) {
    const name = stringOption(ctx, 'out');
    if (!name)
      throw new BriefbookError(
        'invalid-input',
        'Missing --out NAME (e.g. --out summit-2027 writes summit-2027.key and .pub).',
      );
    const key = generateKeyFiles(name.replace(/\.(key|pub)$/, ''));
    if (ctx.json)
      return ctx.printJson({
        ok: true,
        keyId: key.publicKey.keyId,
        privateKey: path.resolve(key.keyFile),
        publicKey: path.resolve(key.pubFile),
      });
    ctx.print(
      `✓ Wrote ${key.keyFile} (private: keep it secret, never e-mail it) and ${key.pubFile} (give it to readers)`,
    );
    ctx.print(`  Key id: ${key.publicKey.keyId}`);
    ctx.print('  Readers should compare this key id with you by phone before trusting the key.');
  },
};
