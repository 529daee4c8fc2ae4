// The page writer: a cursor over the current page, page breaks with the running header,
// footer and watermark, and the primitives every section draws with (lines of text,
// keep-together blocks, rules, images). Pages are flushed as soon as the next starts.
import { createDeferred, type Deferred } from './deferred';
import type { FontSet } from './fonts';
import { drawGlyphs } from './glyphs';
import { layoutInline, type Line, type Span, type Style } from './inline';
import { COLORS, TYPE, type PageGeometry } from './theme';

export interface Furniture {
  classification: string;
  footerLeft: string;
  watermark: string | null;
}

/** What pdfkit keeps of a page: its dictionary's object, with every link annotation under it. */
interface PdfPage {
  dictionary: { data: Record<string, unknown> };
}

type Doc = PDFKit.PDFDocument & { addContent(s: string): PDFKit.PDFDocument };

export class PageWriter {
  readonly doc: Doc;
  readonly fonts: FontSet;
  readonly deferred: Deferred;
  readonly geo: PageGeometry;
  private readonly furniture: Furniture;
  /** Current vertical position from the top of the page. */
  y = 0;
  pageNumber = 0;
  /** Shown in the running header of the pages that follow. */
  section = '';
  /** Extra left indent (lists, quotes). */
  indent = 0;
  /** Left bars to draw beside each line (block quotes), as x offsets. */
  private bars: number[] = [];
  /** A list bullet or number drawn left of the next line. */
  marker: Line | null = null;
  onPage: ((page: number) => void) | null = null;
  /** Title of the item that runs on: repeated at the top of its continuation pages. */
  continued: string | null = null;

  constructor(doc: PDFKit.PDFDocument, fonts: FontSet, geo: PageGeometry, furniture: Furniture) {
    this.doc = doc as Doc;
    this.fonts = fonts;
    this.geo = geo;
    this.furniture = furniture;
    this.deferred = createDeferred(doc, fonts);
  }

  get left(): number {
    return this.geo.left + this.indent;
  }
  get width(): number {
    return this.geo.right - this.left;
  }
  get remaining(): number {
    return this.geo.bottom - this.y;
  }

