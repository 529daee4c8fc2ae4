// Scoring name-index entries against a query, across every pack's name index: the
// entries reached from the rarest query word are scored word by word, the best dozen
// of all packs are re-ranked once by their distance from what was typed, and in a
// small pack fuse.js scans every name when the keys found nothing.
import Fuse from 'fuse.js';
import { editDistance, prefixDistance } from './distance';
import { KNOWN_WORD_TYPO_SHARE, type KeyMatches, type NameEntry, type NameIndex } from './names';
import { nameKey } from './romanize';
import { hasCjk } from './text';

export interface NameHit {
  entry: NameEntry;
  docId: number;
  /** 0..1: how well the whole query matched this name or title. */
  score: number;
}

/** The same name spelt by another romanisation ("Sigehiro", "Ohno"): close, but below the spelling typed. */
const SIM_EQUIVALENT = 0.9;
/** A short word one letter from a word of a name the other query words already found ("Li" in "Lim Won-ha"). */
const SIM_SHORT_TYPO = 0.5;
/** Query words at most this long are checked letter by letter against the names the other words found. */
const SHORT_WORD = 4;
/** Above this many name entries, a pack is not scanned by fuse.js when its keys find nothing. */
export const FUSE_SCAN_LIMIT = 300;
const MAX_DRIVER_POSTINGS = 400;
const RERANK = 12;
/** Name hits returned at most: the rest would rank below every text match anyway. */
const MAX_HITS = 200;

export interface NameQuery {
  /** The folded words as typed, hyphenated parts apart, for comparing whole names. */
  typed: readonly string[];
  /** Folded words; the last one is a prefix still being typed when `lastIsPrefix`. */
  words: readonly string[];
  lastIsPrefix: boolean;
  /** The keys each word matches, in any pack. */
  matches: readonly KeyMatches[];
  /** Words spelt so somewhere in the library: a one-letter miss on them is weak evidence. */
  known: (word: number) => boolean;
  accept: (entry: NameEntry) => boolean;
}

/**
 * Entries whose words match every query word (or every word but one short one, which
 * is then one typo away). Words are matched independently, so order ("Watanabe
 * Shigehiro" / "Shigehiro Watanabe") does not matter, and each counts by its length:
 * matching "Wonha" says more than matching "Li".
 */
export function lookupNames(indexes: readonly NameIndex[], q: NameQuery): NameHit[] {
  if (q.words.length === 0) return [];
  const found: NameHit[] = [];
  for (const index of indexes) found.push(...lookupIn(index, q));
  if (found.length === 0) return [];
  found.sort((a, b) => b.score - a.score);
  // Below the re-ranked dozen, scores are scaled by the re-ranking's least factor so
  // the order stays consistent.
  const rest = found.slice(RERANK, MAX_HITS).map((h) => ({ ...h, score: h.score * RERANK_FLOOR }));
  return [...rerank(found.slice(0, RERANK), q), ...rest];
}

function lookupIn(index: NameIndex, q: NameQuery): NameHit[] {
  const perWord = q.matches;
  const sizes = perWord.map((m) => postingsSize(index, m));
  // Drive from the rarest word; with two or more words, one of them may find nothing
  // (a typo in a two-letter part) as long as the others do.
  const missing = sizes.filter((n) => n === 0).length;
  if (missing > (q.words.length >= 2 ? 1 : 0) || missing === q.words.length)
    return fuseScan(index, q.words).filter((h) => q.accept(h.entry));
  const scorer = new Scorer(index, q, perWord);
  // A short word may be the typo, so a longer one leads when there is one.
  const leads = (i: number): boolean => sizes[i]! > 0 && !scorer.short[i];
  const eligible = sizes.some((_, i) => leads(i)) ? leads : (i: number) => sizes[i]! > 0;
  let driver = -1;
  for (let i = 0; i < sizes.length; i++) if (eligible(i) && (driver < 0 || sizes[i]! < sizes[driver]!)) driver = i;
  const full = scorer.score(driver, missing);
  // Nobody matches every word: forgive one word entirely ("Kyung-seok" of "Kwon Kyung-seok").
  const scored = full.size > 0 || missing > 0 || q.words.length < 2 ? full : scorer.bestPartial();
  return [...scored].map(([e, score]) => ({ entry: index.entries[e]!, docId: index.entries[e]!.docId, score }));
}

function postingsSize(index: NameIndex, m: KeyMatches): number {
  let n = 0;
  for (const k of m.keys()) n += index.byKey.get(k)?.length ?? 0;
  return n;
}

class Scorer {
  private readonly weights: number[];
  /** Words that may be checked letter by letter when the keys missed them. */
  readonly short: boolean[];

  constructor(
    private readonly index: NameIndex,
    private readonly q: NameQuery,
    private readonly perWord: readonly KeyMatches[],
  ) {
    this.weights = q.words.map((w) => w.length);
    this.short = q.words.map((w) => q.words.length >= 2 && w.length <= SHORT_WORD && !hasCjk(w));
  }

