import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../../shared/errors';
import { readSourceFolder } from '../../packs/source/readSource';
import { installPack } from '../../store/install';
import type { Command } from '../command';
import { requirePositional } from '../args';

export const add: Command = {
  name: 'add',
  usage: 'briefbook add <source-dir> [--json]',
  summary: 'Install a pack from a source folder as an unsigned local draft',
  async run(ctx) {
    const target = requirePositional(ctx, 0, 'source-dir');
    if (!fs.existsSync(path.join(target, 'pack.yaml'))) {
      throw new BriefbookError('invalid-input', `${target} has no pack.yaml. Give the path of a pack source folder.`);
    }
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
