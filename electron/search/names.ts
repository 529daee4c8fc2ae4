// The name index: a small in-memory index of the names of officials and the titles of
// everything else, one per pack, rebuilt lazily when the pack's index generation
// changes. It is what makes search forgiving: each word is reduced to a romanisation
// key (romanize.ts), and a key is found again with up to one typo (two in long words)
// through a deletion neighbourhood (the SymSpell idea) rather than by scanning, so a
// lookup costs the same at 100 names as at 100,000. fuse.js then orders the few
// candidates, and in a small pack scans every name when the keys found nothing.
import Fuse from 'fuse.js';
import type { Db } from '../store/db';
import type { SearchKind } from './docs';
import { deletions, editDistance } from './distance';
import { nameKey } from './romanize';
import { fold, hasCjk, withJoinedCjk, words } from './text';

export interface NameEntry {
  docId: number;
  kind: SearchKind;
  country: string | null;
  person: boolean;
  keys: string[];
  /** The keys joined, for fuse.js scans. */
  display: string;
  /** The words as spelt (folded), for fuse.js re-ranking: the spelling typed beats an equivalent one. */
  spelled: string;
}

export interface NameIndex {
  entries: NameEntry[];
  byKey: Map<string, number[]>;
  /** Folded spelling → its key, and the sorted spellings and keys for prefix search. */
  surfaceKey: Map<string, string>;
  sortedSurfaces: string[];
  sortedKeys: string[];
  /** One-character deletions of every key and every spelling → those keys and spellings. */
  deletes: Map<string, string[]>;
  /** Key → the spellings of it seen in person names, to widen full-text queries. */
  personSpellings: Map<string, Set<string>>;
  fuse: Fuse<NameEntry> | null;
}

/** Words shorter than this get a typo forgiven only when nothing matches them exactly. */
const MIN_FUZZY = 4;
/** Above this many name entries, a pack is not scanned by fuse.js when its keys find nothing. */
export const FUSE_SCAN_LIMIT = 300;

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
    const keys = new Set<string>();
    const spelled = nameWords(person ? withJoinedCjk(row.names) : row.title);
    for (const w of spelled) {
      const key = nameKey(w);
      keys.add(key);
      surfaceKey.set(w, key);
      if (person) {
        let set = personSpellings.get(key);
        if (!set) personSpellings.set(key, (set = new Set()));
        set.add(w);
      }
    }
    if (keys.size === 0) continue;
    const index = entries.length;
    const keyList = [...keys];
    entries.push({
      docId: row.rowid,
      kind: row.kind,
      country: row.country,
      person,
      keys: keyList,
      display: keyList.join(' '),
      spelled: spelled.join(' '),
    });
    for (const k of keyList) {
      const list = byKey.get(k);
      if (list) list.push(index);
      else byKey.set(k, [index]);
    }
  }
  // Typos are looked for both among keys and among spellings as written: a typo can
  // defeat a romanisation rule ("Jtng" is one letter from "Jang", whose key is "zyang").
  const deletes = new Map<string, string[]>();
  for (const word of new Set([...byKey.keys(), ...surfaceKey.keys()])) {
    if (maxTypos(word) === 0) continue;
    for (const d of deletions(word, 1)) {
      const list = deletes.get(d);
      if (list) list.push(word);
      else deletes.set(d, [word]);
    }
  }
  return {
    entries,
    byKey,
    surfaceKey,
    sortedSurfaces: [...surfaceKey.keys()].sort(),
    sortedKeys: [...byKey.keys()].sort(),
    deletes,
    personSpellings,
    fuse: null,
  };
}

/** How well each key of the index matches one query word: key → similarity in (0, 1]. */
export type KeyMatches = Map<string, number>;

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

