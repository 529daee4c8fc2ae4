// Shared state of one export and the pieces every section uses: link targets, photos,
// section openings with bookmarks, item headings, and the reader's notes after an item.
import type { Db } from '../store/db';
import { readPhoto } from '../store/packsRepo';
import { itemKey, type AnnotationRow, type BriefContent } from './content';
import { langForCountry, type CjkLang } from './fonts';
import type { Span, Style } from './inline';
import { drawMarkdown, type Highlight } from './markdown';
import { COLORS, HIGHLIGHTS, TYPE } from './theme';
import type { PageWriter } from './writer';

type Outline = PDFKit.PDFOutline;
/** pdfkit's decoded image, embedded once and drawn as often as needed. */
export interface PdfImage {
  width: number;
  height: number;
}

export interface Ctx {
  w: PageWriter;
  c: BriefContent;
  db: Db;
  /** The current top-level bookmark, items nest under it. */
  outline: Outline | null;
  itemDone(): void;
  images: Map<string, PdfImage | null>;
}

const FOLDER_KIND: Record<string, string> = {
  officials: 'official',
  meetings: 'meeting',
  'talking-points': 'talking-point',
  notes: 'note',
};

export function destOf(kind: string, id: string): string {
  return `${kind}-${id}`;
}

/** Named destination of an item if it is in this brief. */
export function itemDest(c: BriefContent, kind: string, id: string): string | null {
  const has =
    kind === 'meeting'
      ? c.meetings.some((m) => m.id === id)
      : kind === 'official'
        ? c.officials.some((o) => o.id === id)
        : kind === 'talking-point'
          ? c.talkingPoints.some((t) => t.id === id)
          : c.notes.some((n) => n.id === id);
  return has ? destOf(kind, id) : null;
}

export function resolver(c: BriefContent): (folder: string, id: string) => string | null {
  return (folder, id) => itemDest(c, FOLDER_KIND[folder] ?? folder, id);
}

export function photoOf(ctx: Ctx, path: string | undefined): PdfImage | null {
  if (!path) return null;
  if (ctx.images.has(path)) return ctx.images.get(path)!;
  const stored = readPhoto(ctx.db, ctx.c.pack.id, path);
  let img: PdfImage | null = null;
  if (stored) {
    try {
      img = (ctx.w.doc as unknown as { openImage(src: Buffer): PdfImage }).openImage(stored.bytes);
    } catch {
      img = null; // an unreadable photo prints as the placeholder
    }
  }
  ctx.images.set(path, img);
  return img;
}

/** Draws a photo cropped to fill w × h, or a neutral placeholder with initials. */
export function drawPhoto(
  ctx: Ctx,
  path: string | undefined,
  x: number,
  y: number,
  w: number,
  h: number,
  initials: string,
): void {
  const doc = ctx.w.doc;
  const img = photoOf(ctx, path);
  doc.save();
  if (img) {
    doc.rect(x, y, w, h).clip();
    doc.image(img as unknown as Buffer, x, y, { cover: [w, h], align: 'center', valign: 'center' });
  } else {
    doc.rect(x, y, w, h).fill(COLORS.accentSoft);
    doc
      .font('sans-b')
      .fontSize(Math.min(w, h) * 0.32)
      .fillColor(COLORS.accent);
    doc.text(initials, x, y + h / 2 - Math.min(w, h) * 0.2, { width: w, align: 'center', lineBreak: false });
  }
  doc.restore();
  doc.save().rect(x, y, w, h).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
}

export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}

