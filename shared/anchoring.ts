// Text anchoring in the style of the W3C Web Annotation model (TextQuoteSelector +
// TextPositionSelector), as Hypothesis does it. An anchor is a quote, up to
// CONTEXT_LENGTH characters of prefix and suffix, and the quote's character range
// in the item's plain text (`plainTextOf` in markdown.ts). Pure: no Node, no DOM.
//
// Resolving an anchor against a (possibly edited) text tries, in order:
//   1. exact    — the quote is still at start..end (and its context still fits);
//   2. context  — the quote occurs verbatim elsewhere: the occurrence whose prefix and
//                 suffix fit best wins, ties go to the one nearest the old position;
//   3. fuzzy    — approximate matching (approx-string-match, Myers' bit-parallel
//                 algorithm) accepts a slightly reworded quote above a quality bar;
//   4. nothing  — the caller marks the annotation orphaned (and keeps it).
// Steps 2 and 3 compare with runs of whitespace collapsed, so re-wrapping a Markdown
// paragraph (newline ↔ space) does not cost a highlight its place.
import approxSearch from 'approx-string-match';
import type { TextAnchor } from './model';

/** Characters of prefix and suffix stored with a quote (the model allows up to 64). */
export const CONTEXT_LENGTH = 32;
/** The longest quote a highlight may carry (matches the model's TextAnchor). */
export const MAX_QUOTE_LENGTH = 5000;

export type AnchorMethod = 'exact' | 'context' | 'fuzzy';

export interface AnchorMatch {
  start: number;
  end: number;
  method: AnchorMethod;
  /** 0..1: how well quote and context fit at the new place (1 = unchanged). */
  quality: number;
}

export interface ResolveOptions {
  /** Where the quote is expected in the new text; defaults to the anchor's old start. */
  hint?: number;
  /** Minimum similarity of a fuzzily matched quote to the stored one (0..1). */
  minQuoteSimilarity?: number;
}

/** A fuzzy match must keep at least this share of the quote's characters… */
export const MIN_QUOTE_SIMILARITY = 0.75;
/** …or this much when its prefix and suffix both still fit (average ≥ STRONG_CONTEXT). */
export const MIN_QUOTE_SIMILARITY_WITH_CONTEXT = 0.6;
const STRONG_CONTEXT = 0.8;
/** Quotes shorter than this are not distinctive alone: they need their context to move. */
export const DISTINCTIVE_QUOTE_LENGTH = 12;
const MIN_CONTEXT_FOR_SHORT_QUOTE = 0.5;
/** An exact-position match whose context fits worse than this is double-checked. */
const MIN_CONTEXT_AT_OLD_POSITION = 0.5;
/** Stop collecting verbatim occurrences after this many (a quote like "the"). */
const MAX_OCCURRENCES = 2000;

/** Shrink a selection so it neither starts nor ends with whitespace. */
export function trimSelection(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

/**
 * The anchor for the selection start..end of `text`. Throws a RangeError naming the
 * problem when the selection is empty, out of bounds, only whitespace or too long.
 */
export function buildAnchor(text: string, start: number, end: number): TextAnchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(
      `the selection ${start}..${end} is not inside the item's text (0..${text.length}) or is empty`,
    );
  }
  const t = trimSelection(text, start, end);
  if (t.end <= t.start) throw new RangeError('the selection contains only white space');
  if (t.end - t.start > MAX_QUOTE_LENGTH) {
    throw new RangeError(
      `the selection is ${t.end - t.start} characters long; highlights hold at most ${MAX_QUOTE_LENGTH}`,
    );
  }
  return {
    quote: text.slice(t.start, t.end),
    prefix: text.slice(Math.max(0, t.start - CONTEXT_LENGTH), t.start),
    suffix: text.slice(t.end, t.end + CONTEXT_LENGTH),
    start: t.start,
    end: t.end,
  };
}

/** True when the anchor's quote sits exactly at its start..end in `text`. */
export function anchorFits(text: string, anchor: Pick<TextAnchor, 'quote' | 'start' | 'end'>): boolean {
  return anchor.end <= text.length && text.slice(anchor.start, anchor.end) === anchor.quote;
}