/** Keys matching one folded query word: exactly, as a typed prefix, or with typos. */
export function matchWord(index: NameIndex, word: string, prefix: boolean): KeyMatches {
  const key = nameKey(word);
  const out: KeyMatches = new Map();
  if (index.byKey.has(key)) out.set(key, 1);
  if (prefix) {
    for (const s of prefixRange(index.sortedSurfaces, word)) {
      const k = index.surfaceKey.get(s)!;
      if (k !== key) setBest(out, k, 0.7 + (0.2 * word.length) / s.length);
    }
    for (const k of prefixRange(index.sortedKeys, key))
      if (k !== key) setBest(out, k, 0.7 + (0.2 * key.length) / k.length);
  }
  const exact = out.size > 0 || index.surfaceKey.has(word);
  for (const form of key === word ? [key] : [key, word]) {
    const typos = form.length < MIN_FUZZY && exact ? 0 : maxTypos(form);
    if (typos === 0) continue;
    const tried = new Set<string>();
    const consider = (candidate: string): void => {
      if (tried.has(candidate)) return;
      tried.add(candidate);
      const d = editDistance(form, candidate, typos);
      if (d === 0 || d > typos) return;
      const k = index.byKey.has(candidate) ? candidate : index.surfaceKey.get(candidate);
      if (k !== undefined && k !== key) setBest(out, k, d === 1 ? 0.8 : 0.65);
    };
    for (let level = 0; level <= typos; level++) {
      for (const q of level === 0 ? [form] : deletions(form, level)) {
        if (level > 0 && (index.byKey.has(q) || index.surfaceKey.has(q))) consider(q);
        for (const k of index.deletes.get(q) ?? []) consider(k);
      }
    }
  }
  return out;
}

export interface NameHit {
  entry: number;
  docId: number;
  /** 0..1: how well the whole query matched this name or title. */
  score: number;
}

const MAX_DRIVER_POSTINGS = 400;
const RERANK = 12;

/**
 * Entries whose keys match every query word. Words are matched independently, so
 * order ("Watanabe Shigehiro" / "Shigehiro Watanabe") does not matter.
 */
export function lookupNames(
  index: NameIndex,
  queryWords: readonly string[],
  lastIsPrefix: boolean,
  accept: (entry: NameEntry) => boolean,
  matchedKeys?: Set<string>,
): NameHit[] {
  if (queryWords.length === 0) return [];
  const perWord = queryWords.map((w, i) => matchWord(index, w, lastIsPrefix && i === queryWords.length - 1));
  if (matchedKeys) for (const m of perWord) for (const k of m.keys()) matchedKeys.add(k);
  const sizes = perWord.map((m) => postingsSize(index, m));
  // Drive from the rarest word; with two or more words, one of them may find nothing
  // (a typo in a two-letter part) as long as the others do.
  const missing = sizes.filter((n) => n === 0).length;
  if (missing > (queryWords.length >= 2 ? 1 : 0) || missing === queryWords.length)
    return fuseScan(index, queryWords).filter((h) => accept(index.entries[h.entry]!));
  let driver = -1;
  for (let i = 0; i < sizes.length; i++) if (sizes[i]! > 0 && (driver < 0 || sizes[i]! < sizes[driver]!)) driver = i;
  const full = score(index, perWord, driver, missing, accept);
  // Nobody matches every word: forgive one word entirely ("Li Won-ha" for Lim Won-ha).
  const scored = full.size > 0 || missing > 0 || queryWords.length < 2 ? full : bestPartial(index, perWord, accept);
  const ranked = [...scored].sort((a, b) => b[1] - a[1]).slice(0, RERANK);
  return rerankWithFuse(index, ranked, queryWords);
}

function bestPartial(index: NameIndex, perWord: KeyMatches[], accept: (e: NameEntry) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  perWord.forEach((_, skip) => {
    const rest = perWord.filter((__, i) => i !== skip);
    const sizes = rest.map((m) => postingsSize(index, m));
    let driver = 0;
    for (let i = 1; i < sizes.length; i++) if (sizes[i]! < sizes[driver]!) driver = i;
    if (sizes[driver] === 0) return;
    for (const [e, s] of score(index, rest, driver, 0, accept)) {
      const partial = (s * rest.length) / perWord.length;
      if ((out.get(e) ?? 0) < partial) out.set(e, partial);
    }
  });
  return out;
}

