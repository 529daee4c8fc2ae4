// `briefbook identity`: this computer's reader key, to send to a chief of staff so
// confidential packs can be encrypted to it. Made on first use.
import { identityOptionsFromEnv, readerIdentity } from '../../identity/index';
import type { Command } from '../command';

export const identity: Command = {
  name: 'identity',
  usage: 'briefbook identity [--json]',
  summary: "Show this computer's reader key (for confidential packs) and its key id, made on first use",
  async run(ctx) {
    const id = readerIdentity(ctx.dataDir, identityOptionsFromEnv());
    if (ctx.json)
      return ctx.printJson({
        ok: true,
        keyId: id.keyId,
        publicKey: id.publicKey,
        protection: id.protection,
        keychain: id.protection === 'os-keychain',
        protectionNote: id.protectionNote,
        createdAt: id.createdAt,
        file: id.file,
      });
    ctx.print("This computer's reader key (for confidential packs)");
    ctx.print(`  Key id:     ${id.keyId}`);
    ctx.print(`  Public key: ${id.publicKey}`);
    ctx.print('');
    ctx.print('Send the public key line to the chief of staff who publishes your packs, and read them');
    ctx.print('the key id by phone so they can check it. The public key is not secret.');
    ctx.print('');
    ctx.print(`Protection: ${id.protectionNote}`);
    ctx.print(`  (${id.file})`);
  },
};
