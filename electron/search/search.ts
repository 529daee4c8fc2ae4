// One search over every installed pack and the reader's notes: the name index
// (names.ts) for forgiving name and title matches, FTS5 bm25 for text, merged into one
// ranking with a snippet and a deep-link anchor per hit.
import type { SearchHit, SearchKind, SearchResults } from '../../shared/api';
import type { Db } from '../store/db';
import { stmt } from './statements';
import { catchUp, countryToken, kindToken } from './indexer';
import { lookupNames } from './name-lookup';
import {
  buildNameIndex,
  buildVocabulary,
  matchWord,
  personSpellingsFor,
  type KeyMatches,
  type NameIndex,
  type Vocabulary,
} from './names';
import { ftsExpression, isEmpty, parseQuery, splitTyping, type ParsedQuery } from './query';
import { fullText } from './fulltext';
import { makeHits } from './hits';
import { compileMatcher, makeHighlighter } from './snippet';
import { fold, hasCjk, words } from './text';

export interface SearchParams {
  query: string;
  packId?: string;
  kinds?: readonly SearchKind[];
  country?: string;
  limit?: number;
}

export const DEFAULT_LIMIT = 30;
export { FTS_CAP } from './fulltext';
/** A name match outranks any text match: type a person's name and the person comes first. */
const NAME_WEIGHT = 2;
/** Titles are matched forgivingly too, but a title word one typo away is weaker evidence than exact text. */
const KIND_WEIGHT: Record<SearchKind, number> = {
  official: 1,
  meeting: 0.3,
  'talking-point': 0.3,
  note: 0.3,
  annotation: 0.3,
};

interface PackScope {
  pack_id: string;
  pack_no: number;
  generation: number;
}

const nameIndexes = new WeakMap<Db, Map<string, { generation: number; index: NameIndex }>>();

/** The pack's name index, rebuilt when the pack's index generation moved on. */
export function nameIndexFor(db: Db, pack: PackScope): NameIndex {
  let perDb = nameIndexes.get(db);
  if (!perDb) nameIndexes.set(db, (perDb = new Map()));
  const cached = perDb.get(pack.pack_id);
  if (cached && cached.generation === pack.generation) return cached.index;
  const index = buildNameIndex(db, pack.pack_id);
  perDb.set(pack.pack_id, { generation: pack.generation, index });
  return index;
}

const vocabularies = new WeakMap<Db, { generations: string; vocabulary: Vocabulary }>();

/**
 * The vocabulary of every installed pack, rebuilt when any of them changed. A search in
 * one pack uses it too: whether a word is spelt so somewhere is a fact of the library.
 */
function vocabularyFor(db: Db, installed: readonly PackScope[]): Vocabulary {
  const generations = installed.map((p) => `${p.pack_no}@${p.generation}`).join(' ');
  const cached = vocabularies.get(db);
  if (cached?.generations === generations) return cached.vocabulary;
  const vocabulary = buildVocabulary(installed.map((p) => nameIndexFor(db, p)));
  vocabularies.set(db, { generations, vocabulary });
  return vocabulary;
}

/** Forget cached name indexes of packs no longer installed. */
function pruneNameIndexes(db: Db, installed: readonly PackScope[]): void {
  const perDb = nameIndexes.get(db);
  if (!perDb) return;
  const ids = new Set(installed.map((p) => p.pack_id));
  for (const id of perDb.keys()) if (!ids.has(id)) perDb.delete(id);
}

interface PackScopes {
  /** Every pack ever indexed: it keeps its number, since annotations outlive a removed pack. */
  known: PackScope[];
  installed: PackScope[];
}

const scopesByDb = new WeakMap<Db, { mark: string; scopes: PackScopes }>();

/** The packs to search, read again only after something was written. */
function packScopes(db: Db, mark: string): PackScopes {
  const cached = scopesByDb.get(db);
  if (cached?.mark === mark) return cached.scopes;
  const known = stmt(
    db,
    'SELECT pack_id, pack_no, generation, indexed_version FROM search_packs',
  ).all() as (PackScope & {
    indexed_version: number | null;
  })[];
  const scopes = { known, installed: known.filter((p) => p.indexed_version !== null) };
  pruneNameIndexes(db, scopes.installed);
  scopesByDb.set(db, { mark, scopes });
  return scopes;
}

/**
 * Building what search keeps in memory, one step per pack and one for the vocabulary,
 * so it can be done ahead of the first query without one long pause (prepare.ts).
 */
export function indexBuildSteps(db: Db): (() => void)[] {
  const { installed } = packScopes(db, catchUp(db));
  return [
    ...installed.map((pack) => (): void => void nameIndexFor(db, pack)),
    (): void => void vocabularyFor(db, installed),
  ];
}

interface Candidate {
  docId: number;
  name: number;
  fts: number;
}

