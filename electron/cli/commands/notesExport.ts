import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../../shared/errors';
import { PackId } from '../../../shared/model';
import { exportAnnotations } from '../../annotations/index';
import { VERSION } from '../../api/core';
import { stringOption } from '../args';
import type { Command } from '../command';

export const notesExport: Command = {
  name: 'notes export',
  usage: 'briefbook notes export --out FILE [--pack ID] [--json]',
  summary: "Write the reader's highlights, notes and stars to a JSON file (- for standard output)",
  options: { out: { type: 'string', short: 'o' }, pack: { type: 'string' } },
  async run(ctx) {
    const out = stringOption(ctx, 'out');
    if (!out)
      throw new BriefbookError(
        'invalid-input',
        'Missing --out FILE: where to write the notes (- for standard output).',
      );
    const pack = stringOption(ctx, 'pack');
    if (pack !== undefined && !PackId.safeParse(pack).success)
      throw new BriefbookError('invalid-input', `"${pack}" is not a pack id. Run \`briefbook packs\` to see them.`);
    const result = exportAnnotations(ctx.core().db, { packId: pack, now: new Date(), app: `Briefbook ${VERSION}` });
    if (out === '-') return void process.stdout.write(result.json);
    const target = path.resolve(out);
    if (fs.existsSync(target) && fs.statSync(target).isDirectory())
      throw new BriefbookError(
        'invalid-input',
        `${target} is a folder. Give a file name, e.g. ${path.join(out, result.fileName)}.`,
      );
    // Write beside the target and rename, so an interrupted export never leaves half a file
    // where a good one was; private to the user, as the notes are.
    const tmp = `${target}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, result.json, { mode: 0o600 });
      fs.renameSync(tmp, target);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw new BriefbookError('invalid-input', `Could not write ${target}: ${(err as Error).message}`);
    }
    if (ctx.json) return ctx.printJson({ ok: true, file: target, annotations: result.count, stars: result.stars });
    ctx.print(`✓ Exported ${result.count} annotation(s) and ${result.stars} star(s) to ${target}`);
  },
};