  /** A new page; `bare` pages (the cover) get the classification marking but no running header or page number. */
  newPage(options: { bare?: boolean } = {}): void {
    const previous = (this.doc as unknown as { page?: PdfPage }).page;
    this.doc.addPage({ size: this.geo.size, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
    // pdfkit has now written the previous page (no bufferPages) yet keeps its dictionary in
    // the page tree, and through it every link annotation of the page: ~20 KB a page that
    // would make memory grow with the brief. The tree and the links to the page need only
    // its object number, which the reference keeps.
    if (previous) previous.dictionary.data = {};
    this.pageNumber++;
    this.y = this.geo.top;
    const bars = this.bars;
    const marker = this.marker;
    this.bars = [];
    this.marker = null;
    if (this.furniture.watermark) this.drawWatermark(this.furniture.watermark);
    this.drawFurniture(options.bare === true);
    this.y = this.geo.top;
    if (this.continued && !options.bare) {
      const line = layoutInline(
        this.fonts,
        [
          {
            text: `${this.continued} (continued)`,
            style: { size: TYPE.small.size, color: COLORS.faint, italic: true },
          },
        ],
        this.geo.right - this.geo.left,
        1.4,
      )[0]!;
      this.drawLine(line, this.geo.left);
      this.y += 6;
    }
    this.bars = bars;
    this.marker = marker;
    this.onPage?.(this.pageNumber);
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.pageNumber === 0 || this.y + height > this.geo.bottom + 0.01) this.newPage();
  }

  space(points: number): void {
    if (this.y > this.geo.top + 0.5) this.y = Math.min(this.y + points, this.geo.bottom);
  }

  layout(spans: Span[], leading: number = TYPE.body.leading, width = this.width): Line[] {
    return layoutInline(this.fonts, spans, width, leading);
  }

  /** Draws one laid-out line with its top at the cursor. */
  drawLine(line: Line, x = this.left): void {
    const baseline = this.y + (line.height - line.size) / 2 + line.size * 0.8;
    for (const bar of this.bars) {
      this.doc.save().rect(bar, this.y, 2, line.height).fill(COLORS.rule).restore();
    }
    if (this.marker) {
      const m = this.marker;
      this.marker = null;
      const mBaseline = this.y + (line.height - line.size) / 2 + line.size * 0.8;
      for (const run of m.runs) this.drawRun(run, x - m.width - 5, mBaseline, line.height);
    }
    for (const run of line.runs) this.drawRun(run, x, baseline, line.height);
    this.y += line.height;
  }

  private drawRun(run: Line['runs'][number], x: number, baseline: number, lineHeight: number): void {
    const { style } = run;
    const doc = this.doc;
    const rx = x + run.x;
    if (style.highlight) {
      doc
        .save()
        .rect(rx, baseline - style.size * 0.95, run.width, style.size * 1.25)
        .fill(style.highlight)
        .restore();
    }
    if (style.pageRef) {
      const dest = style.pageRef;
      const key = style.bold ? 'sans-b' : 'sans';
      this.deferred.place(
        rx,
        baseline,
        run.width,
        { key, size: style.size, color: style.color, align: style.pageRefAlign ?? 'left' },
        (v) => String(v(dest) ?? ''),
      );
      return;
    }
    if (!run.text) return;
    const encoded = this.fonts.encode(run.key, run.text);
    drawGlyphs(doc, this.fonts.get(run.key), encoded, rx, baseline, run.width, {
      size: style.size,
      color: style.color,
      tracking: style.tracking,
      fauxBold: run.fauxBold,
      underline: style.underline,
    });
    const top = baseline - style.size * 0.95;
    if (style.link) doc.link(rx, top, run.width, lineHeight, style.link);
    if (style.goTo) doc.goTo(rx, top, run.width, lineHeight, style.goTo);
  }

  /**
   * A paragraph that may split across pages, leaving at least two lines on each side
   * (no widows or orphans). `keepLines` lines must fit before it starts.
   */
  paragraph(spans: Span[], options: { leading?: number; after?: number; x?: number } = {}): void {
    const lines = this.layout(spans, options.leading ?? TYPE.body.leading, this.width - (options.x ?? 0));
    this.lines(lines, options.x);
    this.space(options.after ?? 0);
  }

  lines(lines: Line[], dx = 0): void {
    let i = 0;
    while (i < lines.length) {
      if (this.pageNumber === 0) this.newPage();
      let fit = 0;
      let h = 0;
      while (i + fit < lines.length && this.y + h + lines[i + fit]!.height <= this.geo.bottom + 0.01) {
        h += lines[i + fit]!.height;
        fit++;
      }
      const rest = lines.length - i - fit;
      if (rest > 0) {
        if (rest === 1 && fit >= 3) fit--; // no widow: carry two lines over
        if (fit < 2 && lines.length - i >= 2 && this.y > this.geo.top + 1) fit = 0; // no orphan
        if (fit === 0 && this.y <= this.geo.top + 1) fit = 1; // a line taller than a page
      }
      for (let k = 0; k < fit; k++) this.drawLine(lines[i + k]!, this.left + dx);
      i += fit;
      if (i < lines.length) this.newPage();
    }
  }

  /** Height of `spans` laid out at `width`. */
  measure(spans: Span[], leading: number = TYPE.body.leading, width = this.width): number {
    return this.layout(spans, leading, width).reduce((s, l) => s + l.height, 0);
  }

  /** Height of the first `n` lines of a paragraph: what a heading keeps with it. */
  firstLines(spans: Span[], n = 2, leading: number = TYPE.body.leading): number {
    return this.layout(spans, leading)
      .slice(0, n)
      .reduce((s, l) => s + l.height, 0);
  }

  rule(color: string = COLORS.rule, weight = 0.5, x1 = this.left, x2 = this.geo.right): void {
    this.doc.save().moveTo(x1, this.y).lineTo(x2, this.y).lineWidth(weight).strokeColor(color).stroke().restore();
  }

  pushBar(): void {
    this.bars.push(this.left);
    this.indent += 12;
  }
  popBar(): void {
    this.bars.pop();
    this.indent -= 12;
  }

  /** Marks the current position as a link target and returns its name. */
  anchor(name: string): void {
    this.doc.addNamedDestination(name, 'XYZ', this.geo.left, this.y, null);
    this.deferred.set(name, this.pageNumber);
  }

  private drawFurniture(bare: boolean): void {
    const doc = this.doc;
    const g = this.geo;
    const marking = this.furniture.classification.toUpperCase();
    const mStyle: Style = { size: 7.5, color: COLORS.marking, bold: true, tracking: 0.6 };
    const sStyle: Style = { size: 7.5, color: COLORS.muted, tracking: 0.3 };
    const saveY = this.y;
    if (bare) {
      this.centered(marking, mStyle, 34);
      this.centered(marking, mStyle, g.height - 40);
      this.y = saveY;
      return;
    }
    // Header: section on the left, the classification marking on the right, a hairline below.
    const markingLine = layoutInline(this.fonts, [{ text: marking, style: mStyle }], g.right - g.left, 1.2)[0]!;
    const sectionWidth = g.right - g.left - markingLine.width - 24;
    const sectionLine = layoutInline(this.fonts, [{ text: this.section.toUpperCase(), style: sStyle }], 1e6, 1.2)[0]!;
    this.y = 40;
    if (sectionLine.width <= sectionWidth) this.drawLine(sectionLine, g.left);
    this.y = 40;
    this.drawLine(markingLine, g.right - markingLine.width);
    this.y = 56;
    doc.save().moveTo(g.left, 56).lineTo(g.right, 56).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
    // Footer: the brief's title on the left, "Page X of Y" on the right.
    const fy = g.height - 46;
    doc.save().moveTo(g.left, fy).lineTo(g.right, fy).lineWidth(0.5).strokeColor(COLORS.rule).stroke().restore();
    const footStyle: Style = { size: 7.5, color: COLORS.muted };
    const left = layoutInline(this.fonts, [{ text: this.furniture.footerLeft, style: footStyle }], 1e6, 1.2)[0]!;
    this.y = fy + 6;
    const maxLeft = g.right - g.left - 110;
    if (left.width <= maxLeft) this.drawLine(left, g.left);
    const page = this.pageNumber;
    this.deferred.place(
      g.right - 100,
      fy + 6 + (left.height - left.size) / 2 + left.size * 0.8,
      100,
      { key: 'sans', size: 7.5, color: COLORS.muted, align: 'right' },
      (v) => `Page ${page} of ${v('total') ?? page}`,
    );
    this.centered(marking, { ...mStyle, size: 6.5 }, g.height - 24);
    this.y = saveY;
  }

  private centered(text: string, style: Style, top: number): void {
    const line = layoutInline(this.fonts, [{ text, style }], 1e6, 1.2)[0]!;
    this.y = top;
    this.drawLine(line, (this.geo.width - line.width) / 2);
  }

  private drawWatermark(text: string): void {
    const doc = this.doc;
    const g = this.geo;
    const lines = text.split('\n');
    doc.save();
    doc.fillOpacity(0.1);
    doc.rotate(-45, { origin: [g.width / 2, g.height / 2] });
    lines.forEach((t, i) => {
      const size = i === 0 ? 40 : 18;
      const line = layoutInline(
        this.fonts,
        [{ text: t, style: { size, color: COLORS.watermark, bold: i === 0 } }],
        1e6,
        1.2,
      )[0]!;
      this.y = g.height / 2 - 30 + i * 50;
      this.drawLine(line, (g.width - line.width) / 2);
    });
    doc.restore();
  }
}
