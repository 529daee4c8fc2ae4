import { ITEM_KINDS, KIND_LABELS } from '../../../shared/model';
import { readPublicKeyFile } from '../../packs/publish/keys';
import { loadPublished } from '../../packs/publish/load';
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
    const fetched = await loadPublished(location, { trust: { publicKey: key } });
    const { manifest: m, signer, rotatedFrom } = fetched.verified;
    const counts = ITEM_KINDS.map((k) => [k, m.items.filter((i) => i.kind === k).length] as const);
    const sample = isSampleKey(key, assetsDir());
    if (ctx.json)
      return ctx.printJson({
        ok: true,
        location: fetched.location,
        packId: m.packId,
        title: m.title,
        version: m.version,
        publishedAt: m.publishedAt,
        expires: m.expires ?? null,
        keyId: signer.keyId,
        rotatedFrom: rotatedFrom.map((k) => k.keyId),
        nextKeyId: m.nextKey?.keyId ?? null,
        counts: Object.fromEntries(counts),
        photos: m.assets.length,
        objects: fetched.objectCount,
        bytes: fetched.totalBytes,
        sampleKey: sample,
      });
    ctx.print(`✓ ${m.title} (${m.packId}) version ${m.version} verifies`);
    ctx.print(
      `  Signed by key ${signer.keyId}, published ${m.publishedAt}${m.expires ? `, expires ${m.expires}` : ''}`,
    );
    if (rotatedFrom.length > 0)
      ctx.print(
        `  The publisher rotated keys: ${[...rotatedFrom.map((k) => k.keyId), signer.keyId].join(' → ')} (each signed by the one before)`,
      );
    if (m.nextKey) ctx.print(`  Announces the next key ${m.nextKey.keyId}`);
    ctx.print(
      `  ${counts.map(([k, n]) => `${n} ${KIND_LABELS[k].many.toLowerCase()}`).join(', ')}, ${m.assets.length} photos; ${fetched.objectCount} objects, ${(fetched.totalBytes / 1048576).toFixed(1)} MB, all sizes and hashes match`,
    );
    if (sample) ctx.print('  Note: this is the bundled sample key; its private half is public, so it proves nothing.');
  },
};
