// Text normalisation shared by indexing, querying and snippets, so all three agree on
// what a "word" is. Latin text is folded (NFKC, lower case, no diacritics); runs of
// CJK characters (Han, Kana, Hangul), which carry no spaces between words, are
// indexed as overlapping bigrams so that any substring of two or more characters is a
// phrase of whole tokens, and a single character is a token prefix.

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC]+/gu;
/** A word as FTS5's unicode61 tokenizer sees it: letters, marks and digits. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

export function isCjk(ch: string): boolean {
  return CJK_CHAR.test(ch);
}

export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}

const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Plain ASCII? A one-class expression runs as compiled code from the first call; a
 * loop over a long body runs in the interpreter until the JIT has seen it often.
 */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** Lower case, compatibility-normalised (full-width → ASCII), diacritics removed, ß → ss. */
export function fold(text: string): string {
  if (isAscii(text)) return text.toLowerCase();
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, (m, offset: number, whole: string) => (keepsMark(whole, offset) ? m : ''))
    .normalize('NFC')
    .replace(/ß/g, 'ss')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/œ/g, 'oe')
    .replace(/ł/g, 'l')
    .replace(/đ/g, 'd');
}

/** Folded forms of short non-ASCII words already seen: names recur from hit to hit, and folding one takes four normalisations. */
const foldedWords = new Map<string, string>();
const FOLDED_WORDS = 20_000;

/** `fold` for a word or a match: the same result, remembered for non-ASCII ones. */
export function foldWord(word: string): string {
  if (isAscii(word)) return word.toLowerCase();
  if (word.length > 40) return fold(word);
  let folded = foldedWords.get(word);
  if (folded === undefined) {
    if (foldedWords.size >= FOLDED_WORDS) foldedWords.clear();
    foldedWords.set(word, (folded = fold(word)));
  }
  return folded;
}

/** Kana voicing marks are not diacritics: か and が are different sounds. */
function keepsMark(whole: string, offset: number): boolean {
  const before = whole[offset - 1];
  return before !== undefined && isCjk(before);
}

/** The bigrams of a CJK run plus its last character alone (so every character starts some token). */
export function cjkBigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
  return out;
}

/** The query side of `cjkBigrams`: a run as a phrase of bigrams (no trailing unigram). */
export function cjkQueryTokens(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

/** Names in CJK are typed with or without the space ("渡辺 重宏", "渡辺重宏"): add the joined form of each such line. */
export function withJoinedCjk(names: string): string {
  const joined = names
    .split('\n')
    .filter((line) => /\s/.test(line.trim()) && hasCjk(line))
    .map((line) => line.replace(/\s+/g, ''));
  return joined.length ? `${names}\n${joined.join('\n')}` : names;
}

/** Text as it goes into the FTS5 table: folded, with CJK runs replaced by their bigrams. */
export function ftsText(text: string): string {
  const folded = fold(text);
  if (!hasCjk(folded)) return folded;
  return folded.replace(CJK_RUN, (run) => ` ${cjkBigrams(run).join(' ')} `);
}

/** Folded words of a text, with CJK runs kept whole (callers decide how to split them). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(WORD)) {
    const w = m[0];
    if (!hasCjk(w)) {
      out.push(w);
      continue;
    }
    // Split mixed words such as "G7サミット" into their Latin and CJK parts.
    let last = 0;
    for (const run of w.matchAll(CJK_RUN)) {
      if (run.index > last) out.push(w.slice(last, run.index));
      out.push(run[0]);
      last = run.index + run[0].length;
    }
    if (last < w.length) out.push(w.slice(last));
  }
  return out;
}

export interface WordSpan {
  /** Folded form of the word. */
  folded: string;
  start: number;
  end: number;
}

/** The words of a text as written (unfolded), with their positions. */
export function wordMatches(text: string): IterableIterator<RegExpExecArray> {
  return text.matchAll(WORD);
}

/** Words of the original text with their positions in it, for snippets. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const m of text.matchAll(WORD)) out.push({ folded: foldWord(m[0]), start: m.index, end: m.index + m[0].length });
  return out;
}
