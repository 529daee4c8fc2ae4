// Glyphs and widths for the text of a brief. pdfkit shapes every new word with fontkit
// (~70 µs a word in Noto Sans, mostly fixed cost of the OpenType machinery), which
// made the vocabulary of a brief cost a second before anything was drawn. Latin,
// Greek, Cyrillic, Han, kana and Hangul syllables need no shaping beyond kerning, so
// for them glyphs come straight from the font's character map and kerning from its
// GPOS pair table (kerning.ts). Text that needs real shaping still goes through
// fontkit: combining marks, joining or Indic scripts, emoji and other astral
// characters, Hangul jamo. The f-ligatures (ff, fi, fl, ffi, ffl) the Noto faces set
// are looked up once per font by shaping them with fontkit.
import type { PdfFont } from './fonts';
import { pairKerning, type Gpos } from './kerning';

export interface Encoded {
  /** Four hex digits per glyph: the glyph's id in the embedded subset. */
  glyphs: string[];
  /** Kerning after each glyph, in thousandths of the font size (PDF `TJ` units, sign as fontkit's). */
  kerns: number[];
  /** Width at 1 pt. */
  width: number;
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface FontkitFont {
  glyphForCodePoint(cp: number): FontkitGlyph;
  layout(text: string): { glyphs: FontkitGlyph[] };
  GPOS?: Gpos;
}
/** pdfkit's EmbeddedFont internals that its own `encode` fills in (not in @types/pdfkit). */
interface EmbeddedFont extends PdfFont {
  font: FontkitFont & PdfFont['font'];
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
}

const NEEDS_SHAPING = new RegExp(
  '[\\p{M}\\u200c\\u200d\\u1100-\\u11ff\\ua960-\\ua97f\\ud7b0-\\ud7ff\\u{10000}-\\u{10ffff}' +
    ['Arabic', 'Hebrew', 'Syriac', 'Thaana', 'Nko', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil']
      .concat(['Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan', 'Myanmar', 'Khmer', 'Mongolian'])
      .map((script) => `\\p{Script=${script}}`)
      .join('') +
    ']',
  'u',
);

interface Glyph {
  /** Id in the embedded subset, as four hex digits. */
  hex: string;
  /** Advance in thousandths of the font size. */
  advance: number;
  /** Id in the font. */
  id: number;
}

/** Longest first: "ffi" must win over "ff". */
const LIGATURES = ['ffi', 'ffl', 'ff', 'fi', 'fl'];

export interface Shaper {
  encode(text: string): Encoded;
}

export function createShaper(pdfFont: PdfFont): Shaper {
  const font = pdfFont as EmbeddedFont;
  // Standard PDF fonts (the Helvetica baseline) have no fontkit font: pdfkit's AFM path is fast.
  if (!font.font || !font.subset) return { encode: (text) => viaPdfkit(pdfFont, text) };
  const kerning = pairKerning(font.font.GPOS);
  const include = (glyph: FontkitGlyph, codePoints: number[]): Glyph => {
    const gid = font.subset.includeGlyph(glyph.id);
    const advance = glyph.advanceWidth * font.scale;
    font.widths[gid] ??= advance;
    font.unicode[gid] ??= codePoints;
    return { hex: gid.toString(16).padStart(4, '0'), advance, id: glyph.id };
  };
  const glyphs = new Map<number, Glyph>();
  const glyphOf = (cp: number): Glyph => {
    let g = glyphs.get(cp);
    if (!g) glyphs.set(cp, (g = include(font.font.glyphForCodePoint(cp), [cp])));
    return g;
  };
  // Ligatures: shaped once each, when an "f" first appears; only those the font really forms are kept.
  let ligatures: Map<string, Glyph> | null = null;
  const ligaturesOf = (): Map<string, Glyph> => {
    if (ligatures) return ligatures;
    ligatures = new Map();
    for (const seq of LIGATURES) {
      const run = font.font.layout(seq);
      if (run.glyphs.length === 1)
        ligatures.set(
          seq,
          include(
            run.glyphs[0]!,
            [...seq].map((c) => c.codePointAt(0)!),
          ),
        );
    }
    return ligatures;
  };
  const kernCache = new Map<number, number>();
  const kernOf = (a: Glyph, b: Glyph): number => {
    const key = a.id * 0x10000 + b.id;
    let k = kernCache.get(key);
    if (k === undefined) kernCache.set(key, (k = kerning(a.id, b.id) * font.scale));
    return k;
  };
  return {
    encode(text) {
      if (NEEDS_SHAPING.test(text)) return viaPdfkit(pdfFont, text);
      const out: Encoded = { glyphs: [], kerns: [], width: 0 };
      const chars = [...text];
      let prev: Glyph | null = null;
      let prevSpace = true;
      for (let i = 0; i < chars.length;) {
        let g: Glyph | undefined;
        let used = 1;
        if (chars[i] === 'f' && (chars[i + 1] === 'f' || chars[i + 1] === 'i' || chars[i + 1] === 'l')) {
          for (const len of [3, 2]) {
            g = ligaturesOf().get(chars.slice(i, i + len).join(''));
            if (g) {
              used = len;
              break;
            }
          }
        }
        g ??= glyphOf(chars[i]!.codePointAt(0)!);
        const space = chars[i] === ' ';
        if (prev && !space && !prevSpace) {
          const k = kernOf(prev, g);
          out.kerns[out.kerns.length - 1] = k;
          out.width += k;
        }
        out.glyphs.push(g.hex);
        out.kerns.push(0);
        out.width += g.advance;
        prev = g;
        prevSpace = space;
        i += used;
      }
      out.width /= 1000;
      return out;
    },
  };
}

function viaPdfkit(font: PdfFont, text: string): Encoded {
  const [glyphs, positions] = font.encode(text) as [string[], { xAdvance: number; advanceWidth: number }[]];
  return {
    glyphs,
    kerns: positions.map((p) => p.xAdvance - p.advanceWidth),
    width: font.widthOfString(text, 1),
  };
}
