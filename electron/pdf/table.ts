// Tables: columns sized from their content, rows never split (unless one is taller than
// a page), the header row repeated on every page the table continues on.
import { naturalWidth, type Line, type Span } from './inline';
import { COLORS, TYPE } from './theme';
import type { PageWriter } from './writer';

export interface TableSpec {
  header: Span[][] | null;
  rows: Span[][][];
  /** Fixed column widths in points; others share what is left by content. */
  widths?: (number | null)[];
  align?: ('left' | 'right' | 'center' | null)[];
  zebra?: boolean;
  leading?: number;
}

const PAD_X = 5;
const PAD_Y = 3.5;

function columnWidths(w: PageWriter, spec: TableSpec, total: number): number[] {
  const all = spec.header ? [spec.header, ...spec.rows] : spec.rows;
  const n = Math.max(...all.map((r) => r.length));
  const max = new Array<number>(n).fill(0);
  const min = new Array<number>(n).fill(0);
  for (const row of all) {
    row.forEach((cell, i) => {
      const nw = naturalWidth(w.fonts, cell);
      max[i] = Math.max(max[i]!, nw.max + 2 * PAD_X + 0.5);
      min[i] = Math.max(min[i]!, Math.min(nw.min + 2 * PAD_X + 0.5, total / n));
    });
  }
  const fixed = spec.widths ?? [];
  const widths = max.map((m, i) => fixed[i] ?? m);
  const flexible = widths.map((_, i) => fixed[i] == null);
  const fixedSum = widths.reduce((s, x, i) => s + (flexible[i] ? 0 : x), 0);
  const room = total - fixedSum;
  const maxSum = max.reduce((s, x, i) => s + (flexible[i] ? x : 0), 0);
  if (maxSum <= room) {
    // Everything fits on one line: give the spare room to the widest column.
    let widest = -1;
    flexible.forEach((f, i) => {
      if (f && (widest < 0 || max[i]! > max[widest]!)) widest = i;
    });
    if (widest >= 0) widths[widest]! += room - maxSum;
    return widths;
  }
  const minSum = min.reduce((s, x, i) => s + (flexible[i] ? x : 0), 0);
  const extra = Math.max(0, room - minSum);
  const want = max.reduce((s, x, i) => s + (flexible[i] ? x - min[i]! : 0), 0) || 1;
  return widths.map((x, i) => (flexible[i] ? min[i]! + (extra * (max[i]! - min[i]!)) / want : x));
}

interface LaidRow {
  cells: Line[][];
  height: number;
}

export function drawTable(w: PageWriter, spec: TableSpec): void {
  const total = w.width;
  const widths = columnWidths(w, spec, total);
  const leading = spec.leading ?? 1.35;
  const lay = (row: Span[][]): LaidRow => {
    const cells = widths.map((cw, i) => w.layout(row[i] ?? [], leading, cw - 2 * PAD_X));
    const height = Math.max(...cells.map((c) => c.reduce((s, l) => s + l.height, 0))) + 2 * PAD_Y;
    return { cells, height };
  };
  const header = spec.header ? lay(spec.header) : null;
  const drawRow = (row: LaidRow, kind: 'header' | 'even' | 'odd'): void => {
    const x0 = w.left;
    const top = w.y;
    if (kind === 'header') w.doc.save().rect(x0, top, total, row.height).fill(COLORS.accentSoft).restore();
    else if (kind === 'odd' && spec.zebra !== false)
      w.doc.save().rect(x0, top, total, row.height).fill(COLORS.zebra).restore();
    let x = x0;
    row.cells.forEach((lines, i) => {
      w.y = top + PAD_Y;
      const cw = widths[i]!;
      for (const line of lines) {
        const align = spec.align?.[i];
        const dx =
          align === 'right' ? cw - 2 * PAD_X - line.width : align === 'center' ? (cw - 2 * PAD_X - line.width) / 2 : 0;
        w.drawLine(line, x + PAD_X + dx);
      }
      x += cw;
    });
    w.y = top + row.height;
    w.rule(kind === 'header' ? COLORS.accent : COLORS.rule, kind === 'header' ? 0.8 : 0.4, x0, x0 + total);
  };
  const startPage = (): void => {
    if (header) drawRow(header, 'header');
  };
  const rows = spec.rows.map(lay);
  w.ensure((header?.height ?? 0) + (rows[0]?.height ?? 0));
  startPage();
  rows.forEach((row, r) => {
    if (w.y + row.height > w.geo.bottom + 0.01) {
      w.newPage();
      startPage();
    }
    drawRow(row, r % 2 === 1 ? 'odd' : 'even');
  });
}

export const TABLE_TEXT = { size: TYPE.body.size - 0.5, color: COLORS.ink } as const;
