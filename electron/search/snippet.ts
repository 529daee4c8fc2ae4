// Snippets: the part of a field that shows why a hit matched, pre-split into
// segments so the UI can highlight matches without HTML.
import type { SnippetSegment } from '../../shared/api';
import type { ParsedQuery } from './query';
import { nameKey } from './romanize';
import { foldWord, hasCjk, isAscii, wordMatches, wordSpans } from './text';

/** What counts as a match when highlighting. */
export interface Highlighter {
  /** Folded words and accepted spellings. */
  exact: Set<string>;
  /** Romanisation keys that matched a query word (see names.ts). */
  keys: Set<string>;
  /** Folded prefixes still being typed. */
  prefixes: string[];
  /** CJK runs, matched as substrings. */
  cjk: string[];
  /** Quoted phrases (folded words), highlighted only where the words are adjacent. */
  phrases: string[][];
}

/** What to highlight for a query: its words, the spellings and keys the name index accepted for them. */
export function makeHighlighter(q: ParsedQuery, keys: Set<string>, alternatives: Map<string, string[]>): Highlighter {
  const exact = new Set<string>();
  const cjk: string[] = [];
  const add = (w: string): void => {
    if (hasCjk(w)) cjk.push(w);
    else exact.add(w);
  };
  q.words.forEach(add);
  const phrases = q.phrases.filter((p) => !p.some(hasCjk));
  q.phrases
    .filter((p) => p.some(hasCjk))
    .flat()
    .forEach(add);
  for (const list of alternatives.values()) list.forEach(add);
  const prefixes: string[] = [];
  const last = q.words[q.words.length - 1];
  if (q.lastIsPrefix && last && !hasCjk(last)) prefixes.push(last);
  const lastPhrase = q.phrases[q.phrases.length - 1];
  if (q.openPhrase && lastPhrase) prefixes.push(lastPhrase[lastPhrase.length - 1]!);
  for (const w of q.words) if (!hasCjk(w)) keys.add(nameKey(w));
  return { exact, keys, prefixes, cjk, phrases };
}

export type Range = [start: number, end: number];

export interface Matcher {
  /** Where `text` matches. `useKeys`: also match words by romanisation key (for names; long texts use the spellings in `exact`). */
  find(text: string, useKeys?: boolean): Range[];
}

/** A highlighter's regular expressions, compiled once per query rather than once per field of every hit. */
export function compileMatcher(h: Highlighter): Matcher {
  const phrases = h.phrases.filter((p) => p.length > 0);
  // In ASCII text a letter or digit is [a-z0-9] (case aside): plain expressions on the
  // text as it is, with no folding of the whole text and no Unicode property classes,
  // which cost milliseconds to compile and run on a long body.
  const asciiPhraseRes = phrases.every((p) => p.every((w) => isAscii(w)))
    ? phrases.map((p) => new RegExp(`(?<![a-z0-9])${p.map(escape).join('[^a-z0-9]+')}(?![a-z0-9])`, 'gi'))
    : null;
  const ascii = asciiRegExp(h);
  const plainWords = new Map<string, boolean>();
  const keyWords = new Map<string, boolean>();
  return {
    find(text: string, useKeys = false): Range[] {
      const keys = useKeys && h.keys.size > 0;
      const plain = isAscii(text);
      const ranges: Range[] = [];
      if (phrases.length > 0) {
        if (plain && asciiPhraseRes) {
          for (const re of asciiPhraseRes)
            for (const m of text.matchAll(re)) ranges.push([m.index, m.index + m[0].length]);
        } else ranges.push(...phraseMatches(text, phrases));
      }
      if (!keys && h.cjk.length === 0 && plain) {
        if (ascii) for (const m of text.matchAll(ascii)) ranges.push([m.index, m.index + m[0].length]);
        return mergeRanges(ranges);
      }
      // Whether a word is highlighted depends only on the word as written: decided once
      // per query, not once per occurrence (an official's names recur in every hit).
      const seen = keys ? keyWords : plainWords;
      for (const m of wordMatches(text)) {
        const word = m[0];
        let matched = seen.get(word);
        if (matched === undefined) {
          const f = foldWord(word);
          matched = h.exact.has(f) || h.prefixes.some((p) => f.startsWith(p)) || (keys && h.keys.has(nameKey(f)));
          seen.set(word, matched);
        }
        if (matched) ranges.push([m.index, m.index + word.length]);
      }
      if (h.cjk.length > 0) {
        const folded = text.normalize('NFKC');
        // NFKC can change lengths (half-width kana); only search when it did not.
        const hay = folded.length === text.length ? folded : text;
        for (const run of h.cjk) {
          for (let at = hay.indexOf(run); at >= 0; at = hay.indexOf(run, at + run.length))
            ranges.push([at, at + run.length]);
        }
      }
      return mergeRanges(ranges);
    },
  };
}

