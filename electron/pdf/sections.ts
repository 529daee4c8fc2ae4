// Official profiles, talking points by priority, background notes, and the index of the
// reader's notes.
import { KIND_LABELS, type Priority } from '../../shared/model';
import { PRIORITY_ORDER, type Official, type TalkingPoint } from './content';
import {
  body,
  bookmark,
  destOf,
  drawAnnotation,
  drawPhoto,
  initialsOf,
  itemDest,
  itemKey,
  kicker,
  langOfOfficial,
  readerNotes,
  startSection,
  type Ctx,
} from './context';
import type { Span, Style } from './inline';
import { COLORS, TYPE } from './theme';

const PHOTO_W = 66;
const PHOTO_H = 82;

/** Yields after each official (see exportPdf's laying out). */
export function* drawOfficials(ctx: Ctx): Generator<void, void, void> {
  const { c } = ctx;
  if (c.officials.length === 0) return;
  startSection(ctx, KIND_LABELS.official.many, 'officials');
  for (const [i, o] of c.officials.entries()) {
    if (i > 0) separator(ctx);
    drawOfficial(ctx, o);
    ctx.itemDone();
    yield;
  }
}

function separator(ctx: Ctx): void {
  const { w } = ctx;
  w.space(10);
  if (w.remaining > 120) {
    w.rule(COLORS.rule, 0.5);
    w.y += 14;
  } else w.newPage();
}

function drawOfficial(ctx: Ctx, o: Official): void {
  const { w } = ctx;
  const d = o.data;
  const lang = langOfOfficial(d.country);
  const textX = PHOTO_W + 14;
  const textW = w.width - textX;
  const head: Span[] = [
    { text: d.name, style: { size: TYPE.h2.size, color: COLORS.ink, serif: true, bold: true, lang } },
  ];
  if (d.nativeName)
    head.push({ text: `   ${d.nativeName}`, style: { size: TYPE.h2.size - 1, color: COLORS.muted, lang } });
  const lines: Span[][] = [head];
  if (d.pronunciation)
    lines.push([
      { text: 'Pronounced ', style: { size: TYPE.small.size + 0.5, color: COLORS.faint } },
      { text: d.pronunciation, style: { size: TYPE.small.size + 0.5, color: COLORS.muted, italic: true } },
    ]);
  lines.push([{ text: d.title, style: { size: TYPE.body.size + 0.5, color: COLORS.ink, bold: true, lang } }]);
  lines.push([{ text: d.organization, style: { size: TYPE.body.size, color: COLORS.ink, lang } }]);
  const meta = [d.country, d.languages.length ? `Speaks ${d.languages.join(', ')}` : ''].filter(Boolean).join('  ·  ');
  lines.push([{ text: meta, style: { size: TYPE.small.size + 0.5, color: COLORS.muted } }]);
  const laid = lines.map((s, i) => w.layout(s, i === 0 ? 1.25 : 1.4, textW));
  const headH = Math.max(PHOTO_H, laid.reduce((s, l) => s + l.reduce((a, x) => a + x.height, 0), 0) + 6);
  // The profile's head (photo, name, title) and the first lines of its text stay together.
  w.ensure(headH + 40);
  const top = w.y;
  w.anchor(destOf('official', o.id));
  bookmark(ctx, d.nativeName ? `${d.name} (${d.nativeName})` : d.name);
  drawPhoto(ctx, d.photo, w.left, top, PHOTO_W, PHOTO_H, initialsOf(d.name));
  w.y = top - 2;
  laid.forEach((ls, i) => {
    for (const line of ls) w.drawLine(line, w.left + textX);
    if (i === 0) w.y += 2;
  });
  w.y = top + headH + 8;
  body(ctx, 'official', o.id, o.body, lang);
  const tps = ctx.c.talkingPoints.filter((t) => t.data.officials.includes(o.id));
  if (tps.length) {
    const label: Style = { size: TYPE.small.size, color: COLORS.muted };
    const spans: Span[] = [{ text: 'Talking points: ', style: { ...label, bold: true } }];
    tps.forEach((t, i) => {
      if (i > 0) spans.push({ text: ' · ', style: label });
      spans.push({
        text: t.data.title.split(' — ')[0]!,
        style: { ...label, color: COLORS.link, goTo: destOf('talking-point', t.id) },
      });
    });
    w.paragraph(spans, { leading: 1.45, after: 2 });
  }
  readerNotes(ctx, 'official', o.id, lang);
}

const PRIORITY_TITLE: Record<Priority, string> = {
  high: 'High priority',
  medium: 'Medium priority',
  low: 'Low priority',
};
const PRIORITY_COLOR: Record<Priority, string> = { high: COLORS.high, medium: COLORS.medium, low: COLORS.low };

/** Yields after each talking point (see exportPdf's laying out). */
export function* drawTalkingPoints(ctx: Ctx): Generator<void, void, void> {
  const { w, c } = ctx;
  if (c.talkingPoints.length === 0) return;
  startSection(ctx, KIND_LABELS['talking-point'].many, 'talking-points', [
    {
      text: 'Grouped by priority: make the high-priority points first.',
      style: { size: TYPE.body.size, color: COLORS.muted },
    },
  ]);
  for (const p of PRIORITY_ORDER) {
    const group = c.talkingPoints.filter((t) => t.data.priority === p);
    if (group.length === 0) continue;
    w.space(6);
    w.ensure(90);
    w.anchor(`priority-${p}`);
    w.paragraph(
      [
        {
          text: PRIORITY_TITLE[p].toUpperCase(),
          style: { size: 9, color: PRIORITY_COLOR[p], bold: true, tracking: 0.6 },
        },
      ],
      {
        after: 2,
      },
    );
    w.rule(PRIORITY_COLOR[p], 1);
    w.y += 10;
    for (const [i, t] of group.entries()) {
      if (i > 0) {
        w.space(8);
        if (w.remaining > 90) {
          w.rule(COLORS.rule, 0.4);
          w.y += 10;
        }
      }
      drawTalkingPoint(ctx, t);
      ctx.itemDone();
      yield;
    }
    w.space(12);
  }
}