function postingsSize(index: NameIndex, m: KeyMatches): number {
  let n = 0;
  for (const k of m.keys()) n += index.byKey.get(k)?.length ?? 0;
  return n;
}

function score(
  index: NameIndex,
  perWord: KeyMatches[],
  driver: number,
  allowedMisses: number,
  accept: (e: NameEntry) => boolean,
): Map<number, number> {
  const scored = new Map<number, number>();
  let visited = 0;
  for (const key of perWord[driver]!.keys()) {
    for (const e of index.byKey.get(key) ?? []) {
      if (scored.has(e)) continue;
      if (++visited > MAX_DRIVER_POSTINGS) break;
      const entry = index.entries[e]!;
      if (!accept(entry)) continue;
      let total = 0;
      let misses = 0;
      for (const m of perWord) {
        let best = 0;
        for (const k of entry.keys) best = Math.max(best, m.get(k) ?? 0);
        if (best === 0 && ++misses > allowedMisses) break;
        total += best;
      }
      if (misses > allowedMisses) continue;
      // A name matched in full beats one of which the query covered only a part.
      const coverage = Math.min(1, perWord.length / entry.keys.length);
      scored.set(e, (total / perWord.length) * (0.9 + 0.1 * coverage));
    }
  }
  return scored;
}

/** fuse.js on a handful of candidates: a tie-breaker that rewards matching the query as typed. */
function rerankWithFuse(index: NameIndex, ranked: [number, number][], queryWords: readonly string[]): NameHit[] {
  if (ranked.length <= 1) return ranked.map(([e, s]) => ({ entry: e, docId: index.entries[e]!.docId, score: s }));
  const fuse = new Fuse(
    ranked.map(([e]) => index.entries[e]!),
    { keys: ['spelled'], includeScore: true, ignoreLocation: true, threshold: 1 },
  );
  const fuseScore = new Map<NameEntry, number>();
  for (const r of fuse.search(queryWords.join(' ').slice(0, 32))) fuseScore.set(r.item, r.score ?? 1);
  return ranked
    .map(([e, s]) => {
      const entry = index.entries[e]!;
      return { entry: e, docId: entry.docId, score: s * (0.9 + 0.1 * (1 - (fuseScore.get(entry) ?? 1))) };
    })
    .sort((a, b) => b.score - a.score);
}

function queryKeyString(queryWords: readonly string[]): string {
  return queryWords.map(nameKey).join(' ');
}

/** The last resort in a small pack: fuse.js over every name, for queries too garbled for the keys. */
function fuseScan(index: NameIndex, queryWords: readonly string[]): NameHit[] {
  const q = queryKeyString(queryWords);
  if (index.entries.length > FUSE_SCAN_LIMIT || q.length < 3 || q.length > 32 || hasCjk(q)) return [];
  index.fuse ??= new Fuse(index.entries, {
    keys: ['display'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.3,
  });
  return index.fuse
    .search(q, { limit: 5 })
    .map((r) => ({ entry: r.refIndex, docId: r.item.docId, score: 0.55 * (1 - (r.score ?? 1)) }));
}

/** Spellings found in person names for a query word, typos corrected: extra terms for full-text search. */
export function personSpellingsFor(index: NameIndex, word: string): string[] {
  const matches = matchWord(index, word, false);
  const key = nameKey(word);
  const exactKnown = index.personSpellings.has(key);
  const out: string[] = [];
  for (const [k, sim] of matches) {
    if (exactKnown && sim < 1) continue; // a correctly spelt name needs no typo correction
    for (const s of index.personSpellings.get(k) ?? []) if (s !== fold(word)) out.push(s);
  }
  return out;
}