/** Where the anchor belongs in `text`, or null when it can no longer be placed (orphan). */
export function resolveAnchor(text: string, anchor: TextAnchor, options: ResolveOptions = {}): AnchorMatch | null {
  if (anchor.quote.length === 0) return null;
  const hint = options.hint ?? anchor.start;

  // 1. exact position
  if (anchorFits(text, anchor)) {
    const ctx = contextScore(text, anchor.start, anchor.end, anchor);
    if (ctx >= MIN_CONTEXT_AT_OLD_POSITION || anchor.quote.length >= DISTINCTIVE_QUOTE_LENGTH * 4) {
      return { start: anchor.start, end: anchor.end, method: 'exact', quality: round(0.6 + 0.4 * ctx) };
    }
    // A short quote whose surroundings changed: maybe a copy landed here and the real
    // one moved. Let step 2 weigh every occurrence (this one included).
  }

  const norm = normalizeCached(text);
  const quote = normalize(anchor.quote).text.trim();
  if (quote.length === 0) return null;
  const normHint = toNormalized(norm.map, hint);

  // 2. the quote verbatim, placed by its context
  const exact = occurrences(norm.text, quote);
  if (exact.length > 0) {
    const best = pickBest(
      exact.map((s) => candidate(text, norm, s, s + quote.length, 1, anchor)),
      normHint,
    );
    if (quote.length >= DISTINCTIVE_QUOTE_LENGTH || best.context >= MIN_CONTEXT_FOR_SHORT_QUOTE) {
      return { start: best.start, end: best.end, method: 'context', quality: best.quality };
    }
    return null; // a short quote with a different context: not the same sentence
  }

  // 3. fuzzy
  const minSim = Math.min(options.minQuoteSimilarity ?? MIN_QUOTE_SIMILARITY, MIN_QUOTE_SIMILARITY_WITH_CONTEXT);
  const maxErrors = Math.floor(quote.length * (1 - minSim));
  if (maxErrors < 1) return null;
  const matches = approxSearch(norm.text, quote, maxErrors);
  if (matches.length === 0) return null;
  const best = pickBest(
    matches.flatMap((m) =>
      refinedSpans(norm.text, quote, m, maxErrors, anchor).map((r) =>
        candidate(text, norm, r.start, r.end, r.similarity, anchor),
      ),
    ),
    normHint,
  );
  const strongContext = best.context >= STRONG_CONTEXT;
  const required = strongContext
    ? MIN_QUOTE_SIMILARITY_WITH_CONTEXT
    : (options.minQuoteSimilarity ?? MIN_QUOTE_SIMILARITY);
  if (best.quoteSimilarity < required) return null;
  if (quote.length < DISTINCTIVE_QUOTE_LENGTH && best.context < MIN_CONTEXT_FOR_SHORT_QUOTE) return null;
  return { start: best.start, end: best.end, method: 'fuzzy', quality: best.quality };
}

/**
 * Resolve and rebuild: the anchor as it should be stored against `text` (new position,
 * the quote as it now reads, fresh context), with how it was found; null = orphan.
 */
export function reanchor(
  text: string,
  anchor: TextAnchor,
  options: ResolveOptions = {},
): { anchor: TextAnchor; match: AnchorMatch } | null {
  const match = resolveAnchor(text, anchor, options);
  if (!match) return null;
  if (match.method === 'exact') {
    return { anchor: { ...anchor, ...contextAt(text, match.start, match.end) }, match };
  }
  try {
    const rebuilt = buildAnchor(text, match.start, match.end);
    return { anchor: rebuilt, match: { ...match, start: rebuilt.start, end: rebuilt.end } };
  } catch {
    return null;
  }
}

/**
 * Approximate matching returns the span with the fewest errors, which can stop short
 * of the real end (or start) when words were inserted near it: "…small-cell
 * reportedly" beats "…small-cell reportedly vendor, ₩4." by a few edits. Offer the
 * spans that end where the stored suffix begins again (and start where the prefix
 * ends), each with its whole-quote similarity; context scoring then picks the right one.
 */
function refinedSpans(
  text: string,
  quote: string,
  m: { start: number; end: number; errors: number },
  slack: number,
  anchor: TextAnchor,
): { start: number; end: number; similarity: number }[] {
  const base = { start: m.start, end: m.end, similarity: 1 - m.errors / quote.length };
  if (quote.length > MAX_REFINED_QUOTE) return [base];
  const suffixHead = normalize(anchor.suffix).text.slice(0, 12);
  const prefixTail = normalize(anchor.prefix).text.slice(-12);
  const ends = new Set([m.end]);
  const starts = new Set([m.start]);
  // A quote that ended (or began) the text probably still does.
  if (anchor.suffix === '' && text.length - m.end <= slack) ends.add(text.length);
  if (anchor.prefix === '' && m.start <= slack) starts.add(0);
  if (suffixHead.trim().length >= 4) {
    for (const at of occurrencesIn(text, suffixHead, m.end - slack, m.end + slack)) if (at > m.start) ends.add(at);
  }
  if (prefixTail.trim().length >= 4) {
    for (const at of occurrencesIn(text, prefixTail, m.start - slack - prefixTail.length, m.start + slack)) {
      const s = at + prefixTail.length;
      if (s < m.end) starts.add(s);
    }
  }
  if (ends.size === 1 && starts.size === 1) return [base];
  const out: { start: number; end: number; similarity: number }[] = [];
  for (const s of starts)
    for (const e of ends) {
      if (e <= s) continue;
      const d = levenshtein(quote, text.slice(s, e), quote.length);
      out.push({ start: s, end: e, similarity: Math.max(0, 1 - d / quote.length) });
    }
  return out.length > 0 ? out : [base];
}

