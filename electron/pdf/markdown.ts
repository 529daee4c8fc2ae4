// Markdown bodies, drawn from the same mdast AST the screen renders (shared/markdown.ts):
// headings, paragraphs, lists, emphasis, links, block quotes, tables, code. The reader's
// highlights are character ranges of `plainTextOf` and are painted onto the text leaves.
import type { Nodes, PhrasingContent, RootContent } from 'mdast';
import { classifyLink, parseMarkdown, plainTextOf } from '../../shared/markdown';
import type { CjkLang } from './fonts';
import type { Span, Style } from './inline';
import { drawTable } from './table';
import { COLORS, HIGHLIGHTS, TYPE } from './theme';
import type { PageWriter } from './writer';

export interface Highlight {
  start: number;
  end: number;
  color: string;
  /** Number of the note shown beside the passage, if it has one. */
  marker: number | null;
}

export interface MarkdownContext {
  /** Named destination for a pack-internal link, or null when that item is not in this brief. */
  resolve(folder: string, id: string): string | null;
  lang: CjkLang;
  highlights?: Highlight[];
  /** The item's title: a body opening with the same heading ("# Glossary") does not repeat it. */
  title?: string;
}

interface Inline {
  style: Style;
  leafStart: Map<Nodes, number>;
  ctx: MarkdownContext;
}

const BASE: Style = { size: TYPE.body.size, color: COLORS.ink };

export function drawMarkdown(w: PageWriter, source: string, ctx: MarkdownContext): void {
  const root = parseMarkdown(source);
  const leafStart = new Map<Nodes, number>();
  if (ctx.highlights?.length) for (const leaf of plainTextOf(root).leaves) leafStart.set(leaf.node, leaf.start);
  let children = root.children;
  const first = children[0];
  if (ctx.title && first?.type === 'heading' && first.depth === 1) {
    const heading = plainTextOf({ type: 'root', children: [first] })
      .text.trim()
      .toLowerCase();
    if (heading && ctx.title.toLowerCase().startsWith(heading)) children = children.slice(1);
  }
  children.forEach((node, i) =>
    drawBlock(w, node, children[i + 1], { style: { ...BASE, lang: ctx.lang }, leafStart, ctx }),
  );
}

function drawBlock(w: PageWriter, node: RootContent, next: RootContent | undefined, inl: Inline): void {
  switch (node.type) {
    case 'paragraph':
      w.paragraph(spansOf(node.children, inl), { after: 5 });
      return;
    case 'heading': {
      const t = node.depth <= 2 ? TYPE.h3 : TYPE.h4;
      const spans = spansOf(node.children, {
        ...inl,
        style: { ...inl.style, size: t.size, bold: true, color: COLORS.accent },
      });
      const h = w.measure(spans, t.leading);
      w.space(node.depth <= 2 ? 6 : 3);
      w.ensure(h + 2 + followHeight(w, next, inl));
      w.paragraph(spans, { leading: t.leading, after: 2 });
      return;
    }
    case 'list': {
      let n = node.start ?? 1;
      for (const item of node.children) {
        const marker = node.ordered ? `${n++}.` : '•';
        w.indent += 14;
        w.marker = w.layout([
          { text: marker, style: { ...inl.style, color: node.ordered ? COLORS.ink : COLORS.accent } },
        ])[0]!;
        const kids = item.children;
        kids.forEach((child, i) => {
          if (child.type === 'paragraph')
            w.paragraph(spansOf(child.children, inl), { after: i === kids.length - 1 ? 2 : 4 });
          else drawBlock(w, child, kids[i + 1], inl);
        });
        w.marker = null;
        w.indent -= 14;
      }
      w.space(4);
      return;
    }
    case 'blockquote': {
      w.pushBar();
      const quoted = { ...inl, style: { ...inl.style, color: COLORS.muted, italic: true } };
      node.children.forEach((child, i) => drawBlock(w, child, node.children[i + 1], quoted));
      w.popBar();
      return;
    }
    case 'table': {
      const [head, ...body] = node.children;
      const cell = (c: { children: PhrasingContent[] }, bold: boolean): Span[] =>
        spansOf(c.children, { ...inl, style: { ...inl.style, size: TYPE.body.size - 0.5, bold } });
      w.space(2);
      drawTable(w, {
        header: head ? head.children.map((c) => cell(c, true)) : null,
        rows: body.map((r) => r.children.map((c) => cell(c, false))),
        align: node.align ?? undefined,
      });
      w.space(8);
      return;
    }
    case 'code': {
      const spans = [{ text: node.value, style: { ...inl.style, size: TYPE.small.size, color: COLORS.ink } }];
      w.paragraph(spans, { leading: 1.4, after: 6, x: 8 });
      return;
    }
    case 'thematicBreak':
      w.space(4);
      w.ensure(10);
      w.rule();
      w.space(8);
      return;
    case 'html':
      w.paragraph([{ text: node.value, style: inl.style }], { after: 5 });
      return;
    default:
      return;
  }
}

