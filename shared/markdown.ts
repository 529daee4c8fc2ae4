// Pack Markdown is untrusted. It is parsed once into an mdast AST (CommonMark + GFM
// tables, no raw HTML interpretation) and every consumer (the screen, the PDF, search
// and annotation anchoring) works from that AST, so they all agree on the text.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, Root } from 'mdast';

export type { Root as MarkdownRoot, Nodes as MarkdownNode } from 'mdast';

// Building the GFM extensions costs more than parsing a typical item: build them once.
let extensions: { extensions: ReturnType<typeof gfm>[]; mdastExtensions: ReturnType<typeof gfmFromMarkdown>[] } | null =
  null;

export function parseMarkdown(source: string): Root {
  extensions ??= { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };
  return fromMarkdown(source, extensions);
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