export function search(db: Db, params: SearchParams): SearchResults {
  const started = performance.now();
  const done = (hits: SearchHit[]): SearchResults => ({ hits, tookMs: round(performance.now() - started) });
  const mark = catchUp(db);
  const q = parseQuery(params.query);
  if (isEmpty(q)) return done([]);
  const limit = Math.max(1, Math.min(params.limit ?? DEFAULT_LIMIT, 500));
  const kinds = params.kinds && params.kinds.length > 0 ? new Set(params.kinds) : null;
  const country = params.country?.trim() ? fold(params.country.trim()) : null;

  const { known, installed } = packScopes(db, mark);
  const packs = params.packId ? installed.filter((p) => p.pack_id === params.packId) : installed;
  const scopePack = params.packId ? known.find((p) => p.pack_id === params.packId) : undefined;
  if (params.packId && !scopePack) return done([]);

  const candidates = new Map<number, Candidate>();
  const matchedKeys = new Set<string>();
  const alternatives = new Map<string, string[]>();
  // 1. Names and titles, forgiving (phrases in quotes ask for exact text: FTS alone).
  if (q.phrases.length === 0) {
    const names = { vocabulary: vocabularyFor(db, installed), indexes: packs.map((p) => nameIndexFor(db, p)) };
    nameCandidates(params.query, q, names, { kinds, country }, candidates, matchedKeys, alternatives);
  }

  // 2. Full text, bm25, with the filters inside the MATCH.
  const expr = ftsExpression(q, alternatives);
  if (expr) {
    const filters: string[] = [];
    if (kinds) filters.push(`scope : (${[...kinds].map((k) => `"${kindToken(k)}"`).join(' OR ')})`);
    if (scopePack) filters.push(`scope : "xp${scopePack.pack_no}"`);
    if (country) filters.push(`scope : "${countryToken(country).replace(/"/g, '""')}"`);
    const query = {
      expr,
      whole: ftsExpression(q, alternatives, { wholeWords: true }),
      typing: splitTyping(q, alternatives),
    };
    for (const [docId, fts] of fullText(db, query, filters, q.phrases.length > 0)) {
      const c = candidates.get(docId);
      if (c) c.fts = fts;
      else candidates.set(docId, { docId, name: 0, fts });
    }
  }

  // 3. Rank, one hit per item (its best document), and cut snippets for the ones shown.
  const ranked = [...candidates.values()]
    .map((c) => ({ docId: c.docId, score: NAME_WEIGHT * c.name + c.fts }))
    .sort((a, b) => b.score - a.score || a.docId - b.docId);
  const matcher = compileMatcher(makeHighlighter(q, matchedKeys, alternatives));
  const hits = makeHits(db, ranked, limit, matcher);
  return done(hits);
}

/**
 * Name-index matches become candidates; spellings of people's names found for a query
 * word (Ohno → Ōno, Watanbe → Watanabe) become alternatives for the full-text query.
 */
function nameCandidates(
  raw: string,
  q: ParsedQuery,
  names: { vocabulary: Vocabulary; indexes: readonly NameIndex[] },
  filter: { kinds: Set<SearchKind> | null; country: string | null },
  candidates: Map<number, Candidate>,
  matchedKeys: Set<string>,
  alternatives: Map<string, string[]>,
): void {
  const { kinds, country } = filter;
  const { vocabulary, indexes } = names;
  // Hyphenated name parts are looked up joined ("Dong-ha" as "dongha"): a typo in a
  // two-letter part is then one typo in a word long enough to forgive it.
  const nameWords = words(raw.replace(/(\p{L})[-‐]+(?=\p{L})/gu, '$1')).slice(0, q.words.length);
  // Each word's matches, computed once: the lookup and the alternatives share them.
  const cache = new Map<string, KeyMatches>();
  const matchesOf = (word: string, prefix: boolean): KeyMatches => {
    const id = `${prefix ? '*' : ''}${word}`;
    let m = cache.get(id);
    if (!m) cache.set(id, (m = matchWord(vocabulary, word, prefix, vocabulary.surfaceKey.has(word))));
    return m;
  };
  const lastIsPrefix = q.lastIsPrefix;
  const matches = nameWords.map((w, i) => matchesOf(w, lastIsPrefix && i === nameWords.length - 1));
  for (const m of matches) for (const k of m.keys()) matchedKeys.add(k);
  const hits = lookupNames(indexes, {
    typed: q.words,
    words: nameWords,
    lastIsPrefix,
    matches,
    known: (i) => vocabulary.surfaceKey.has(nameWords[i]!),
    accept: (e) => (!kinds || kinds.has(e.kind)) && (!country || (e.country !== null && fold(e.country) === country)),
  });
  for (const hit of hits)
    candidates.set(hit.docId, { docId: hit.docId, name: hit.score * KIND_WEIGHT[hit.entry.kind], fts: 0 });
  const latinWords = q.words.filter((w) => !hasCjk(w));
  latinWords.forEach((w, i) => {
    if (q.lastIsPrefix && i === latinWords.length - 1 && w === q.words[q.words.length - 1]) return;
    const spellings = personSpellingsFor(vocabulary, w, matchesOf(w, false));
    if (spellings.length > 0) alternatives.set(w, spellings.slice(0, 8));
  });
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
