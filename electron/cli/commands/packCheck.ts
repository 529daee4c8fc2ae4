import { KIND_LABELS, ITEM_KINDS } from '../../../shared/model';
import { readSourceFolder } from '../../packs/source/readSource';
import type { Command } from '../command';
import { requirePositional } from '../args';

export const packCheck: Command = {
  name: 'pack check',
  usage: 'briefbook pack check <source-dir> [--json]',
  summary: 'Check a pack source folder and list every problem (nothing is installed)',
  async run(ctx) {
    const dir = requirePositional(ctx, 0, 'source-dir');
    const pack = readSourceFolder(dir);
    const counts = ITEM_KINDS.map((k) => [k, pack.items.filter((i) => i.kind === k).length] as const);
    if (ctx.json)
      return ctx.printJson({
        ok: true,
        packId: pack.meta.id,
        title: pack.meta.title,
        counts: Object.fromEntries(counts),
        photos: pack.photos.size,
      });
    ctx.print(`✓ ${pack.meta.title} (${pack.meta.id}) is valid`);
    ctx.print(
      `  ${counts.map(([k, n]) => `${n} ${KIND_LABELS[k].many.toLowerCase()}`).join(', ')}, ${pack.photos.size} photos`,
    );
  },
};
