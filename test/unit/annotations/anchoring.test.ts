import { describe, expect, it } from 'vitest';
import {
  anchorFits,
  buildAnchor,
  CONTEXT_LENGTH,
  reanchor,
  resolveAnchor,
  trimSelection,
} from '../../../shared/anchoring';
import { EDIT_TABLE, overlap, RIGHT_PLACE_OVERLAP, unmark } from '../../fixtures/annotations/editTable';

describe('buildAnchor', () => {
  const text = 'Alpha beta gamma delta epsilon.';

  it('stores the quote, its context and its position', () => {
    const a = buildAnchor(text, 6, 16);
    expect(a).toEqual({ quote: 'beta gamma', prefix: 'Alpha ', suffix: ' delta epsilon.', start: 6, end: 16 });
    expect(anchorFits(text, a)).toBe(true);
  });

  it('trims white space from the ends of the selection', () => {
    expect(trimSelection(text, 5, 17)).toEqual({ start: 6, end: 16 });
    expect(buildAnchor(text, 5, 17).quote).toBe('beta gamma');
  });

  it('keeps at most CONTEXT_LENGTH characters of context', () => {
    const long = `${'x'.repeat(100)}QUOTE${'y'.repeat(100)}`;
    const a = buildAnchor(long, 100, 105);
    expect(a.prefix).toHaveLength(CONTEXT_LENGTH);
    expect(a.suffix).toHaveLength(CONTEXT_LENGTH);
  });

  it('refuses empty, out-of-bounds and white-space-only selections', () => {
    expect(() => buildAnchor(text, 3, 3)).toThrow(RangeError);
    expect(() => buildAnchor(text, -1, 4)).toThrow(/not inside/);
    expect(() => buildAnchor(text, 0, text.length + 1)).toThrow(/not inside/);
    expect(() => buildAnchor('a    b', 1, 5)).toThrow(/white space/);
    expect(() => buildAnchor('x'.repeat(6000), 0, 5001)).toThrow(/at most 5000/);
  });
});

describe('resolveAnchor over the edit table', () => {
  for (const c of EDIT_TABLE) {
    it(`${c.category}: ${c.name}`, () => {
      const before = unmark(c.before);
      const after = unmark(c.after);
      const anchor = buildAnchor(before.text, before.range!.start, before.range!.end);
      const match = resolveAnchor(after.text, anchor);
      if (after.range === null) {
        expect(
          match,
          `should be orphaned, was placed on "${match && after.text.slice(match.start, match.end)}"`,
        ).toBeNull();
        return;
      }
      expect(match, 'should be re-anchored').not.toBeNull();
      const got = { start: match!.start, end: match!.end };
      expect(
        overlap(got, after.range),
        `placed on "${after.text.slice(got.start, got.end)}" instead of "${after.text.slice(after.range.start, after.range.end)}"`,
      ).toBeGreaterThanOrEqual(RIGHT_PLACE_OVERLAP);
      if (c.category === 'unchanged') expect(match!.method).toBe('exact');
      if (['inserted before', 'paragraph moved', 'inserted after'].includes(c.category))
        expect(got).toEqual(after.range);
    });
  }
});

describe('reanchor', () => {
  it('rebuilds quote and context at the new place', () => {
    const before = 'The minister will raise the trade deficit with his counterpart.';
    const after = 'Intro. The minister will raise the growing trade deficit with his counterpart.';
    const anchor = buildAnchor(before, 4, 41);
    const out = reanchor(after, anchor);
    expect(out?.match.method).toBe('fuzzy');
    expect(out?.anchor.quote).toBe('minister will raise the growing trade deficit');
    expect(anchorFits(after, out!.anchor)).toBe(true);
    expect(out!.match.quality).toBeGreaterThan(0.7);
  });

  it('reports 1.0 quality for an untouched text', () => {
    const t = 'one two three four five';
    const out = reanchor(t, buildAnchor(t, 4, 13));
    expect(out?.match).toEqual({ start: 4, end: 13, method: 'exact', quality: 1 });
  });

  it('picks the occurrence nearest the old position among identical ones', () => {
    const unit = 'Same words here. ';
    const text = unit.repeat(10);
    const anchor = buildAnchor(text, unit.length * 6, unit.length * 6 + 15);
    const shifted = `Intro. ${text}`;
    const m = resolveAnchor(shifted, anchor);
    expect(m?.start).toBe(unit.length * 6 + 7);
  });

  it('never throws on odd input', () => {
    const anchor = buildAnchor('日本語のテキスト、田中大臣。', 5, 9);
    expect(resolveAnchor('', anchor)).toBeNull();
    expect(resolveAnchor('日本語のテキスト、田中大臣。', anchor)?.method).toBe('exact');
    expect(resolveAnchor('前置き。日本語のテキスト、田中大臣。', anchor)?.start).toBe(9);
  });
});
