// Full-text matches with a relevance in [0, 1). bm25 reads every row of every term to
// weigh it, which for a word in most documents costs tens of milliseconds. So a cheap
// unranked probe comes first: a query matching more than FTS_CAP rows is "broad" and
// its first FTS_CAP rows are ranked by where they matched (name, heading, body)
// instead; the reader then narrows it down by typing on.
import type { Db } from '../store/db';
import { stmt } from './statements';

/** FTS5 rows read per query. Up to this many matches the ranking is exact; beyond, it ranks the first ones read. */
export const FTS_CAP = 500;
/** bm25 weights of names, heading, body, scope. */
const BM25 = 'bm25(search_fts, 8.0, 4.0, 1.0, 0.0)';

export interface FullTextQuery {
  /** The MATCH expression (query.ts). */
  expr: string;
  /** The same with the word being typed matched only whole. */
  whole: string | null;
  /** A short word being typed alone, and the complete words (splitTyping). */
  typing: { typing: string; complete: string } | null;
}

/**
 * Document rowid → relevance. `filters` are MATCH clauses ANDed to every expression;
 * `phrases`: the query has quoted phrases, which are ranked directly (a phrase is
 * checked position by position in every row its words share, probe or not, so probing
 * first would do that work twice).
 */
export function fullText(
  db: Db,
  query: FullTextQuery,
  filters: readonly string[],
  phrases: boolean,
): [number, number][] {
  const match = (expr: string): string => [expr, ...filters].join(' AND ');
  const probe = (expr: string): number[] =>
    stmt(db, `SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ${FTS_CAP + 1}`)
      .pluck()
      .all(match(expr)) as number[];
  if (phrases) return bm25Ranked(db, match(query.expr));
  // A prefix makes FTS5 merge the doclists of every word it begins before it returns a
  // row (1 ms for "security" at 10,000 items, 0.17 ms for the word alone), and its rows
  // include the whole word's. So the whole word is probed first: when it alone is
  // broad, the query is, and its rows, which hold the word as typed, are the ones ranked.
  const { expr, whole, typing } = query;
  const wholeRows = whole !== null && whole !== expr ? probe(whole) : [];
  if (wholeRows.length > FTS_CAP) return rankedByWhereMatched(db, match, whole!, wholeRows);
  const rows = probe(expr);
  if (rows.length > FTS_CAP) return rankedByWhereMatched(db, match, expr, rows);
  if (rows.length === 0) return [];
  if (typing && probe(typing.typing).length > FTS_CAP) return rankedByCompleteWords(db, typing.complete, rows);
  return bm25Ranked(db, match(expr));
}

const relevance = (bm25: number): number => -bm25 / (-bm25 + 4);

function bm25Ranked(db: Db, match: string): [number, number][] {
  const rows = stmt(db, `SELECT rowid, ${BM25} FROM search_fts WHERE search_fts MATCH ? LIMIT ${FTS_CAP}`)
    .raw()
    .all(match) as [number, number][];
  return rows.map(([id, r]) => [id, relevance(r)]);
}

/** A broad query's first rows: names and headings before bodies. */
function rankedByWhereMatched(
  db: Db,
  match: (expr: string) => string,
  expr: string,
  rows: readonly number[],
): [number, number][] {
  const inHeading = new Set(
    stmt(db, `SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ${FTS_CAP}`)
      .pluck()
      .all(match(`{names heading} : (${expr.replace(/^\{names heading body\} : /, '')})`)) as number[],
  );
  return [...new Set([...inHeading, ...rows.slice(0, FTS_CAP)])].map((id) => [id, inHeading.has(id) ? 0.4 : 0.2]);
}

/**
 * bm25 weighs each term by counting the rows that hold it: for a prefix of two or three
 * letters, every row of every word it begins ("yoon se": 3.6 ms at 100,000 items, the
 * rows found in 0.7). While such a prefix is typed, its rows are ranked by the words
 * already complete ("yoon"), which say what the reader is after. The unary plus keeps
 * SQLite from handing the rowids to FTS5, which would run the MATCH once per rowid
 * (12 ms instead of 0.7).
 */
function rankedByCompleteWords(db: Db, complete: string, rows: readonly number[]): [number, number][] {
  const scores = new Map(
    stmt(
      db,
      `SELECT rowid, ${BM25} FROM search_fts WHERE search_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
    )
      .raw()
      .all(complete, JSON.stringify(rows)) as [number, number][],
  );
  return rows.map((id) => [id, relevance(scores.get(id) ?? 0)]);
}
