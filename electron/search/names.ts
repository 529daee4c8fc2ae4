// The name index: a small in-memory index of the names of officials and the titles of
// everything else, one per pack, rebuilt lazily when the pack's index generation
// changes. It is what makes search forgiving: each word is reduced to a romanisation
// key (romanize.ts), and a key is found again with up to one typo (two in long words)
// through a deletion neighbourhood (the SymSpell idea) rather than by scanning, so a
// lookup costs the same at 100 names as at 100,000. The spellings and keys of every
// installed pack form one vocabulary, so a query word is matched once, not once per
// pack: packs share most names and title words. Scoring the entries found is in
// name-lookup.ts.
import type { Db } from '../store/db';
import type { SearchKind } from './docs';
import { deletions, editDistance } from './distance';
import { nameKey } from './romanize';
import { hasCjk, withJoinedCjk, words } from './text';

export interface NameEntry {
  docId: number;
  kind: SearchKind;
  country: string | null;
  person: boolean;
  /** The words as spelt (folded), and beside each its romanisation key. */
  words: string[];
  keys: string[];
  /** The keys joined, for fuse.js scans. */
  display: string;
  /** The name or title's folded words as shown, for comparing with what was typed. */
  label: string;
}

/** One pack's names and titles. */
export interface NameIndex {
  entries: NameEntry[];
  byKey: Map<string, number[]>;
  /** Folded spelling → its key. */
  surfaceKey: Map<string, string>;
  /** Key → the spellings of it seen in person names, to widen full-text queries. */
  personSpellings: Map<string, Set<string>>;
}

/** The spellings and keys of every installed pack: what query words are matched against. */
export interface Vocabulary {
  keys: Set<string>;
  /** Folded spelling → its key, and the sorted spellings and keys for prefix search. */
  surfaceKey: Map<string, string>;
  sortedSurfaces: string[];
  sortedKeys: string[];
  /** One-character deletions of every key and every spelling → those keys and spellings. */
  deletes: Map<string, string[]>;
  personSpellings: Map<string, Set<string>>;
}

/** Words shorter than this get a typo forgiven only when nothing is spelt exactly so. */
const MIN_FUZZY = 4;

export function maxTypos(word: string): number {
  if (word.length < 3 || hasCjk(word)) return 0;
  return word.length >= 8 ? 2 : 1;
}

interface NameRow {
  rowid: number;
  kind: SearchKind;
  country: string | null;
  title: string;
  names: string;
}

/** The words of a name with hyphenated parts also joined ("Seok-yeol" → seok, yeol, seokyeol). */
export function nameWords(text: string): string[] {
  const out = words(text);
  for (const chunk of text.split(/\s+/)) if (chunk.includes('-')) out.push(...words(chunk.replace(/-/g, '')));
  return out;
}

export function buildNameIndex(db: Db, packId: string): NameIndex {
  const rows = db
    .prepare(
      "SELECT rowid, kind, country, title, names FROM search_docs WHERE pack_id = ? AND kind <> 'annotation' AND agenda_index IS NULL",
    )
    .all(packId) as NameRow[];
  const entries: NameEntry[] = [];
  const byKey = new Map<string, number[]>();
  const surfaceKey = new Map<string, string>();
  const personSpellings = new Map<string, Set<string>>();
  for (const row of rows) {
    const person = row.kind === 'official';
    const spelled = [...new Set(nameWords(person ? withJoinedCjk(row.names) : row.title))];
    if (spelled.length === 0) continue;
    const keys = spelled.map((w) => nameKey(w));
    const index = entries.length;
    spelled.forEach((w, i) => {
      const key = keys[i]!;
      surfaceKey.set(w, key);
      if (person) {
        let set = personSpellings.get(key);
        if (!set) personSpellings.set(key, (set = new Set()));
        set.add(w);
      }
      const list = byKey.get(key);
      if (!list) byKey.set(key, [index]);
      else if (list[list.length - 1] !== index) list.push(index);
    });
    entries.push({
      docId: row.rowid,
      kind: row.kind,
      country: row.country,
      person,
      words: spelled,
      keys,
      display: [...new Set(keys)].join(' '),
      label: words(row.title).join(' '),
    });
  }
  return { entries, byKey, surfaceKey, personSpellings };
}

export function buildVocabulary(indexes: readonly NameIndex[]): Vocabulary {
  const keys = new Set<string>();
  const surfaceKey = new Map<string, string>();
  const personSpellings = new Map<string, Set<string>>();
  for (const index of indexes) {
    for (const k of index.byKey.keys()) keys.add(k);
    for (const [w, k] of index.surfaceKey) surfaceKey.set(w, k);
    for (const [k, spellings] of index.personSpellings) {
      const set = personSpellings.get(k);
      if (!set) personSpellings.set(k, new Set(spellings));
      else for (const w of spellings) set.add(w);
    }
  }
  // Typos are looked for both among keys and among spellings as written: a typo can
  // defeat a romanisation rule ("Jtng" is one letter from "Jang", whose key is "zyang").
  const deletes = new Map<string, string[]>();
  for (const word of new Set([...keys, ...surfaceKey.keys()])) {
    if (maxTypos(word) === 0) continue;
    for (const d of deletions(word, 1)) {
      const list = deletes.get(d);
      if (list) list.push(word);
      else deletes.set(d, [word]);
    }
  }
  return {
    keys,
    surfaceKey,
    sortedSurfaces: [...surfaceKey.keys()].sort(),
    sortedKeys: [...keys].sort(),
    deletes,
    personSpellings,
  };
}

