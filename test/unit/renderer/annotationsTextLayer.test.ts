import { describe, expect, it } from 'vitest';
import { parseMarkdown, plainTextOf } from '../../../shared/markdown';
import { formatRoute, href, parseHash } from '../../../renderer/lib/routes';
import {
  findPassages,
  leafStarts,
  splitLeaf,
  type HighlightRange,
} from '../../../renderer/features/annotations/textLayer';

const hl = (id: string, start: number, end: number, color = 'yellow'): HighlightRange => ({
  id,
  start,
  end,
  color,
  hasNote: false,
});

describe('leaf offsets', () => {
  it('gives every text leaf the start plainTextOf gives it, so the screen and the core agree', () => {
    const source = 'He is **economic security** minded.\n\n- one `code`\n- two\n\n| a | b |\n| - | - |\n| c | d |\n';
    const root = parseMarkdown(source);
    const { text, starts } = leafStarts(root);
    expect(text).toBe(plainTextOf(root).text);
    for (const [node, start] of starts) {
      const value = 'value' in node ? String(node.value) : '';
      expect(text.slice(start, start + value.length)).toBe(value);
    }
    expect(starts.size).toBe(plainTextOf(root).leaves.length);
  });
});

describe('splitLeaf', () => {
  it('leaves an untouched leaf whole', () => {
    expect(splitLeaf('hello world', 10, [hl('a', 0, 5)])).toEqual([{ text: 'hello world', start: 10, covering: [] }]);
  });

  it('cuts at highlight edges inside the leaf, including ones that start before or end after it', () => {
    const segments = splitLeaf('abcdefghij', 100, [hl('a', 95, 103), hl('b', 105, 200)]);
    expect(segments.map((s) => [s.text, s.covering.map((h) => h.id)])).toEqual([
      ['abc', ['a']],
      ['de', []],
      ['fghij', ['b']],
    ]);
  });

  it('keeps overlapping highlights on the overlap, latest last', () => {
    const segments = splitLeaf('abcdef', 0, [hl('a', 0, 4), hl('b', 2, 6)]);
    expect(segments.map((s) => [s.text, s.covering.map((h) => h.id)])).toEqual([
      ['ab', ['a']],
      ['cd', ['a', 'b']],
      ['ef', ['b']],
    ]);
  });

  it('the segments always join back to the leaf text', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    const segments = splitLeaf(text, 7, [hl('a', 10, 20), hl('b', 15, 30), hl('c', 40, 60)]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });
});

describe('findPassages (the keyboard route)', () => {
  const text = 'He is pragmatic, data-driven\nand impatient. Pragmatic again.';

  it('finds words across line and space differences, case-insensitively', () => {
    expect(findPassages(text, 'data-driven and')).toEqual([{ start: 17, end: 32 }]);
    expect(findPassages(text, 'pragmatic').map((m) => text.slice(m.start, m.end))).toEqual(['pragmatic', 'Pragmatic']);
  });

  it('needs three characters and treats regex characters literally', () => {
    expect(findPassages(text, 'he')).toEqual([]);
    expect(findPassages('a (b) c', '(b)')).toEqual([{ start: 2, end: 5 }]);
  });
});

describe('the My notes route', () => {
  it('parses #/notes with its filters and formats it back', () => {
    const route = parseHash('#/notes?status=orphaned');
    expect(route).toEqual({ name: 'my-notes', query: { status: 'orphaned' } });
    expect(formatRoute(route)).toBe('#/notes?status=orphaned');
    expect(href.myNotes()).toBe('#/notes');
  });
});
