// Turning what a person typed into a query. User text never reaches FTS5 syntax:
// every word becomes a quoted FTS5 string made only of letters and digits, so quotes,
// `*`, `NEAR(`, `AND`, `-` and the like are just words or nothing at all.
import { cjkQueryTokens, hasCjk, words } from './text';

export interface ParsedQuery {
  /** Folded words outside quotes, in order. CJK runs are kept whole. */
  words: string[];
  /** Quoted phrases, each a list of folded words. */
  phrases: string[][];
  /** The last free word is still being typed: match it as a prefix. */
  lastIsPrefix: boolean;
  /** The last phrase is an unclosed quote still being typed: its last word is a prefix. */
  openPhrase: boolean;
}

const QUOTES = /[“”„‟″«»＂]/g;
export const MAX_QUERY_WORDS = 12;

export function parseQuery(raw: string): ParsedQuery {
  const text = raw.normalize('NFKC').replace(QUOTES, '"');
  const parts = text.split('"');
  const openPhrase = parts.length % 2 === 0; // an odd number of quotes
  const free: string[] = [];
  const phrases: string[][] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) free.push(...words(part));
    else {
      const p = words(part);
      if (p.length > 0) phrases.push(p);
    }
  });
  const endsInWord = /[\p{L}\p{M}\p{N}]$/u.test(text);
  const lastPartIsFree = parts.length % 2 === 1;
  return {
    words: free.slice(0, MAX_QUERY_WORDS),
    phrases: phrases.slice(0, MAX_QUERY_WORDS),
    lastIsPrefix: endsInWord && lastPartIsFree && free.length > 0 && free.length <= MAX_QUERY_WORDS,
    openPhrase: openPhrase && endsInWord && phrases.length > 0,
  };
}

export function isEmpty(q: ParsedQuery): boolean {
  return q.words.length === 0 && q.phrases.length === 0;
}

/** One FTS5 string literal. Our tokens never contain quotes, but escape anyway. */
function lit(tokens: readonly string[]): string {
  return `"${tokens.join(' ').replace(/"/g, '""')}"`;
}

/** A word as FTS5 tokens: itself, or for CJK its bigrams. */
function wordTokens(word: string): string[] {
  return hasCjk(word) ? cjkQueryTokens(word) : [word];
}

/** The shortest typed prefix that goes to FTS5 as a prefix query (shorter ones match too much to rank). */
export const MIN_FTS_PREFIX = 2;

/**
 * The MATCH expression over the text columns, or null when nothing is left to match.
 * `alternatives` maps a free word to other spellings to accept (romanisation, typos).
 * `wholeWords`: the word being typed counts only whole, not as a prefix; the rows this
 * matches are a subset of the full expression's, found without merging the doclists of
 * every word the prefix begins.
 */
export function ftsExpression(
  q: ParsedQuery,
  alternatives: ReadonlyMap<string, readonly string[]>,
  { wholeWords = false }: { wholeWords?: boolean } = {},
): string | null {
  const clauses: string[] = [];
  q.words.forEach((w, i) => {
    const tokens = wordTokens(w);
    const last = i === q.words.length - 1;
    const cjkSingle = hasCjk(w) && tokens.length === 1;
    const prefix = !wholeWords && (cjkSingle || (last && q.lastIsPrefix && !hasCjk(w) && w.length >= MIN_FTS_PREFIX));
    // The word as typed also counts whole, so an exact match outranks words it merely begins.
    const options = prefix ? [lit(tokens), `${lit(tokens)}*`] : [lit(tokens)];
    for (const alt of alternatives.get(w) ?? []) options.push(lit(wordTokens(alt)));
    clauses.push(options.length === 1 ? options[0]! : `(${options.join(' OR ')})`);
  });
  q.phrases.forEach((p, i) => {
    const tokens = p.flatMap(wordTokens);
    const open = !wholeWords && q.openPhrase && i === q.phrases.length - 1 && !hasCjk(p[p.length - 1]!);
    clauses.push(open ? `${lit(tokens)}*` : lit(tokens));
  });
  if (clauses.length === 0) return null;
  // Filter tokens (scope column) all start with "x"; only a query word that does too
  // could reach them, and only then is the (slower) column filter needed.
  const couldHitScope = [...q.words, ...q.phrases.flat()].some((w) => w.startsWith('x'));
  const expr = clauses.join(' AND ');
  return couldHitScope ? `{names heading body} : (${expr})` : expr;
}

/** The longest prefix FTS5 keeps an index for (migration 002: prefix = '2 3'). */
const INDEXED_PREFIX = 3;

/**
 * A query whose last word is a prefix of two or three letters still being typed, split
 * into that prefix alone and the words already complete, or null for any other query.
 * bm25 weighs a prefix by every row of every word it begins, so search ranks such a
 * query by the complete words when the prefix alone is broad.
 */
export function splitTyping(
  q: ParsedQuery,
  alternatives: ReadonlyMap<string, readonly string[]>,
): { typing: string; complete: string } | null {
  const last = q.words[q.words.length - 1];
  if (!q.lastIsPrefix || q.phrases.length > 0 || q.words.length < 2 || !last || hasCjk(last)) return null;
  if (last.length < MIN_FTS_PREFIX || last.length > INDEXED_PREFIX) return null;
  const typing = ftsExpression({ words: [last], phrases: [], lastIsPrefix: true, openPhrase: false }, new Map());
  const complete = ftsExpression({ ...q, words: q.words.slice(0, -1), lastIsPrefix: false }, alternatives);
  return typing && complete ? { typing, complete } : null;
}
