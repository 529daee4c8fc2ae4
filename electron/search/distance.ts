// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions),
// giving up early once the distance must exceed `max`.

export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  return lastRow(a, b, b.length, max)?.[b.length] ?? max + 1;
}

/**
 * The last row of the alignment table of `a` against the first `n` characters of `b`
 * (entry j: the distance from `a` to b's first j characters), or null as soon as every
 * entry must exceed `max`. The row is only valid until the next call: the table's rows
 * are reused, since name lookup computes thousands of small tables per query.
 */
function lastRow(a: string, b: string, n: number, max: number): Int32Array | null {
  if (rows[0]!.length <= n) rows = [0, 1, 2].map(() => new Int32Array(2 * (n + 1))) as typeof rows;
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      if (prev[j]! + 1 < v) v = prev[j]! + 1;
      if (cur[j - 1]! + 1 < v) v = cur[j - 1]! + 1;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj && prev2[j - 2]! + 1 < v) v = prev2[j - 2]! + 1;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return null;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev;
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Every string obtained by deleting exactly `count` characters (deduplicated). */
export function deletions(word: string, count: number): Set<string> {
  let level = new Set([word]);
  for (let c = 0; c < count; c++) {
    const next = new Set<string>();
    for (const w of level) for (let i = 0; i < w.length; i++) next.add(w.slice(0, i) + w.slice(i + 1));
    level = next;
  }
  return level;
}

/**
 * The least distance from `a` to a beginning of `b` between `from` and `to` characters
 * long (a name still being typed, give or take a letter), `max + 1` when all are
 * further than `max`. One table: its last row holds the distance to every beginning.
 */
export function prefixDistance(a: string, b: string, from: number, to: number, max: number): number {
  const n = Math.min(b.length, to);
  const lo = Math.max(0, Math.min(from, n));
  if (a.length - n > max) return max + 1;
  const row = lastRow(a, b, n, max);
  let best = max + 1;
  if (row) for (let j = lo; j <= n; j++) best = Math.min(best, row[j]!);
  return best;
}
