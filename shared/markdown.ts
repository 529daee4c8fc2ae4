// Pack Markdown is untrusted. It is parsed once into an mdast AST (CommonMark + GFM
// tables, strikethrough, task lists and footnotes; raw HTML is never interpreted, it
// stays literal text) and every consumer (the screen, the PDF, search and annotation
// anchoring) works from that AST, so they all agree on the text.
//
// The parser is markdown-it, whose flat token stream is turned into mdast here. It
// replaced micromark (mdast-util-from-markdown), which parsed ~0.6 MB/s: at 1.7 ms per
// typical item it dominated installing a large pack and exporting a long PDF.
import MarkdownIt, { type MarkdownIt as MarkdownParser, type Token } from 'markdown-it';
import footnotes from 'markdown-it-footnote';

import type { AlignType, List, ListItem, Nodes, Root, Text } from 'mdast';

export type { Root as MarkdownRoot, Nodes as MarkdownNode } from 'mdast';

declare module 'mdast' {
  interface LinkData {
    /** The link's line in the source, counted from 1: the pack checker names it. */
    line?: number;
  }
}

let parser: MarkdownParser | null = null;
function markdownIt(): MarkdownParser {
  // html: false: tags in a pack are shown as the literal text they are, never run.
  parser ??= new MarkdownIt('commonmark', { html: false, linkify: true })
    .enable(['table', 'strikethrough', 'linkify'])
    .use(footnotes);
  return parser;
}

export function parseMarkdown(source: string): Root {
  const root: Root = { type: 'root', children: [] };
  blocks(markdownIt().parse(source, {}), root as unknown as AnyParent);
  return root;
}

// Nodes under construction: mdast's precise types are restored when `parseMarkdown` returns.
interface AnyParent {
  type: string;
  children: unknown[];
  [field: string]: unknown;
}

const TASK = /^\[([ xX])\] /;

/** Block tokens → mdast blocks, appended to `root`. */
function blocks(tokens: Token[], root: AnyParent): void {
  const stack: AnyParent[] = [root];
  const top = () => stack[stack.length - 1]!;
  const open = (node: AnyParent) => {
    top().children.push(node);
    stack.push(node);
  };
  let align: AlignType[] = [];
  const tight = new Set<AnyParent>();
  let line = 1;
  for (const t of tokens) {
    if (t.map) line = t.map[0] + 1;
    switch (t.type) {
      case 'paragraph_open':
        // markdown-it hides the paragraphs of a tight list; mdast calls the rest spread.
        if (t.hidden) tight.add(top());
        open({ type: 'paragraph', children: [] });
        break;
      case 'heading_open':
        open({ type: 'heading', depth: Number(t.tag.slice(1)) as 1, children: [] });
        break;
      case 'blockquote_open':
        open({ type: 'blockquote', children: [] });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const start = ordered ? Number(t.attrGet('start') ?? 1) : null;
        open({ type: 'list', ordered, start, spread: false, children: [] });
        break;
      }
      case 'list_item_open':
        open({ type: 'listItem', spread: false, checked: null, children: [] });
        break;
      case 'table_open':
        align = [];
        open({ type: 'table', align, children: [] });
        break;
      case 'tr_open':
        open({ type: 'tableRow', children: [] });
        break;
      case 'th_open':
      case 'td_open': {
        const style = /text-align:(left|right|center)/.exec(String(t.attrGet('style') ?? ''));
        if (t.type === 'th_open') align.push((style?.[1] as AlignType) ?? null);
        open({ type: 'tableCell', children: [] });
        break;
      }
      case 'footnote_open': {
        const label = String((t.meta as { label?: string } | null)?.label ?? '');
        open({ type: 'footnoteDefinition', identifier: label.toLowerCase(), label, children: [] });
        break;
      }
      case 'paragraph_close':
      case 'heading_close':
      case 'blockquote_close':
      case 'tr_close':
      case 'th_close':
      case 'td_close':
      case 'footnote_close':
        stack.pop();
        break;
      case 'list_item_close': {
        const node = stack.pop()!;
        const item = node as unknown as ListItem;
        item.spread = !tight.has(node);
        taskOf(item);
        break;
      }
      case 'bullet_list_close':
      case 'ordered_list_close': {
        const list = stack.pop() as unknown as List;
        list.spread = list.children.some((item) => item.spread);
        break;
      }
      case 'table_close':
        stack.pop();
        break;
      case 'inline':
        inline(t.children ?? [], top(), line);
        break;
      case 'fence':
      case 'code_block':
        top().children.push({
          type: 'code',
          lang: t.info.trim().split(/\s+/)[0] || null,
          meta: null,
          value: t.content.replace(/\n$/, ''),
        });
        break;
      case 'hr':
        top().children.push({ type: 'thematicBreak' });
        break;
      case 'html_block':
        top().children.push({ type: 'html', value: t.content.replace(/\n$/, '') });
        break;
      default:
        // thead/tbody and the footnote block wrapper have no mdast node of their own.
        break;
    }
  }
}

