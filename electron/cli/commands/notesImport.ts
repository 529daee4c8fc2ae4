import fs from 'node:fs';
import { MAX_IMPORT_CHARS } from '../../../shared/annotationsApi';
import { BriefbookError } from '../../../shared/errors';
import { importAnnotations } from '../../annotations/index';
import { requirePositional } from '../args';
import type { Command } from '../command';

export const notesImport: Command = {
  name: 'notes import',
  usage: 'briefbook notes import FILE [--restore-deleted] [--json]',
  summary: 'Merge a notes export into this profile (by id: newer wins, never duplicates)',
  options: { 'restore-deleted': { type: 'boolean' } },
  async run(ctx) {
    const file = requirePositional(ctx, 0, 'FILE');
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new BriefbookError('not-found', `No file ${file}.`);
    }
    if (!stat.isFile()) throw new BriefbookError('invalid-input', `${file} is not a file.`);
    if (stat.size > MAX_IMPORT_CHARS)
      throw new BriefbookError('invalid-input', `${file} is larger than 64 MB; that is not a Briefbook notes export.`);
    const report = importAnnotations(ctx.core().db, fs.readFileSync(file, 'utf8'), {
      restoreDeleted: ctx.values['restore-deleted'] === true,
    });
    if (ctx.json) return ctx.printJson({ ok: true, ...report });
    ctx.print(
      `✓ Imported ${file}: ${report.added} added, ${report.updated} updated, ${report.unchanged} already here` +
        (report.skippedDeleted ? `, ${report.skippedDeleted} kept deleted (--restore-deleted brings them back)` : '') +
        (report.starsAdded ? `; ${report.starsAdded} star(s) added` : ''),
    );
    if (report.orphaned)
      ctx.print(`  ${report.orphaned} could not be placed in the installed text and are listed as orphaned.`);
  },
};