  /** Entry → score, for entries reached from `driver`'s keys that miss at most `allowedMisses` words. */
  score(driver: number, allowedMisses: number, skip = -1): Map<number, number> {
    const { index, q, perWord, weights } = this;
    const scored = new Map<number, number>();
    let total = 0;
    perWord.forEach((_, i) => {
      if (i !== skip) total += weights[i]!;
    });
    let visited = 0;
    for (const key of perWord[driver]!.keys()) {
      for (const e of index.byKey.get(key) ?? []) {
        if (scored.has(e)) continue;
        if (++visited > MAX_DRIVER_POSTINGS) break;
        const entry = index.entries[e]!;
        if (!q.accept(entry)) continue;
        let sum = 0;
        let misses = 0;
        for (let i = 0; i < perWord.length; i++) {
          if (i === skip) continue;
          const sim = this.wordSim(entry, i);
          if (sim === 0 && ++misses > allowedMisses) break;
          sum += sim * weights[i]!;
        }
        if (misses > allowedMisses) continue;
        // A name matched in full beats one of which the query covered only a part.
        const coverage = Math.min(1, perWord.length / entry.keys.length);
        scored.set(e, (sum / total) * (0.9 + 0.1 * coverage));
      }
    }
    return scored;
  }

  /** Nobody matches every word: the best of forgiving each word in turn. */
  bestPartial(): Map<number, number> {
    const { index, perWord, weights } = this;
    const all = weights.reduce((a, b) => a + b, 0);
    const out = new Map<number, number>();
    perWord.forEach((_, skip) => {
      let driver = -1;
      let best = Infinity;
      perWord.forEach((m, i) => {
        const n = i === skip ? Infinity : postingsSize(index, m);
        if (n > 0 && n < best) [driver, best] = [i, n];
      });
      if (driver < 0) return;
      const share = (all - weights[skip]!) / all;
      for (const [e, s] of this.score(driver, 0, skip)) {
        const partial = s * share;
        if ((out.get(e) ?? 0) < partial) out.set(e, partial);
      }
    });
    return out;
  }

  /** How well query word `i` matches the entry's best word. */
  private wordSim(entry: NameEntry, i: number): number {
    const word = this.q.words[i]!;
    const m = this.perWord[i]!;
    let best = 0;
    for (let j = 0; j < entry.words.length; j++) {
      if (entry.words[j] === word) return 1;
      const sim = m.get(entry.keys[j]!);
      if (sim !== undefined) best = Math.max(best, sim === 1 ? SIM_EQUIVALENT : sim);
    }
    if (best > 0 || !this.short[i]) return best;
    // A word still being typed is compared with as much of each name word.
    const typing = this.q.lastIsPrefix && i === this.q.words.length - 1;
    for (const w of entry.words)
      if (!hasCjk(w) && editDistance(word, typing ? w.slice(0, word.length + 1) : w, 1) === 1)
        return SIM_SHORT_TYPO * (this.q.known(i) ? KNOWN_WORD_TYPO_SHARE : 1);
    return 0;
  }
}

const RERANK_FLOOR = 0.9;

/**
 * The best dozen, re-ranked by how far the whole name is from what was typed, in
 * the order typed or with the family name moved (Levenshtein on the folded words):
 * the spelling typed beats an equivalent one ("Zho Ming" is Zhao Ming before Zhou
 * Ping), and a word the keys matched twice counts once ("Young-seok ong" matches
 * "Young" by key, but is one letter from Hong Young-seok).
 */
function rerank(ranked: NameHit[], q: NameQuery): NameHit[] {
  if (ranked.length <= 1) return ranked;
  const typed = q.typed.join(' ');
  return ranked
    .map((h) => {
      const parts = h.entry.label.split(' ');
      let d = typed.length;
      for (let r = 0; r < parts.length && d > 0; r++) {
        const name = [...parts.slice(r), ...parts.slice(0, r)].join(' ');
        // A name still being typed is compared with its beginning, give or take a letter.
        d = Math.min(
          d,
          q.lastIsPrefix
            ? prefixDistance(typed, name, typed.length - 1, typed.length + 1, d)
            : editDistance(typed, name, d),
        );
      }
      const closeness = 1 - d / Math.max(1, typed.length);
      return { ...h, score: h.score * (RERANK_FLOOR + (1 - RERANK_FLOOR) * closeness) };
    })
    .sort((a, b) => b.score - a.score);
}

const fuses = new WeakMap<NameIndex, Fuse<NameEntry>>();

/** The last resort in a small pack: fuse.js over every name, for queries too garbled for the keys. */
function fuseScan(index: NameIndex, queryWords: readonly string[]): NameHit[] {
  const q = queryWords.map(nameKey).join(' ');
  if (index.entries.length > FUSE_SCAN_LIMIT || q.length < 3 || q.length > 32 || hasCjk(q)) return [];
  let fuse = fuses.get(index);
  if (!fuse)
    fuses.set(
      index,
      (fuse = new Fuse(index.entries, { keys: ['display'], includeScore: true, ignoreLocation: true, threshold: 0.3 })),
    );
  return fuse
    .search(q, { limit: 5 })
    .map((r) => ({ entry: r.item, docId: r.item.docId, score: 0.55 * (1 - (r.score ?? 1)) }));
}
