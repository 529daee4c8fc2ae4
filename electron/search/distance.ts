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
 * entry must exceed `max`.
 */
function lastRow(a: string, b: string, n: number, max: number): number[] | null {
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return null;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev;
}

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
