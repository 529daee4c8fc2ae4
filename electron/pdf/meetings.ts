// Meeting cards: each meeting starts a page (the card an executive takes into the room):
// when in venue and home time, where, the purpose, agenda, who is there with photos,
// and the talking points to make.
import type { Meeting } from './content';
import {
  body,
  bookmark,
  destOf,
  drawPhoto,
  h3,
  initialsOf,
  itemDest,
  kicker,
  langOfOfficial,
  participantName,
  readerNotes,
  startSection,
  type Ctx,
} from './context';
import { longDay, otherZoneRange, timeRange, zoneCity } from './format';
import type { Span, Style } from './inline';
import { drawTable } from './table';
import { COLORS, TYPE } from './theme';

const PRIORITY_COLOR = { high: COLORS.high, medium: COLORS.medium, low: COLORS.low } as const;

/** One meeting card after another; yields after each (see exportPdf's laying out). */
export function* drawMeetings(ctx: Ctx): Generator<void, void, void> {
  for (const [i, m] of ctx.c.meetings.entries()) {
    if (i === 0) startSection(ctx, 'Meetings', 'meetings', 'no-title');
    else ctx.w.newPage();
    drawMeeting(ctx, m);
    ctx.itemDone();
    yield;
  }
}

function drawMeeting(ctx: Ctx, m: Meeting): void {
  const { w, c } = ctx;
  const dest = destOf('meeting', m.id);
  w.anchor(dest);
  bookmark(ctx, m.data.title);
  w.continued = m.data.title;
  w.paragraph([kicker(`Meeting · ${longDay(m.day)}`)], { after: 3 });
  w.paragraph([{ text: m.data.title, style: { size: TYPE.h2.size + 1, color: COLORS.ink, serif: true, bold: true } }], {
    leading: TYPE.h2.leading,
    after: 8,
  });

  // Facts box.
  const home = c.homeZone !== c.venueZone ? c.homeZone : null;
  const value: Style = { size: TYPE.body.size, color: COLORS.ink };
  const when: Span[] = [
    { text: timeRange(m.startsAt, m.endsAt, c.venueZone), style: { ...value, bold: true } },
    { text: ` ${zoneCity(c.venueZone)} time`, style: value },
  ];
  if (home) {
    when.push({ text: '   ·   ', style: { ...value, color: COLORS.faint } });
    when.push({
      text: otherZoneRange(m.startsAt, m.endsAt, home, m.day),
      style: { ...value, bold: true, color: COLORS.muted },
    });
    when.push({ text: ` ${zoneCity(home)} time`, style: { ...value, color: COLORS.muted } });
  }
  const facts: [string, Span[]][] = [
    ['When', when],
    ['Where', [{ text: m.data.location, style: value }]],
  ];
  if (m.data.participants.length) {
    facts.push(['With', [{ text: m.data.participants.map((p) => participantName(c, p)).join(', '), style: value }]]);
  }
  drawFacts(ctx, facts);

  body(ctx, 'meeting', m.id, m.body, 'jp');

  if (m.data.agenda.length) {
    h3(w, 'Agenda', 40);
    const cell: Style = { size: TYPE.body.size - 0.5, color: COLORS.ink };
    drawTable(w, {
      header: [['Time'], ['Item'], ['Lead']].map((t) => [
        { text: t[0]!, style: { ...cell, bold: true, color: COLORS.accent } },
      ]),
      rows: m.data.agenda.map((a) => [
        [{ text: a.time, style: { ...cell, bold: true } }],
        [{ text: a.title, style: cell }],
        a.lead
          ? [
              {
                text: participantName(c, a.lead),
                style: { ...cell, color: COLORS.muted, goTo: itemDest(c, 'official', a.lead) ?? undefined },
              },
            ]
          : [],
      ]),
      widths: [44, null, 120],
    });
  }

  const tps = m.data.talkingPoints
    .map((id) => c.talkingPoints.find((t) => t.id === id))
    .filter((t): t is NonNullable<typeof t> => t !== undefined);
  if (tps.length) {
    h3(w, 'Talking points', 30);
    for (const t of tps) {
      const dest = destOf('talking-point', t.id);
      const pStyle: Style = {
        size: TYPE.kicker.size,
        color: PRIORITY_COLOR[t.data.priority],
        bold: true,
        tracking: 0.6,
      };
      const spans: Span[] = [
        { text: `${t.data.priority.toUpperCase()}  `, style: pStyle },
        { text: t.data.title, style: { size: TYPE.body.size, color: COLORS.link, goTo: dest } },
        { text: '  p. ', style: { size: TYPE.small.size, color: COLORS.faint } },
        { text: '', style: { size: TYPE.small.size, color: COLORS.faint, pageRef: dest } },
      ];
      w.paragraph(spans, { after: 3 });
    }
  }
  if (m.data.participants.length) {
    h3(w, 'Participants', 56);
    drawParticipants(ctx, m.data.participants);
  }

  readerNotes(ctx, 'meeting', m.id, 'jp');
  w.continued = null;
}