function drawTalkingPoint(ctx: Ctx, t: TalkingPoint): void {
  const { w, c } = ctx;
  const title: Span[] = [{ text: t.data.title, style: { size: TYPE.h3.size + 0.5, color: COLORS.ink, bold: true } }];
  const kick: Span[] = [
    kicker(`${t.data.priority} priority${t.data.topic ? ` · ${t.data.topic}` : ''}`, PRIORITY_COLOR[t.data.priority]),
  ];
  w.ensure(w.measure(kick) + w.measure(title, 1.3) + 60);
  w.anchor(destOf('talking-point', t.id));
  bookmark(ctx, t.data.title);
  w.paragraph(kick, { after: 1 });
  w.paragraph(title, { leading: 1.3, after: 3 });
  const used: Span[] = [];
  const label: Style = { size: TYPE.small.size, color: COLORS.muted };
  const meetings = t.data.meetings.map((id) => c.meetings.find((m) => m.id === id)).filter((m) => m !== undefined);
  if (meetings.length) {
    used.push({ text: 'Raise at: ', style: { ...label, bold: true } });
    meetings.forEach((m, i) => {
      if (i > 0) used.push({ text: '; ', style: label });
      used.push({ text: m.data.title, style: { ...label, color: COLORS.link, goTo: destOf('meeting', m.id) } });
    });
  }
  const people = t.data.officials.filter((id) => c.allOfficials.has(id));
  if (people.length) {
    if (used.length) used.push({ text: '\n', style: label });
    used.push({ text: 'With: ', style: { ...label, bold: true } });
    people.forEach((id, i) => {
      if (i > 0) used.push({ text: ', ', style: label });
      const dest = itemDest(c, 'official', id);
      used.push({
        text: c.allOfficials.get(id)!.data.name,
        style: dest ? { ...label, color: COLORS.link, goTo: dest } : label,
      });
    });
  }
  if (used.length) w.paragraph(used, { leading: 1.45, after: 5 });
  body(ctx, 'talking-point', t.id, t.body, 'jp');
  readerNotes(ctx, 'talking-point', t.id, 'jp');
}

/** Yields after each note (see exportPdf's laying out). */
export function* drawNotes(ctx: Ctx): Generator<void, void, void> {
  const { w, c } = ctx;
  if (c.notes.length === 0) return;
  startSection(ctx, KIND_LABELS.note.many, 'notes');
  for (const [i, n] of c.notes.entries()) {
    const title: Span[] = [
      { text: n.data.title, style: { size: TYPE.h2.size, color: COLORS.ink, serif: true, bold: true } },
    ];
    if (i > 0) {
      w.space(14);
      if (w.remaining < 160) w.newPage();
    }
    w.ensure(w.measure(title, TYPE.h2.leading) + 50);
    w.anchor(destOf('note', n.id));
    bookmark(ctx, n.data.title);
    w.paragraph(title, { leading: TYPE.h2.leading, after: 6 });
    w.continued = n.data.title;
    body(ctx, 'note', n.id, n.body, 'jp', n.data.title);
    readerNotes(ctx, 'note', n.id, 'jp');
    w.continued = null;
    ctx.itemDone();
    yield;
  }
}

/** Every note of the reader in one place, by item, with the page each item is on. */
export function drawNotesIndex(ctx: Ctx): void {
  const { w, c } = ctx;
  const all = c.annotations;
  if (!all) return;
  startSection(ctx, 'Index of your notes', 'notes-index', [
    {
      text: all.size
        ? 'Your highlights and notes in this book, by item. Numbers match the marks beside the passages.'
        : 'You have no highlights or notes on the items in this book.',
      style: { size: TYPE.body.size, color: COLORS.muted },
    },
  ]);
  const titles = new Map<string, { title: string; kind: string; id: string }>();
  for (const m of c.meetings) titles.set(itemKey('meeting', m.id), { title: m.data.title, kind: 'meeting', id: m.id });
  for (const o of c.officials)
    titles.set(itemKey('official', o.id), { title: o.data.name, kind: 'official', id: o.id });
  for (const t of c.talkingPoints)
    titles.set(itemKey('talking-point', t.id), { title: t.data.title, kind: 'talking-point', id: t.id });
  for (const n of c.notes) titles.set(itemKey('note', n.id), { title: n.data.title, kind: 'note', id: n.id });
  for (const [key, list] of all) {
    const item = titles.get(key);
    if (!item) continue;
    const dest = destOf(item.kind, item.id);
    const head: Span[] = [
      { text: item.title, style: { size: TYPE.body.size, color: COLORS.ink, bold: true, goTo: dest } },
      { text: '   p. ', style: { size: TYPE.small.size, color: COLORS.faint } },
      { text: '', style: { size: TYPE.small.size, color: COLORS.faint, pageRef: dest } },
    ];
    w.space(6);
    w.ensure(w.measure(head) + 24);
    w.paragraph(head, { after: 2 });
    w.indent += 10;
    for (const a of list) drawAnnotation(w, a, 'jp');
    w.indent -= 10;
  }
}