/** What a heading must keep with it: the first two lines of what follows. */
function followHeight(w: PageWriter, next: RootContent | undefined, inl: Inline): number {
  if (!next) return 0;
  if (next.type === 'paragraph') return w.firstLines(spansOf(next.children, inl), 2);
  if (next.type === 'list') return TYPE.body.size * TYPE.body.leading * 2;
  if (next.type === 'table') return TYPE.body.size * 1.35 * 2 + 14;
  return TYPE.body.size * TYPE.body.leading * TYPE.keepWithHeading;
}

export function spansOf(nodes: PhrasingContent[], inl: Inline): Span[] {
  const out: Span[] = [];
  const visit = (node: PhrasingContent, style: Style): void => {
    switch (node.type) {
      case 'text':
        // A soft line break in the source is a space on the page (same length: offsets hold).
        pushText(out, node, node.value.replace(/\n/g, ' '), style, inl);
        return;
      case 'inlineCode':
        pushText(out, node, node.value, { ...style, color: COLORS.accent }, inl);
        return;
      case 'break':
        out.push({ text: '\n', style });
        return;
      case 'emphasis':
        for (const c of node.children) visit(c, { ...style, italic: true });
        return;
      case 'strong':
        for (const c of node.children) visit(c, { ...style, bold: true });
        return;
      case 'delete':
        for (const c of node.children) visit(c, { ...style, color: COLORS.faint });
        return;
      case 'link': {
        const target = classifyLink(node.url);
        let linkStyle: Style = style;
        if (target.type === 'item') {
          const dest = inl.ctx.resolve(target.folder, target.id);
          if (dest) linkStyle = { ...style, color: COLORS.link, goTo: dest };
        } else if (target.type === 'external')
          linkStyle = { ...style, color: COLORS.link, link: target.url, underline: true };
        for (const c of node.children) visit(c, linkStyle);
        return;
      }
      case 'image':
        pushText(out, node, node.alt ?? '', style, inl);
        return;
      case 'html':
        pushText(out, node, node.value, style, inl);
        return;
      default:
        if ('children' in node) for (const c of node.children as PhrasingContent[]) visit(c, style);
    }
  };
  for (const n of nodes) visit(n, inl.style);
  return out;
}

function pushText(out: Span[], node: Nodes, text: string, style: Style, inl: Inline): void {
  const start = inl.leafStart.get(node);
  const highlights = inl.ctx.highlights;
  if (start === undefined || !highlights?.length) {
    out.push({ text, style });
    return;
  }
  const end = start + text.length;
  let pos = start;
  for (const h of highlights) {
    if (h.end <= pos || h.start >= end) continue;
    const a = Math.max(h.start, pos);
    const b = Math.min(h.end, end);
    if (a > pos) out.push({ text: text.slice(pos - start, a - start), style });
    out.push({
      text: text.slice(a - start, b - start),
      style: { ...style, highlight: HIGHLIGHTS[h.color] ?? HIGHLIGHTS.yellow },
    });
    if (h.marker !== null && b === h.end) {
      out.push({
        text: `[${h.marker}]`,
        style: { ...style, size: style.size * 0.72, bold: true, color: COLORS.accent, highlight: undefined },
      });
    }
    pos = b;
  }
  if (pos < end) out.push({ text: text.slice(pos - start), style });
}
