import { ITEM_KINDS, KIND_LABELS } from '../../../shared/model';
import { readPublicKeyFile } from '../../packs/publish/keys';
import { loadPublished } from '../../packs/publish/load';
import { protectionLabel } from '../../packs/confidential/index';
import { identityOptionsFromEnv, readerKeySource } from '../../identity/index';
import { sealedEncryption } from '../../../shared/manifest';
import { isSampleKey } from '../../packs/publish/sample';
import { assetsDir } from '../../platform/assets';
import type { Command } from '../command';
import { requirePositional, stringOption } from '../args';
import { BriefbookError } from '../../../shared/errors';

export const packVerify: Command = {
  name: 'pack verify',
  usage: 'briefbook pack verify <dist-dir | file.briefpack | URL> --pubkey NAME.pub [--json]',
  summary:
    "Check a published pack's signature, manifest and every object, and list each problem (nothing is installed)",
  options: { pubkey: { type: 'string' } },
  async run(ctx) {
    const location = requirePositional(ctx, 0, 'dist-dir | file.briefpack | URL');
    const pubFile = stringOption(ctx, 'pubkey');
    if (!pubFile)
      throw new BriefbookError(
        'invalid-input',
        "Missing --pubkey NAME.pub: the publisher's public key to verify against.",
      );
    const key = readPublicKeyFile(pubFile);
    // A confidential pack is decrypted and checked too when it is addressed to this computer.
    const readerKey = readerKeySource(ctx.dataDir, identityOptionsFromEnv());
    const fetched = await loadPublished(location, { trust: { publicKey: key }, readerKey });
    const { manifest: m, signer, rotatedFrom } = fetched.verified;
    const { meta, items, photos } = fetched.pack;
    const sealed = sealedEncryption(m);
    const protection = protectionLabel({ encrypted: !!sealed, recipients: sealed?.recipients.length });
    const counts = ITEM_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length] as const);
    const sample = isSampleKey(key, assetsDir());
    if (ctx.json)
      return ctx.printJson({
        ok: true,
        location: fetched.location,
        packId: m.packId,
        title: meta.title,
        version: m.version,
        publishedAt: m.publishedAt,
        expires: meta.expires ?? null,
        encrypted: !!sealed,
        recipients: sealed?.recipients.length ?? 0,
        keyId: signer.keyId,
        rotatedFrom: rotatedFrom.map((k) => k.keyId),
        nextKeyId: m.nextKey?.keyId ?? null,
        counts: Object.fromEntries(counts),
        photos: photos.size,
        objects: fetched.objectCount,
        bytes: fetched.totalBytes,
        sampleKey: sample,
      });
    ctx.print(`✓ ${meta.title} (${m.packId}) version ${m.version} verifies`);
    ctx.print(
      `  Signed by key ${signer.keyId}, published ${m.publishedAt}${meta.expires ? `, expires ${meta.expires}` : ''}`,
    );
    ctx.print(`  ${protection}`);
    if (rotatedFrom.length > 0)
      ctx.print(
        `  The publisher rotated keys: ${[...rotatedFrom.map((k) => k.keyId), signer.keyId].join(' → ')} (each signed by the one before)`,
      );
    if (m.nextKey) ctx.print(`  Announces the next key ${m.nextKey.keyId}`);
    ctx.print(
      `  ${counts.map(([k, n]) => `${n} ${KIND_LABELS[k].many.toLowerCase()}`).join(', ')}, ${photos.size} photos; ${fetched.objectCount} objects, ${(fetched.totalBytes / 1048576).toFixed(1)} MB, all sizes and hashes match`,
    );
    if (sample) ctx.print('  Note: this is the bundled sample key; its private half is public, so it proves nothing.');
  },
};
