// The bundled fonts and script detection. Latin text is set in Noto Sans / Noto Serif
// (small, fast); only runs of Chinese, Japanese or Korean go to the one pan-CJK
// collection, so a brief pays the CJK font's layout cost only where it is needed.
// pdfkit embeds every font as a subset of the glyphs used.
import fs from 'node:fs';
import path from 'node:path';
import { assetsDir } from '../platform/assets';
import { createShaper, type Encoded, type Shaper } from './shaping';

export type CjkLang = 'jp' | 'kr' | 'sc' | 'tc';
export type LatinFace = 'sans' | 'sans-b' | 'sans-i' | 'sans-bi' | 'serif' | 'serif-b';
export type FontKey = LatinFace | `cjk-${CjkLang}`;

const LATIN_FILES: Record<LatinFace, string> = {
  sans: 'NotoSans-Regular.ttf',
  'sans-b': 'NotoSans-Bold.ttf',
  'sans-i': 'NotoSans-Italic.ttf',
  'sans-bi': 'NotoSans-BoldItalic.ttf',
  serif: 'NotoSerif-Regular.ttf',
  'serif-b': 'NotoSerif-Bold.ttf',
};
const CJK_FILE = 'NotoSansCJK-Regular.ttc';
const CJK_FACES: Record<CjkLang, string> = {
  jp: 'NotoSansCJKjp-Regular',
  kr: 'NotoSansCJKkr-Regular',
  sc: 'NotoSansCJKsc-Regular',
  tc: 'NotoSansCJKtc-Regular',
};

export function fontsDir(): string {
  return path.join(assetsDir(), 'fonts');
}

// Font files are read once per process: a second export does not re-read 20 MB.
const fileCache = new Map<string, Buffer>();
function fontBytes(name: string): Buffer {
  let bytes = fileCache.get(name);
  if (!bytes) {
    const file = path.join(fontsDir(), name);
    if (!fs.existsSync(file)) throw new Error(`The bundled font ${name} is missing from ${fontsDir()}.`);
    bytes = fs.readFileSync(file);
    fileCache.set(name, bytes);
  }
  return bytes;
}

/** The slice of pdfkit's font object we use (not in @types/pdfkit). */
export interface PdfFont {
  id: string;
  ascender: number;
  descender: number;
  dictionary: { toString(): string };
  widthOfString(text: string, size: number): number;
  encode(text: string): [string[], unknown[]];
  ref(): unknown;
  font?: { hasGlyphForCodePoint(cp: number): boolean };
}

export interface FontSet {
  /** Measure `text` set in `key` at `size` points. */
  width(key: FontKey, text: string, size: number): number;
  /** Glyphs of `text` in `key`, added to the embedded subset. */
  encode(key: FontKey, text: string): Encoded;
  get(key: FontKey): PdfFont;
  /** Split text into runs of Latin and CJK faces. */
  runs(text: string, latin: LatinFace, lang: CjkLang): { text: string; key: FontKey }[];
}

type DocWithFont = PDFKit.PDFDocument & { _font: PdfFont };

const HELVETICA: Record<LatinFace, string> = {
  sans: 'Helvetica',
  'sans-b': 'Helvetica-Bold',
  'sans-i': 'Helvetica-Oblique',
  'sans-bi': 'Helvetica-BoldOblique',
  serif: 'Times-Roman',
  'serif-b': 'Times-Bold',
};