function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const prev = merged[merged.length - 1];
    if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * Phrases as typed: adjacent words, any punctuation or spacing between them. Compared
 * word by word (each folded on its own) rather than with a regular expression built
 * for the query: one with Unicode property classes costs milliseconds to compile.
 */
function phraseMatches(text: string, phrases: readonly string[][]): Range[] {
  const spans = wordSpans(text);
  const ranges: Range[] = [];
  for (const p of phrases)
    for (let i = 0; i + p.length <= spans.length; i++) {
      let k = 0;
      while (k < p.length && spans[i + k]!.folded === p[k]) k++;
      if (k < p.length) continue;
      ranges.push([spans[i]!.start, spans[i + p.length - 1]!.end]);
      i += p.length - 1;
    }
  return ranges;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The fast path for ASCII text: one regular expression, no per-word folding. */
function asciiRegExp(h: Highlighter): RegExp | null {
  const exact = [...h.exact].filter((w) => isAscii(w)).map(escape);
  const prefixes = h.prefixes.filter((w) => isAscii(w)).map(escape);
  if (exact.length === 0 && prefixes.length === 0) return null;
  const alternatives = [
    ...(exact.length ? [`(?:${exact.join('|')})(?![a-z0-9])`] : []),
    ...(prefixes.length ? [`(?:${prefixes.join('|')})[a-z0-9]*`] : []),
  ];
  return new RegExp(`(?<![a-z0-9])(?:${alternatives.join('|')})`, 'gi');
}

/** How many different things the ranges matched: a snippet showing two query words beats one showing one twice. */
export function distinctMatches(text: string, ranges: readonly Range[]): number {
  return new Set(ranges.map(([s, e]) => foldWord(text.slice(s, e)))).size;
}

const SPACE = /\s/;
const SEPARATOR = /[\s·]/;
const WINDOW = 180;
const LEAD = 50;

/** Cuts a window of `text` around its densest cluster of matches and splits it into segments. */
export function cutSnippet(
  text: string,
  ranges: readonly Range[],
): { segments: SnippetSegment[]; first: Range | null } {
  // Newlines become spaces one for one, so offsets into `text` stay valid; only the
  // window shown is rewritten, not the whole text.
  const clean = (from: number, to: number): string => text.slice(from, to).replace(/\s/g, ' ');
  let start = 0;
  let end = Math.min(text.length, WINDOW);
  let best: Range | null = ranges[0] ?? null;
  if (ranges.length > 0 && text.length > WINDOW) {
    let bestCount = -1;
    // Each match's folded text once, not once per window it falls in.
    const folded = ranges.map(([s, e]) => foldWord(clean(s, e)));
    // The first matches are enough to find a good window; do not go quadratic on common words.
    for (const r of ranges.slice(0, 12)) {
      const inWindow = new Set<string>();
      ranges.forEach(([s, e], i) => {
        if (s >= r[0] && e <= r[0] + WINDOW - LEAD) inWindow.add(folded[i]!);
      });
      const count = inWindow.size;
      if (count > bestCount) {
        bestCount = count;
        best = r;
      }
    }
    start = Math.max(0, best![0] - LEAD);
    end = Math.min(text.length, start + WINDOW);
    start = Math.max(0, Math.min(start, end - WINDOW));
    // Do not cut words in half, nor leave a list separator (" · ") beside the "…".
    if (start > 0) {
      let space = start;
      while (space < best![0] && !SPACE.test(text[space]!)) space++;
      if (space < best![0]) start = space + 1;
      while (start < best![0] && SEPARATOR.test(text[start]!)) start++;
    }
    if (end < text.length) {
      let space = end;
      while (space > best![1] && !SPACE.test(text[space]!)) space--;
      if (space > best![1]) end = space;
      while (end > best![1] && SEPARATOR.test(text[end - 1]!)) end--;
    }
  }
  const segments: SnippetSegment[] = [];
  const push = (t: string, match: boolean): void => {
    if (!t) return;
    const prev = segments[segments.length - 1];
    if (prev && prev.match === match) prev.text += t;
    else segments.push({ text: t, match });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const cs = Math.max(s, start);
    const ce = Math.min(e, end);
    push(clean(at, cs), false);
    push(clean(cs, ce), true);
    at = ce;
  }
  push(clean(at, end), false);
  if (end < text.length) push('…', false);
  if (segments.length > 0) {
    const head = segments[0]!;
    if (!head.match) head.text = head.text.replace(/^\s+/, '');
  }
  return { segments, first: best };
}
