// Text drawn straight into the page's content stream. pdfkit's `doc.text()` measures
// every fragment again, re-parses its options and wraps it in transforms each time;
// our lines are already laid out (inline.ts), so a run needs only its glyph ids and
// the font's kerning, which is what this writes. It was a quarter of export time.
import type { PdfFont } from './fonts';
import type { Encoded } from './shaping';

type Doc = PDFKit.PDFDocument & {
  addContent(s: string): PDFKit.PDFDocument;
  page: { height: number; fonts: Record<string, unknown> };
};

export interface GlyphStyle {
  size: number;
  color: string;
  /** Extra space after each character, in points. */
  tracking?: number;
  /** Faux bold for faces without a bold weight: fill and stroke the outlines. */
  fauxBold?: boolean;
  underline?: boolean;
}

/** "#rrggbb" → "r g b" for the `rg`/`RG` operators. */
export function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => (c / 255).toFixed(3)).join(' ');
}

const num = (n: number) => String(Math.round(n * 1000) / 1000);

/** Draws encoded text in `font` with its baseline at (x, baseline) in page coordinates (y down). */
export function drawGlyphs(
  pdf: PDFKit.PDFDocument,
  font: PdfFont,
  { glyphs, kerns }: Encoded,
  x: number,
  baseline: number,
  width: number,
  style: GlyphStyle,
): void {
  const doc = pdf as Doc;
  if (glyphs.length === 0) return;
  doc.page.fonts[font.id] ??= font.ref();
  // One TJ array: glyph runs separated by the kerning adjustments fontkit computed.
  let tj = '';
  let hex = '';
  for (let i = 0; i < glyphs.length; i++) {
    hex += glyphs[i];
    const kern = kerns[i]!;
    if (kern !== 0 && i < glyphs.length - 1) {
      tj += `<${hex}> ${num(-kern)} `;
      hex = '';
    }
  }
  if (hex) tj += `<${hex}>`;
  const color = rgb(style.color);
  const h = doc.page.height;
  let ops = `q 1 0 0 -1 0 ${num(h)} cm ${color} rg`;
  if (style.fauxBold) ops += ` ${color} RG ${num(style.size * 0.04)} w`;
  ops += ` BT 1 0 0 1 ${num(x)} ${num(h - baseline)} Tm /${font.id} ${num(style.size)} Tf`;
  if (style.fauxBold) ops += ' 2 Tr';
  if (style.tracking) ops += ` ${num(style.tracking)} Tc`;
  ops += ` [${tj}] TJ ET`;
  if (style.underline) {
    const y = h - baseline - style.size * 0.12;
    ops += ` ${color} RG 0.5 w ${num(x)} ${num(y)} m ${num(x + width)} ${num(y)} l S`;
  }
  doc.addContent(`${ops} Q`);
}