/** Starts a top-level section on a new page: running header, anchor, bookmark, title. */
export function startSection(ctx: Ctx, title: string, dest: string, intro?: Span[] | 'no-title'): void {
  const { w } = ctx;
  w.section = title;
  w.newPage();
  w.anchor(dest);
  ctx.outline = w.doc.outline.addItem(title);
  // Meeting cards keep the whole page for the card; the running header names the section.
  if (intro === 'no-title') return;
  w.paragraph([{ text: title, style: { size: TYPE.h1.size, color: COLORS.accent, serif: true, bold: true } }], {
    leading: TYPE.h1.leading,
    after: 4,
  });
  w.y += 2;
  w.rule(COLORS.accent, 1.2, w.left, w.left + 48);
  w.y += 12;
  if (intro) w.paragraph(intro, { after: 10 });
}

export function bookmark(ctx: Ctx, title: string): void {
  if (ctx.outline) ctx.outline.addItem(title);
  else ctx.w.doc.outline.addItem(title);
}

export function kicker(text: string, color: string = COLORS.accent): Span {
  return { text: text.toUpperCase(), style: { size: TYPE.kicker.size, color, bold: true, tracking: 0.5 } };
}

export function langOfOfficial(country: string | undefined): CjkLang {
  return langForCountry(country);
}

export function h3(w: PageWriter, text: string | Span[], keep = 30): void {
  const spans =
    typeof text === 'string' ? [{ text, style: { size: TYPE.h3.size, bold: true, color: COLORS.accent } }] : text;
  w.space(8);
  w.ensure(w.measure(spans, TYPE.h3.leading) + keep);
  w.paragraph(spans, { leading: TYPE.h3.leading, after: 3 });
}

/** Highlights of an item's body, for drawMarkdown. */
export function highlightsOf(ctx: Ctx, kind: string, id: string): Highlight[] | undefined {
  const list = ctx.c.annotations?.get(itemKey(kind, id));
  if (!list) return undefined;
  return list
    .filter((a) => a.status === 'anchored' && a.start !== null && a.end !== null && a.end > a.start)
    .map((a) => ({ start: a.start!, end: a.end!, color: a.color ?? 'yellow', marker: a.n }));
}

export function body(ctx: Ctx, kind: string, id: string, source: string, lang: CjkLang, title?: string): void {
  if (!source.trim()) return;
  drawMarkdown(ctx.w, source, { resolve: resolver(ctx.c), lang, highlights: highlightsOf(ctx, kind, id), title });
}

/** The reader's notes on an item, after its text: numbered, with the passage quoted. */
export function readerNotes(ctx: Ctx, kind: string, id: string, lang: CjkLang): void {
  const list = ctx.c.annotations?.get(itemKey(kind, id));
  if (!list?.length) return;
  const { w } = ctx;
  w.space(6);
  const label: Style = { size: TYPE.small.size, color: COLORS.accent, bold: true, tracking: 0.6 };
  w.ensure(40);
  w.paragraph([{ text: 'YOUR NOTES', style: label }], { after: 2 });
  for (const a of list) drawAnnotation(w, a, lang);
  w.space(6);
}

export function drawAnnotation(w: PageWriter, a: AnnotationRow, lang: CjkLang): void {
  const small: Style = { size: TYPE.small.size + 0.5, color: COLORS.ink, lang };
  const spans: Span[] = [{ text: `[${a.n}] `, style: { ...small, bold: true, color: COLORS.accent } }];
  if (a.quote) {
    const quote = a.quote.length > 300 ? `${a.quote.slice(0, 297)}…` : a.quote;
    spans.push({ text: `“${quote}”`, style: { ...small, italic: true, highlight: HIGHLIGHTS[a.color ?? 'yellow'] } });
    if (a.status === 'orphaned')
      spans.push({ text: ' (this passage is no longer in the text)', style: { ...small, color: COLORS.muted } });
    if (a.note.trim()) spans.push({ text: ' — ', style: small });
  }
  if (a.note.trim()) spans.push({ text: a.note.trim(), style: small });
  w.paragraph(spans, { leading: 1.4, after: 3, x: 0 });
}

export function participantName(c: BriefContent, id: string): string {
  const o = c.allOfficials.get(id);
  return o ? o.data.name : id;
}

export { itemKey };
