// The pack's Markdown → mdast conversion every consumer shares (screen, PDF, search,
// annotation anchors). These pin the shapes the renderers rely on and the plain text
// annotation offsets are counted in.
import { describe, expect, it } from 'vitest';
import type { Heading, List, Paragraph, Table } from 'mdast';
import { markdownToPlainText, parseMarkdown } from '../../../shared/markdown';

describe('parseMarkdown', () => {
  it('keeps raw HTML as the literal text it is, never as markup', () => {
    const root = parseMarkdown('Hello <script>alert(1)</script> <b>bold</b>\n\n<div onclick="x">block</div>\n');
    expect(JSON.stringify(root)).not.toContain('"type":"html"');
    expect(markdownToPlainText('Hello <script>alert(1)</script>')).toBe('Hello <script>alert(1)</script>');
  });

  it('builds headings, emphasis, strikethrough, code and breaks', () => {
    const root = parseMarkdown(
      '## Red *lines*\n\nKeep ~~quiet~~ `calm`  \nnext\nsame paragraph\n\n```ts\nconst a = 1;\n```\n',
    );
    const [heading, paragraph, code] = root.children as [
      Heading,
      Paragraph,
      { type: string; lang: string; value: string },
    ];
    expect(heading).toMatchObject({ type: 'heading', depth: 2 });
    expect(heading.children.map((c) => c.type)).toEqual(['text', 'emphasis']);
    expect(paragraph.children.map((c) => c.type)).toEqual(['text', 'delete', 'text', 'inlineCode', 'break', 'text']);
    expect(paragraph.children[5]).toEqual({ type: 'text', value: 'next\nsame paragraph' });
    expect(code).toEqual({ type: 'code', lang: 'ts', meta: null, value: 'const a = 1;' });
  });

  it('marks tight and loose lists, task items and ordered starts', () => {
    const tight = parseMarkdown('- [x] booked\n- [ ] confirm\n').children[0] as List;
    expect(tight.spread).toBe(false);
    expect(tight.children.map((i) => i.checked)).toEqual([true, false]);
    expect(markdownToPlainText('- [x] booked\n- [ ] confirm\n')).toBe('booked\nconfirm');
    const loose = parseMarkdown('3. one\n\n4. two\n').children[0] as List;
    expect(loose).toMatchObject({ ordered: true, start: 3, spread: true });
  });

  it('builds GFM tables with column alignment', () => {
    const table = parseMarkdown('| Who | Seat |\n|:--|--:|\n| Tanaka | **3** |\n').children[0] as Table;
    expect(table.align).toEqual(['left', 'right']);
    expect(table.children).toHaveLength(2);
    expect(markdownToPlainText('| Who | Seat |\n|:--|--:|\n| Tanaka | **3** |\n')).toBe('Who\nSeat\nTanaka\n3');
  });

  it('gives links their URL and source line, and images their alt text', () => {
    const root = parseMarkdown(
      'Intro\n\nSee [the minister](../officials/tanaka.md)\nand [site](https://example.org "Site").\n\n![Portrait of *Tanaka*](p.png)\n',
    );
    const links: { url: string; line?: number }[] = [];
    JSON.parse(JSON.stringify(root), (_k, v: { type?: string; url?: string; data?: { line?: number } }) => {
      if (v?.type === 'link') links.push({ url: v.url!, line: v.data?.line });
      return v;
    });
    expect(links).toEqual([
      { url: '../officials/tanaka.md', line: 3 },
      { url: 'https://example.org', line: 4 },
    ]);
    expect(markdownToPlainText('![Portrait of *Tanaka*](p.png)')).toBe('Portrait of Tanaka');
  });

  it('keeps footnote text instead of swallowing it as a link definition', () => {
    expect(markdownToPlainText('Quote[^1].\n\n[^1]: Said in 2026.\n')).toBe('Quote.\nSaid in 2026.');
  });
});
