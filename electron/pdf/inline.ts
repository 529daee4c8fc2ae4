// Inline layout: styled spans → lines of positioned runs. Our own line breaker (not
// pdfkit's) so mixed Latin/CJK lines, widows and keep-with-next can be measured
// before anything is drawn. Latin breaks at spaces and after hyphens between letters;
// Chinese and Japanese may break between characters except before closing punctuation;
// Korean breaks at spaces, like Latin.
import { isCjk, isHangul, type CjkLang, type FontKey, type FontSet, type LatinFace } from './fonts';

export interface Style {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  serif?: boolean;
  /** Language for ideographs that could be Japanese or Chinese. */
  lang?: CjkLang;
  link?: string;
  goTo?: string;
  highlight?: string;
  underline?: boolean;
  /** Tracking in points (small capitals labels). */
  tracking?: number;
  /** Prints the page number of this named destination (known only at the end). */
  pageRef?: string;
  pageRefAlign?: 'left' | 'right';
}

export interface Span {
  text: string;
  style: Style;
}

export interface Run {
  text: string;
  key: FontKey;
  fauxBold: boolean;
  style: Style;
  x: number;
  width: number;
}

export interface Line {
  runs: Run[];
  width: number;
  /** Largest font size on the line. */
  size: number;
  height: number;
}

interface Token {
  text: string;
  key: FontKey;
  fauxBold: boolean;
  style: Style;
  width: number;
  /** Width of the trailing white space, dropped at the end of a line. */
  trailing: number;
  breakBefore: boolean;
  hardBreak?: boolean;
}

const NO_BREAK_BEFORE = new Set([
  ...'、。，．・：；？！）」』】〕〉》ー々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.!?:;)]}%',
]);
const NO_BREAK_AFTER = new Set([...'（「『【〔〈《([{']);

function latinFace(style: Style): LatinFace {
  if (style.serif && !style.italic) return style.bold ? 'serif-b' : 'serif';
  if (style.bold) return style.italic ? 'sans-bi' : 'sans-b';
  return style.italic ? 'sans-i' : 'sans';
}

function tokenize(fonts: FontSet, spans: Span[]): Token[] {
  const tokens: Token[] = [];
  let prevEndsBreakable = true;
  let prevLast = '';
  let before = ' ';
  for (const span of spans) {
    // Quotes are curled knowing the character before the span ("Watanabe" + "'s").
    const parts = smartQuotes(before + span.text)
      .slice(1)
      .split('\n');
    before = span.text.slice(-1) || before;
    parts.forEach((part, partIndex) => {
      if (partIndex > 0) {
        tokens.push({
          text: '',
          key: 'sans',
          fauxBold: false,
          style: span.style,
          width: 0,
          trailing: 0,
          breakBefore: true,
          hardBreak: true,
        });
        prevEndsBreakable = true;
      }
      if (span.style.pageRef) {
        const width = fonts.width('sans', '000', span.style.size);
        tokens.push({
          text: ' ',
          key: 'sans',
          fauxBold: false,
          style: span.style,
          width,
          trailing: 0,
          breakBefore: false,
        });
        prevEndsBreakable = false;
        return;
      }
      for (const run of fonts.runs(part, latinFace(span.style), span.style.lang ?? 'jp')) {
        const cjkRun = run.key.startsWith('cjk-');
        const pieces = cjkRun ? splitCjk(run.text) : splitLatin(run.text);
        for (const piece of pieces) {
          const first = piece.charAt(0);
          const firstCp = piece.codePointAt(0) ?? 0;
          const ideographic = isCjk(firstCp) && !isHangul(firstCp);
          const lastIdeographic =
            prevLast !== '' && isCjk(prevLast.codePointAt(0)!) && !isHangul(prevLast.codePointAt(0)!);
          let breakBefore = prevEndsBreakable || ideographic || lastIdeographic;
          if (NO_BREAK_BEFORE.has(first) || NO_BREAK_AFTER.has(prevLast)) breakBefore = false;
          const trimmed = piece.replace(/\s+$/, '');
          const size = span.style.size;
          const track = span.style.tracking ?? 0;
          const spaces = piece.length - trimmed.length;
          const trailing = spaces === 0 ? 0 : fonts.width(run.key, piece.slice(trimmed.length), size) + track * spaces;
          const full = fonts.width(run.key, trimmed, size) + track * [...trimmed].length + trailing;
          tokens.push({
            text: piece,
            key: run.key,
            fauxBold: cjkRun && span.style.bold === true,
            style: span.style,
            width: full,
            trailing,
            breakBefore: tokens.length === 0 ? true : breakBefore,
          });
          prevEndsBreakable = /[\s]$/.test(piece) || /\p{L}-$/u.test(piece);
          prevLast = [...piece].pop() ?? '';
        }
      }
    });
  }
  return tokens;
}

