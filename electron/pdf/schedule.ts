// The schedule: one table per venue day, venue times first and the reader's home time
// beside them, each meeting linked to its card with the card's page number.
import { bookmark, destOf, startSection, type Ctx } from './context';
import { longDay, otherZoneRange, timeRange, utcOffset, zoneCity } from './format';
import type { Span, Style } from './inline';
import { drawTable } from './table';
import { COLORS, TYPE } from './theme';

export function drawSchedule(ctx: Ctx): void {
  const { w, c } = ctx;
  const home = c.homeZone !== c.venueZone ? c.homeZone : null;
  const probe = c.meetings[0]?.startsAt ?? Date.parse(`${c.pack.event.start}T12:00:00Z`);
  const intro: Span[] = [
    {
      text: `Times are ${zoneCity(c.venueZone)} time (${utcOffset(probe, c.venueZone)})`,
      style: { size: TYPE.body.size, color: COLORS.muted },
    },
    {
      text: home ? `, with ${zoneCity(home)} time (${utcOffset(probe, home)}) beside them. ` : '. ',
      style: { size: TYPE.body.size, color: COLORS.muted },
    },
    { text: 'Each meeting links to its card.', style: { size: TYPE.body.size, color: COLORS.muted } },
  ];
  startSection(ctx, 'Schedule', 'schedule', intro);
  const cell: Style = { size: TYPE.body.size - 0.5, color: COLORS.ink };
  const head = (t: string): Span[] => [{ text: t, style: { ...cell, bold: true, color: COLORS.accent } }];
  for (const day of c.days) {
    const meetings = c.meetings.filter((m) => m.day === day);
    const title = longDay(day);
    w.space(10);
    w.ensure(TYPE.h3.size * 1.3 + 3 + 44);
    w.anchor(`day-${day}`);
    bookmark(ctx, title);
    w.paragraph([{ text: title, style: { size: 12.5, color: COLORS.ink, bold: true, serif: true } }], {
      leading: 1.3,
      after: 5,
    });
    if (meetings.length === 0) {
      w.paragraph([{ text: 'No meetings scheduled.', style: { ...cell, italic: true, color: COLORS.muted } }], {
        after: 4,
      });
      continue;
    }
    const rows = meetings.map((m) => {
      const dest = destOf('meeting', m.id);
      const row: Span[][] = [[{ text: timeRange(m.startsAt, m.endsAt, c.venueZone), style: { ...cell, bold: true } }]];
      if (home)
        row.push([{ text: otherZoneRange(m.startsAt, m.endsAt, home, day), style: { ...cell, color: COLORS.muted } }]);
      row.push([
        { text: m.data.title, style: { ...cell, bold: true, goTo: dest } },
        { text: `\n${m.data.location}`, style: { ...cell, size: TYPE.small.size, color: COLORS.muted } },
      ]);
      row.push([{ text: '', style: { ...cell, color: COLORS.muted, pageRef: dest, pageRefAlign: 'right' } }]);
      return row;
    });
    const header = [head(zoneCity(c.venueZone))];
    if (home) header.push(head(zoneCity(home)));
    header.push(head('Meeting'), head('Page'));
    drawTable(w, {
      header,
      rows,
      widths: home ? [66, 78, null, 34] : [66, null, 34],
      align: home ? [null, null, null, 'right'] : [null, null, 'right'],
    });
  }
  ctx.itemDone();
}