/** Label/value rows on a tinted panel. */
export function drawFacts(ctx: Ctx, facts: [string, Span[]][]): void {
  const { w } = ctx;
  const labelW = 52;
  const pad = 8;
  const label: Style = { size: TYPE.kicker.size, color: COLORS.accent, bold: true, tracking: 0.5 };
  const laid = facts.map(([l, v]) => ({ l, lines: w.layout(v, 1.4, w.width - labelW - 2 * pad) }));
  const h = laid.reduce((s, r) => s + r.lines.reduce((a, l) => a + l.height, 0), 0) + 2 * pad + (laid.length - 1) * 3;
  w.ensure(h);
  const top = w.y;
  w.doc.save().rect(w.left, top, w.width, h).fill(COLORS.accentSoft).restore();
  w.doc.save().rect(w.left, top, 2.5, h).fill(COLORS.accent).restore();
  w.y = top + pad;
  for (const r of laid) {
    const rowTop = w.y;
    const labelLine = w.layout(
      [{ text: r.l.toUpperCase(), style: label }],
      1.4 * (TYPE.body.size / TYPE.kicker.size),
    )[0]!;
    w.drawLine(labelLine, w.left + pad + 2);
    w.y = rowTop;
    for (const line of r.lines) w.drawLine(line, w.left + pad + labelW);
    w.y += 3;
  }
  w.y = top + h + 10;
}

function drawParticipants(ctx: Ctx, ids: string[]): void {
  const { w, c } = ctx;
  const colW = (w.width - 12) / 2;
  const photoW = 34;
  const photoH = 42;
  const cards = ids.map((id) => {
    const o = c.allOfficials.get(id);
    const name = o?.data.name ?? id;
    const lang = langOfOfficial(o?.data.country);
    const dest = itemDest(c, 'official', id);
    const spans: Span[] = [
      { text: name, style: { size: TYPE.body.size, color: COLORS.ink, bold: true, goTo: dest ?? undefined } },
    ];
    if (o?.data.nativeName)
      spans.push({ text: `  ${o.data.nativeName}`, style: { size: TYPE.body.size, color: COLORS.muted, lang } });
    if (o)
      spans.push({
        text: `\n${o.data.title}, ${o.data.organization}`,
        style: { size: TYPE.small.size, color: COLORS.muted, lang },
      });
    return { o, name, lines: w.layout(spans, 1.35, colW - photoW - 8) };
  });
  for (let i = 0; i < cards.length; i += 2) {
    const pair = cards.slice(i, i + 2);
    const textH = Math.max(...pair.map((p) => p.lines.reduce((s, l) => s + l.height, 0)));
    const rowH = Math.max(photoH, textH) + 10;
    w.ensure(rowH);
    const top = w.y;
    pair.forEach((card, k) => {
      const x = w.left + k * (colW + 12);
      drawPhoto(ctx, card.o?.data.photo, x, top, photoW, photoH, initialsOf(card.name));
      w.y = top - 1;
      for (const line of card.lines) w.drawLine(line, x + photoW + 8);
    });
    w.y = top + rowH;
  }
  w.y += 2;
}
