import path from 'node:path';
import type { ExportScope } from '../../../shared/api';
import { BriefbookError } from '../../../shared/errors';
import { ID_PATTERN } from '../../../shared/model';
import { exportPdf } from '../../pdf/exportPdf';
import { requirePositional, stringOption } from '../args';
import type { Command } from '../command';

/** "all" | "day:2027-03-16" | "meeting:ID" | "official:ID,ID" */
export function parseScope(text: string): ExportScope {
  if (text === 'all') return { kind: 'all' };
  const [kind, rest = ''] = text.split(/:(.*)/s, 2) as [string, string?];
  if (kind === 'day' && /^\d{4}-\d{2}-\d{2}$/.test(rest)) return { kind: 'day', date: rest };
  if (kind === 'meeting' && ID_PATTERN.test(rest)) return { kind: 'meeting', id: rest };
  if (kind === 'official' || kind === 'officials') {
    const ids = rest
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (ids.length > 0 && ids.every((id) => ID_PATTERN.test(id))) return { kind: 'officials', ids };
  }
  throw new BriefbookError(
    'invalid-input',
    `--scope "${text}" is not understood. Use all, day:YYYY-MM-DD, meeting:ID or official:ID[,ID…].`,
  );
}

export const exportCommand: Command = {
  name: 'export',
  usage:
    'briefbook export <pack-id> --out FILE.pdf [--scope all|day:YYYY-MM-DD|meeting:ID|official:ID,…] [--notes] [--paper a4|letter] [--watermark NAME]',
  summary: 'Write a printable PDF brief',
  options: {
    out: { type: 'string', short: 'o' },
    scope: { type: 'string' },
    notes: { type: 'boolean' },
    paper: { type: 'string' },
    watermark: { type: 'string' },
  },
  async run(ctx) {
    const packId = requirePositional(ctx, 0, 'pack-id');
    const out = stringOption(ctx, 'out');
    if (!out || !/\.pdf$/i.test(out))
      throw new BriefbookError(
        'invalid-input',
        'Give the file to write with --out, ending in .pdf (e.g. --out brief.pdf).',
      );
    const paper = stringOption(ctx, 'paper') ?? 'a4';
    if (paper !== 'a4' && paper !== 'letter')
      throw new BriefbookError('invalid-input', `--paper must be a4 or letter, not "${paper}".`);
    const watermark = stringOption(ctx, 'watermark')?.trim() || undefined;
    const scope = parseScope(stringOption(ctx, 'scope') ?? 'all');
    const t0 = performance.now();
    const result = await exportPdf(ctx.core().db, {
      packId,
      scope,
      notes: ctx.values.notes === true,
      paper,
      watermark,
      outPath: path.resolve(out),
    });
    const seconds = (performance.now() - t0) / 1000;
    if (ctx.json) return ctx.printJson({ ok: true, ...result, seconds });
    ctx.print(
      `✓ Wrote ${result.path}: ${result.pages} pages, ${(result.bytes / 1024).toFixed(0)} KB in ${seconds.toFixed(2)} s`,
    );
  },
};