/** Quotes longer than this skip boundary refinement (it is quadratic in the quote's length). */
const MAX_REFINED_QUOTE = 2000;

function occurrencesIn(text: string, needle: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle, Math.max(0, from)); i !== -1 && i <= to; i = text.indexOf(needle, i + 1))
    out.push(i);
  return out;
}

/** Edit distance of a and b, stopping early once it exceeds `cap` (returns cap + 1). */
function levenshtein(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (cur[j]! < rowMin) rowMin = cur[j]!;
    }
    if (rowMin > cap) return cap + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function contextAt(text: string, start: number, end: number): Pick<TextAnchor, 'prefix' | 'suffix'> {
  return {
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
  };
}

// ---- scoring ---------------------------------------------------------------

interface Candidate {
  /** In original-text coordinates. */
  start: number;
  end: number;
  /** In normalized-text coordinates, for distances. */
  normStart: number;
  quoteSimilarity: number;
  context: number;
  quality: number;
}

function candidate(
  text: string,
  norm: Normalized,
  normStart: number,
  normEnd: number,
  quoteSimilarity: number,
  anchor: TextAnchor,
): Candidate {
  const start = norm.map[normStart]!;
  const end = norm.map[normEnd - 1]! + 1;
  const context = contextScore(text, start, end, anchor);
  return {
    start,
    end,
    normStart,
    quoteSimilarity,
    context,
    quality: round(0.6 * quoteSimilarity + 0.4 * context),
  };
}

/** Best quote-and-context fit; among equals, the one nearest where the quote used to be. */
function pickBest(candidates: Candidate[], hint: number): Candidate {
  const EPS = 1e-6;
  let best = candidates[0]!;
  for (const c of candidates.slice(1)) {
    const d = c.quality - best.quality;
    if (d > EPS || (Math.abs(d) <= EPS && Math.abs(c.normStart - hint) < Math.abs(best.normStart - hint))) best = c;
  }
  return best;
}

/** How well the text around start..end matches the anchor's prefix and suffix (0..1). */
function contextScore(text: string, start: number, end: number, anchor: TextAnchor): number {
  const before = text.slice(Math.max(0, start - anchor.prefix.length), start);
  const after = text.slice(end, end + anchor.suffix.length);
  return (similarity(anchor.prefix, before, start === 0) + similarity(anchor.suffix, after, end === text.length)) / 2;
}

function similarity(expected: string, actual: string, atBoundary: boolean): number {
  if (expected.length === 0) return atBoundary ? 1 : 0.5;
  if (actual === expected) return 1;
  const e = normalize(expected).text;
  const a = normalize(actual).text;
  if (e.length === 0) return a.length === 0 ? 1 : 0.5;
  const m = approxSearch(a, e, e.length)[0];
  return m ? Math.max(0, 1 - m.errors / e.length) : 0;
}

function occurrences(text: string, quote: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(quote); i !== -1 && out.length < MAX_OCCURRENCES; i = text.indexOf(quote, i + 1)) {
    out.push(i);
  }
  return out;
}

// ---- whitespace-collapsed view of a text -------------------------------------

interface Normalized {
  text: string;
  /** map[i] = index in the original text of normalized character i; map[length] = original length. */
  map: number[];
}

// Re-anchoring handles all annotations of one item in a row: normalize its text once.
let cached: { text: string; norm: Normalized } | null = null;
function normalizeCached(text: string): Normalized {
  if (cached?.text !== text) cached = { text, norm: normalize(text) };
  return cached.norm;
}

function normalize(s: string): Normalized {
  const chars: string[] = [];
  const map: number[] = [];
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0') {
      if (inSpace) continue;
      chars.push(' ');
      inSpace = true;
    } else {
      chars.push(ch);
      inSpace = false;
    }
    map.push(i);
  }
  map.push(s.length);
  return { text: chars.join(''), map };
}

/** The normalized index of original index `i` (the first normalized char at or after it). */
function toNormalized(map: number[], i: number): number {
  let lo = 0;
  let hi = map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