/** GFM task list item: "[ ] " or "[x] " opening its first paragraph becomes `checked`. */
function taskOf(item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const text = first.children[0];
  const match = text?.type === 'text' ? TASK.exec(text.value) : null;
  if (!match || text?.type !== 'text') return;
  item.checked = match[1] !== ' ';
  text.value = text.value.slice(match[0].length);
  if (!text.value) first.children.shift();
}

/** Inline tokens → mdast phrasing content, appended to `parent`. */
function inline(tokens: Token[], parent: AnyParent, firstLine: number): void {
  let line = firstLine;
  const stack: AnyParent[] = [parent];
  const top = () => stack[stack.length - 1]!;
  const open = (node: AnyParent) => {
    top().children.push(node);
    stack.push(node);
  };
  // Adjacent text (and soft line breaks, which mdast keeps as "\n" inside text) is one node.
  const text = (value: string) => {
    if (!value) return;
    const siblings = top().children;
    const last = siblings[siblings.length - 1];
    if ((last as Text | undefined)?.type === 'text') (last as Text).value += value;
    else siblings.push({ type: 'text', value });
  };
  for (const t of tokens) {
    switch (t.type) {
      case 'text':
      case 'text_special':
        text(t.content);
        break;
      case 'softbreak':
        line++;
        text('\n');
        break;
      case 'hardbreak':
        line++;
        top().children.push({ type: 'break' });
        break;
      case 'code_inline':
        top().children.push({ type: 'inlineCode', value: t.content });
        break;
      case 'html_inline':
        top().children.push({ type: 'html', value: t.content });
        break;
      case 'em_open':
        open({ type: 'emphasis', children: [] });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] });
        break;
      case 's_open':
        open({ type: 'delete', children: [] });
        break;
      case 'link_open':
        open({
          type: 'link',
          url: t.attrGet('href') ?? '',
          title: t.attrGet('title'),
          children: [],
          data: { line },
        });
        break;
      case 'em_close':
      case 'strong_close':
      case 's_close':
      case 'link_close':
        stack.pop();
        break;
      case 'image':
        top().children.push({
          type: 'image',
          url: t.attrGet('src') ?? '',
          title: t.attrGet('title'),
          alt: altText(t.children ?? []),
        });
        break;
      case 'footnote_ref': {
        const label = String((t.meta as { label?: string } | null)?.label ?? '');
        top().children.push({ type: 'footnoteReference', identifier: label.toLowerCase(), label });
        break;
      }
      default:
        // footnote_anchor (the back-link) has no mdast node.
        break;
    }
  }
}

function altText(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'softbreak') out += '\n';
    else if (t.children) out += altText(t.children);
    else out += t.content;
  }
  return out;
}

/** Leaf text as it appears in the plain text: the node and where its text starts. */
export interface TextLeaf {
  node: Nodes;
  text: string;
  start: number;
}

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'listItem',
  'tableCell',
  'blockquote',
  'code',
  'thematicBreak',
  'table',
  'tableRow',
  'list',
]);

/** The visible text of a leaf node; raw HTML is shown as the literal text it is. */
export function leafText(node: Nodes): string | null {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
    case 'html':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
      return node.alt ?? '';
    default:
      return null;
  }
}

/**
 * The item's plain text and the offset of every text leaf in it. Blocks are
 * separated by one newline. Annotation anchors are character offsets into this text,
 * so this function must stay stable: changing it re-anchors every reader's notes.
 */
export function plainTextOf(root: Root): { text: string; leaves: TextLeaf[] } {
  let text = '';
  const leaves: TextLeaf[] = [];
  const visit = (node: Nodes): void => {
    if (BLOCKS.has(node.type) && text.length > 0 && !text.endsWith('\n')) text += '\n';
    const own = leafText(node);
    if (own !== null) {
      leaves.push({ node, text: own, start: text.length });
      text += own;
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return { text, leaves };
}

export function markdownToPlainText(source: string): string {
  return plainTextOf(parseMarkdown(source)).text;
}

const INTERNAL_LINK = /^(?:\.\.\/)?(officials|meetings|talking-points|notes)\/([a-z0-9][a-z0-9-]{0,63})(?:\.md)?$/;

export type LinkTarget =
  | { type: 'item'; folder: 'officials' | 'meetings' | 'talking-points' | 'notes'; id: string }
  | { type: 'external'; url: string }
  | { type: 'none' };

/** Classify a Markdown link: another item of the pack, a web page, or nothing we follow. */
export function classifyLink(href: string): LinkTarget {
  const internal = INTERNAL_LINK.exec(href);
  if (internal) return { type: 'item', folder: internal[1] as 'officials', id: internal[2]! };
  try {
    const url = new URL(href);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname && !url.username && !url.password) {
      return { type: 'external', url: url.href };
    }
  } catch {
    // not an absolute URL: nothing to follow
  }
  return { type: 'none' };
}
