import { describe, expect, it } from 'vitest';
import { editDistance, prefixDistance } from '../../../electron/search/distance';

describe('prefixDistance', () => {
  it('is the least distance to the beginnings of the given lengths', () => {
    const names = ['watanabe shigehiro', 'shigehiro watanabe', 'wat', 'w', '', '渡辺 重宏', 'yoon suk-yeol'];
    const typed = ['watanbe shige', 'shigehiro wa', 'wt', 'w', 'x', '渡辺', 'yun suk'];
    for (const a of typed)
      for (const b of names)
        for (const max of [0, 1, 2, 5, 20]) {
          let expected = max + 1;
          for (let len = a.length - 1; len <= a.length + 1; len++)
            if (len >= 0) expected = Math.min(expected, editDistance(a, b.slice(0, len), max));
          expect(prefixDistance(a, b, a.length - 1, a.length + 1, max), `${a} / ${b} / ${max}`).toBe(expected);
        }
  });
});

/** The whole optimal-string-alignment table, no early exit: what editDistance must agree with. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('agrees with the full table up to max, on short and long words', () => {
    let seed = 1;
    const random = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const word = (max: number): string =>
      Array.from({ length: Math.floor(random() * max) }, () => 'abcé渡'[Math.floor(random() * 5)]).join('');
    // Long words first and short ones after: the rows the distance reuses must not leak.
    const pairs = [
      ...Array.from({ length: 300 }, () => [word(90), word(90)]),
      ...Array.from({ length: 3000 }, () => [word(9), word(9)]),
    ];
    for (const [a, b] of pairs)
      for (const max of [0, 1, 2, 3]) {
        const exact = referenceDistance(a!, b!);
        const d = editDistance(a!, b!, max);
        // Beyond max it only promises "more than max".
        if (exact <= max) expect(d, `${a} / ${b} / ${max}`).toBe(exact);
        else expect(d, `${a} / ${b} / ${max}`).toBeGreaterThan(max);
      }
  });
});