/** Typographic quotes and apostrophes (one character for one: text offsets do not move). */
export function smartQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  return text
    .replace(/(^|[\s([{\u2014\u2013-])"/g, '$1\u201c')
    .replace(/"/g, '\u201d')
    .replace(/(^|[\s([{\u2014\u2013-])'/g, '$1\u2018')
    .replace(/'/g, '\u2019');
}

function splitLatin(text: string): string[] {
  const out: string[] = [];
  for (const word of text.match(/\S+\s*|\s+/g) ?? []) {
    if (word.length > 12 && /\p{L}-\p{L}/u.test(word)) out.push(...word.split(/(?<=\p{L}-)(?=\p{L})/u));
    else out.push(word);
  }
  return out;
}

function splitCjk(text: string): string[] {
  // Each ideograph or kana is its own token; Hangul words and embedded spaces stay whole.
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const breakable = isCjk(cp) && !isHangul(cp);
    if (ch === ' ') {
      cur += ch;
      out.push(cur);
      cur = '';
    } else if (breakable) {
      if (cur) out.push(cur);
      out.push(ch);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  // Glue a space that follows an ideograph onto it.
  const merged: string[] = [];
  for (const p of out) {
    if (p === ' ' && merged.length > 0) merged[merged.length - 1] += p;
    else merged.push(p);
  }
  return merged;
}

/** Lays spans out in lines of at most `width` points; `leading` is line height ÷ font size. */
export function layoutInline(fonts: FontSet, spans: Span[], width: number, leading: number): Line[] {
  const tokens = tokenize(fonts, spans);
  const lines: Line[] = [];
  let start = 0;
  while (start < tokens.length) {
    let x = 0;
    let lastBreak = -1;
    let end = start;
    let hard = false;
    for (; end < tokens.length; end++) {
      const t = tokens[end]!;
      if (t.hardBreak && end > start) {
        hard = true;
        break;
      }
      if (t.hardBreak) continue;
      if (end > start && t.breakBefore) lastBreak = end;
      if (x + t.width - t.trailing > width && end > start) {
        if (lastBreak > start) end = lastBreak;
        break;
      }
      x += t.width;
    }
    // A single token wider than the line (a long URL): let it overflow rather than loop.
    if (end === start) end = start + 1;
    lines.push(makeLine(tokens.slice(start, end), leading));
    start = hard ? end + 1 : end;
    if (hard && start >= tokens.length) lines.push(makeLine([], leading, spans[spans.length - 1]?.style.size));
  }
  if (lines.length === 0) lines.push(makeLine([], leading, spans[0]?.style.size));
  return lines;
}

function makeLine(tokens: Token[], leading: number, fallbackSize = 9.5): Line {
  const runs: Run[] = [];
  let x = 0;
  let size = 0;
  // Drop white space at the end of the line.
  const last = tokens.length - 1;
  tokens.forEach((t, i) => {
    if (t.hardBreak) return;
    let text = t.text;
    let w = t.width;
    if (i === last && t.trailing > 0) {
      text = text.replace(/\s+$/, '');
      w -= t.trailing;
    }
    size = Math.max(size, t.style.size);
    const prev = runs[runs.length - 1];
    if (prev && prev.key === t.key && prev.style === t.style && prev.fauxBold === t.fauxBold) {
      prev.text += text;
      prev.width += w;
    } else runs.push({ text, key: t.key, fauxBold: t.fauxBold, style: t.style, x, width: w });
    x += w;
  });
  if (size === 0) size = fallbackSize;
  return { runs, width: x, size, height: size * leading };
}

/** Natural width of spans on one line (for table column sizing). */
export function naturalWidth(fonts: FontSet, spans: Span[]): { max: number; min: number } {
  const tokens = tokenize(fonts, spans);
  let max = 0;
  let line = 0;
  let min = 0;
  let word = 0;
  for (const t of tokens) {
    if (t.hardBreak) {
      max = Math.max(max, line);
      line = 0;
      continue;
    }
    line += t.width;
    word = t.breakBefore ? t.width - t.trailing : word + t.width - t.trailing;
    min = Math.max(min, word);
  }
  return { max: Math.max(max, line), min };
}