/** How well each key of the vocabulary matches one query word: key → similarity in (0, 1]. */
export type KeyMatches = Map<string, number>;

/** Similarity of a key one or two typos away. */
export const SIM_TYPO = [1, 0.8, 0.65] as const;
/**
 * A typo match for a word that is itself spelt so somewhere in the library (a name or
 * any text) keeps only this share of its similarity: the reader probably meant what
 * they typed, so the exact text must come first and near-miss names after it.
 */
export const KNOWN_WORD_TYPO_SHARE = 0.3;

const PREFIX_EXPANSIONS = 200;

function prefixRange(sorted: readonly string[], prefix: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < sorted.length && out.length < PREFIX_EXPANSIONS && sorted[i]!.startsWith(prefix); i++)
    out.push(sorted[i]!);
  return out;
}

function setBest(m: KeyMatches, key: string, sim: number): void {
  if ((m.get(key) ?? 0) < sim) m.set(key, sim);
}

/** The one- and two-letter deletions of a query word, kept for the next keystroke. */
const deletionMemo = new Map<string, string[][]>();
function deletionLevels(word: string, typos: number): string[][] {
  let levels = deletionMemo.get(word);
  if (!levels || levels.length <= typos) {
    if (deletionMemo.size > 2_000) deletionMemo.clear();
    levels = [[word]];
    for (let level = 1; level <= typos; level++) levels.push([...deletions(word, level)]);
    deletionMemo.set(word, levels);
  }
  return levels;
}

/**
 * Keys matching one folded query word: exactly, as a typed prefix, or with typos.
 * `known`: the word is spelt so somewhere in the library, so its typo matches are weak.
 */
export function matchWord(vocabulary: Vocabulary, word: string, prefix: boolean, known: boolean): KeyMatches {
  const key = nameKey(word);
  const out: KeyMatches = new Map();
  if (vocabulary.keys.has(key)) out.set(key, 1);
  if (prefix) {
    for (const s of prefixRange(vocabulary.sortedSurfaces, word)) {
      const k = vocabulary.surfaceKey.get(s)!;
      if (k !== key) setBest(out, k, 0.7 + (0.2 * word.length) / s.length);
    }
    for (const k of prefixRange(vocabulary.sortedKeys, key))
      if (k !== key) setBest(out, k, 0.7 + (0.2 * key.length) / k.length);
  }
  // "Zho" is Zhou's key (ou → o) but not a spelling: a short word is forgiven a typo
  // unless someone is spelt exactly so (or, typing, some name begins with it).
  const exact = vocabulary.surfaceKey.has(word) || (prefix && out.size > 0);
  const share = known ? KNOWN_WORD_TYPO_SHARE : 1;
  for (const form of key === word ? [key] : [key, word]) {
    const typos = form.length < MIN_FUZZY && exact ? 0 : maxTypos(form);
    if (typos === 0) continue;
    const tried = new Set<string>();
    const consider = (candidate: string): void => {
      if (tried.has(candidate)) return;
      tried.add(candidate);
      const d = editDistance(form, candidate, typos);
      if (d === 0 || d > typos) return;
      const k = vocabulary.keys.has(candidate) ? candidate : vocabulary.surfaceKey.get(candidate);
      if (k !== undefined && k !== key) setBest(out, k, SIM_TYPO[d]! * share);
    };
    const levels = deletionLevels(form, typos);
    levels.forEach((variants, level) => {
      for (const q of variants) {
        if (level > 0 && (vocabulary.keys.has(q) || vocabulary.surfaceKey.has(q))) consider(q);
        for (const k of vocabulary.deletes.get(q) ?? []) consider(k);
      }
    });
  }
  return out;
}

/**
 * Spellings found in person names for a query word's matches, typos corrected: extra terms
 * for full-text search. No spelling comes twice: each belongs to one key.
 */
export function personSpellingsFor(vocabulary: Vocabulary, word: string, matches: KeyMatches): string[] {
  const exactKnown = vocabulary.personSpellings.has(nameKey(word));
  const out: string[] = [];
  for (const [k, sim] of matches) {
    if (exactKnown && sim < 1) continue; // a correctly spelt name needs no typo correction
    if (sim < SIM_TYPO[2]) continue; // nor does a word spelt so elsewhere
    for (const s of vocabulary.personSpellings.get(k) ?? []) if (s !== word) out.push(s);
  }
  return out;
}
