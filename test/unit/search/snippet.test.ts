import { describe, expect, it } from 'vitest';
import { cutSnippet, type Range } from '../../../electron/search/snippet';

const shown = (text: string, ranges: Range[]): string =>
  cutSnippet(text, ranges)
    .segments.map((s) => (s.match ? `[${s.text}]` : s.text))
    .join('');

describe('snippets of a list of values', () => {
  it('cut the window at a separator, never leaving one beside the ellipsis', () => {
    // Values of different lengths, so that some windows start or end right at a " · ".
    const text = Array.from({ length: 60 }, (_, i) => `topic ${'x'.repeat(i % 7)} ${i}`).join(' · ');
    for (let i = 10; i < 50; i++) {
      const at = text.indexOf(` ${i} ·`) + 1;
      const out = shown(text, [[at, at + String(i).length]]);
      expect(out).toContain(`[${i}]`);
      expect(out).toMatch(/^…[^·\s]/);
      expect(out).toMatch(/[^·\s]…$/);
    }
  });
});
