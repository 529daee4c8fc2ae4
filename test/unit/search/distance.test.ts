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