/** Registers the bundled fonts on `doc`. With `helvetica` (the benchmark's baseline) only standard PDF fonts are used. */
export function registerFonts(doc: PDFKit.PDFDocument, options: { helvetica?: boolean } = {}): FontSet {
  const helvetica = options.helvetica === true;
  for (const [key, file] of Object.entries(LATIN_FILES)) {
    if (helvetica) {
      doc.registerFont(key, HELVETICA[key as LatinFace]);
    } else doc.registerFont(key, fontBytes(file));
  }
  if (!helvetica)
    for (const [lang, face] of Object.entries(CJK_FACES)) doc.registerFont(`cjk-${lang}`, fontBytes(CJK_FILE), face);
  const loaded = new Map<FontKey, PdfFont>();
  const get = (key: FontKey): PdfFont => {
    let f = loaded.get(key);
    if (!f) {
      const current = (doc as DocWithFont)._font as PdfFont | undefined;
      doc.font(key);
      f = (doc as DocWithFont)._font;
      loaded.set(key, f);
      if (current) (doc as DocWithFont)._font = current;
    }
    return f;
  };
  const latinCovers = new Map<number, boolean>();
  const coveredByLatin = (cp: number): boolean => {
    if (cp < 0x250 || helvetica) return true;
    let ok = latinCovers.get(cp);
    if (ok === undefined) {
      const glyphs = get('sans').font;
      ok = glyphs ? glyphs.hasGlyphForCodePoint(cp) : true;
      latinCovers.set(cp, ok);
    }
    return ok;
  };
  const shapers = new Map<FontKey, Shaper>();
  const encode = (key: FontKey, text: string): Encoded => {
    let shaper = shapers.get(key);
    if (!shaper) shapers.set(key, (shaper = createShaper(get(key))));
    return shaper.encode(text);
  };
  // A brief measures each word several times (line breaking, keep-with-next, table
  // columns): remember widths at 1 pt.
  const widths = new Map<FontKey, Map<string, number>>();
  const width = (key: FontKey, text: string, size: number): number => {
    let known = widths.get(key);
    if (!known) widths.set(key, (known = new Map()));
    let w = known.get(text);
    if (w === undefined) {
      w = encode(key, text).width;
      known.set(text, w);
    }
    return w * size;
  };
  return {
    width,
    encode,
    get,
    runs(text, latin, lang) {
      // The Helvetica baseline sets everything in one face (CJK prints as empty boxes there).
      if (helvetica) return [{ text, key: latin }];
      const out: { text: string; key: FontKey }[] = [];
      let cur = '';
      let curCjk: boolean | null = null;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        let cjk: boolean | null;
        if (isNeutral(cp)) cjk = curCjk;
        else cjk = isCjk(cp) || !coveredByLatin(cp);
        if (cjk !== curCjk && cur) {
          out.push({ text: cur, key: curCjk ? `cjk-${cjkLangOf(cur, lang)}` : latin });
          cur = '';
        }
        curCjk = cjk;
        cur += ch;
      }
      if (cur) out.push({ text: cur, key: curCjk ? `cjk-${cjkLangOf(cur, lang)}` : latin });
      return out;
    },
  };
}

/** Spaces and ASCII punctuation stay in the run they follow, so "遠藤 剛" is one run. */
function isNeutral(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0 || (cp >= 0x21 && cp <= 0x2f && cp !== 0x2d) || cp === 0x3a || cp === 0x3b;
}

export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x11ff) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
    (cp >= 0x2ff0 && cp <= 0x31ff) || // CJK punctuation, kana, bopomofo, Hangul compatibility jamo
    (cp >= 0x3200 && cp <= 0x4dbf) || // enclosed, compatibility, Ext. A
    (cp >= 0x4e00 && cp <= 0x9fff) || // unified ideographs
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7ff) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

export function isHangul(cp: number): boolean {
  return (cp >= 0xac00 && cp <= 0xd7ff) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f);
}

function isKana(cp: number): boolean {
  return cp >= 0x3040 && cp <= 0x30ff;
}

/** Which CJK face: Hangul → Korean, kana → Japanese, ideographs alone → the context's language. */
export function cjkLangOf(text: string, fallback: CjkLang): CjkLang {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (isHangul(cp)) return 'kr';
    if (isKana(cp)) return 'jp';
  }
  return fallback;
}

/** The CJK face a person's name should use, from their country. */
export function langForCountry(country: string | undefined, fallback: CjkLang = 'jp'): CjkLang {
  const c = (country ?? '').toLowerCase();
  if (c.includes('korea')) return 'kr';
  if (c.includes('japan')) return 'jp';
  if (c.includes('taiwan') || c.includes('hong kong') || c.includes('macau')) return 'tc';
  if (c.includes('china') || c.includes('singapore')) return 'sc';
  return fallback;
}
