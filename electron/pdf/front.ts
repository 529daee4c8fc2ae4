// The cover and the table of contents. Contents entries link to their section and show
// its page number, which is filled in when the document ends (deferred.ts).
import type { ExportScope } from '../../shared/api';
import type { Ctx } from './context';
import type { CjkLang } from './fonts';
import { dateRange, longDay, utcOffset, zoneCity } from './format';
import type { Span, Style } from './inline';
import { COLORS, TYPE } from './theme';

export interface TocEntry {
  title: string;
  dest: string;
  level: 1 | 2;
  lang?: CjkLang;
}

function scopeLabel(scope: ExportScope, c: Ctx['c']): string | null {
  switch (scope.kind) {
    case 'all':
      return null;
    case 'day':
      return `Day brief: ${longDay(scope.date)}`;
    case 'meeting':
      return `Meeting card: ${c.meetings[0]?.data.title ?? scope.id}`;
    case 'officials':
      return `Profiles: ${c.officials.map((o) => o.data.name).join(', ')}`;
  }
}

export function drawCover(ctx: Ctx, exportedAt: Date, watermark: string | null): void {
  const { w, c } = ctx;
  const { pack } = c;
  w.section = 'Cover';
  w.newPage({ bare: true });
  ctx.outline = w.doc.outline.addItem('Cover');
  const g = w.geo;
  // A band of colour down the left edge, the title set large below a third of the page.
  w.doc.save().rect(0, 0, 14, g.height).fill(COLORS.accent).restore();
  w.y = g.height * 0.2;
  w.paragraph([{ text: 'BRIEFING BOOK', style: { size: 9, color: COLORS.accent, bold: true, tracking: 0.8 } }], {
    after: 14,
  });
  w.paragraph([{ text: pack.title, style: { size: 28, color: COLORS.ink, serif: true, bold: true } }], {
    leading: 1.18,
    after: 12,
  });
  w.paragraph([{ text: pack.event.name, style: { size: 13, color: COLORS.muted, serif: true } }], {
    leading: 1.35,
    after: 18,
  });
  w.rule(COLORS.accent, 2, w.left, w.left + 72);
  w.y += 22;
  const label: Style = { size: 7.5, color: COLORS.faint, bold: true, tracking: 0.5 };
  const value: Style = { size: 10.5, color: COLORS.ink };
  const start = Date.parse(`${pack.event.start}T12:00:00Z`);
  const rows: [string, string][] = [
    ['Dates', dateRange(pack.event.start, pack.event.end)],
    ['Location', pack.event.location],
  ];
  if (pack.event.venue) rows.push(['Venue', pack.event.venue]);
  rows.push(['Venue time', `${zoneCity(c.venueZone)} time (${utcOffset(start, c.venueZone)})`]);
  if (c.homeZone !== c.venueZone)
    rows.push([
      'Home time',
      `${zoneCity(c.homeZone)} time (${utcOffset(start, c.homeZone)}), shown beside venue times`,
    ]);
  if (pack.preparedFor) rows.push(['Prepared for', pack.preparedFor]);
  const scope = scopeLabel(c.scope, c);
  if (scope) rows.push(['Scope', scope]);
  const published = pack.publishedAt
    ? `published ${pack.publishedAt.slice(0, 10)}`
    : `local draft, installed ${pack.installedAt.slice(0, 10)}`;
  rows.push(['Version', `${pack.version} (${published})`]);
  rows.push(['Printed', `${longDay(exportedAt.toISOString().slice(0, 10))}${watermark ? ` for ${watermark}` : ''}`]);
  const labelWidth = 92;
  for (const [l, v] of rows) {
    const lines = w.layout([{ text: v, style: value }], 1.35, w.width - labelWidth);
    const top = w.y;
    w.drawLine(w.layout([{ text: l.toUpperCase(), style: label }], 1.35 * (10.5 / 7.5))[0]!, w.left);
    w.y = top;
    for (const line of lines) w.drawLine(line, w.left + labelWidth);
    w.y += 7;
  }
  // Handling notice at the foot of the cover.
  const notice: Span[] = [
    { text: `${pack.classification}. `, style: { size: 8, color: COLORS.marking, bold: true } },
    {
      text: 'This book is for the named reader only. Do not copy or forward it; keep it with you or locked away, and return or shred it after the event.',
      style: { size: 8, color: COLORS.muted },
    },
  ];
  const h = w.measure(notice, 1.45, w.width - 20);
  w.y = g.bottom - h - 20;
  w.doc
    .save()
    .rect(w.left, w.y, w.width, h + 16)
    .fill(COLORS.zebra)
    .restore();
  w.y += 8;
  for (const line of w.layout(notice, 1.45, w.width - 20)) w.drawLine(line, w.left + 10);
}

export function drawContents(ctx: Ctx, entries: TocEntry[]): void {
  const { w } = ctx;
  w.section = 'Contents';
  w.newPage();
  w.anchor('contents');
  ctx.outline = w.doc.outline.addItem('Contents');
  w.paragraph([{ text: 'Contents', style: { size: TYPE.h1.size, color: COLORS.accent, serif: true, bold: true } }], {
    leading: TYPE.h1.leading,
    after: 4,
  });
  w.y += 2;
  w.rule(COLORS.accent, 1.2, w.left, w.left + 48);
  w.y += 14;
  const numberWidth = 28;
  entries.forEach((e, i) => {
    const top1 = e.level === 1;
    const style: Style = top1
      ? { size: 10.5, color: COLORS.accent, bold: true, lang: e.lang }
      : { size: 9.5, color: COLORS.ink, lang: e.lang };
    const indent = top1 ? 0 : 14;
    const lines = w.layout([{ text: e.title, style }], 1.45, w.width - indent - numberWidth - 16);
    const h = lines.reduce((s, l) => s + l.height, 0);
    const next = entries[i + 1];
    // A section title keeps its first entry with it.
    const keep = top1 && next?.level === 2 ? 16 : 0;
    if (top1 && i > 0) w.space(8);
    w.ensure(h + keep);
    const top = w.y;
    for (const line of lines) w.drawLine(line, w.left + indent);
    const last = lines[lines.length - 1]!;
    const baseline = w.y - last.height + (last.height - last.size) / 2 + last.size * 0.8;
    const leaderStart = w.left + indent + last.width + 6;
    const leaderEnd = w.geo.right - numberWidth - 4;
    if (leaderEnd > leaderStart) {
      w.doc
        .save()
        .moveTo(leaderStart, baseline)
        .lineTo(leaderEnd, baseline)
        .lineWidth(0.6)
        .lineCap('round')
        .dash(0.01, { space: 3 })
        .strokeColor(COLORS.faint)
        .stroke()
        .restore();
    }
    const dest = e.dest;
    w.deferred.place(
      w.geo.right - numberWidth,
      baseline,
      numberWidth,
      { key: top1 ? 'sans-b' : 'sans', size: style.size, color: top1 ? COLORS.accent : COLORS.ink, align: 'right' },
      (v) => String(v(dest) ?? ''),
    );
    w.doc.goTo(w.left, top, w.width, h, dest);
  });
}
