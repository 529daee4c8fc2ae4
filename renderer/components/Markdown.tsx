// Untrusted pack Markdown, rendered from its mdast AST to React elements. No HTML
// string ever reaches the DOM: raw `html` nodes show as the literal text they are,
// images as their alt text, and links are classified before anything follows them.
import { createContext, memo, useContext, type ReactNode } from 'react';
import type { Nodes, Root, RootContent } from 'mdast';
import { classifyLink, parseMarkdown, plainTextOf } from '../../shared/markdown';
import type { ItemKind } from '../../shared/model';
import { openExternal } from '../api';
import { href } from '../lib/routes';

const FOLDER_KIND: Record<string, ItemKind> = {
  officials: 'official',
  meetings: 'meeting',
  'talking-points': 'talking-point',
  notes: 'note',
};

/**
 * An item's annotation layer (renderer/features/annotations): where each text leaf
 * starts in the item's plain text, and how to draw a leaf (with its highlights).
 */
export interface TextLayer {
  startOf(node: Nodes): number | undefined;
  leaf(text: string, start: number, key: number): ReactNode;
}

export const TextLayerContext = createContext<TextLayer | null>(null);

interface Ctx {
  packId: string;
  layer?: TextLayer | null;
}

/** A leaf's text, drawn by the annotation layer when it belongs to the annotated item. */
function leaf(node: Nodes, text: string, ctx: Ctx, key = 0): ReactNode {
  const start = ctx.layer?.startOf(node);
  return start === undefined ? text : ctx.layer!.leaf(text, start, key);
}

function children(node: { children: RootContent[] }, ctx: Ctx): ReactNode[] {
  return node.children.map((child, i) => render(child, ctx, i));
}

function render(node: Nodes, ctx: Ctx, key: number): ReactNode {
  switch (node.type) {
    case 'root':
      return children(node, ctx);
    case 'paragraph':
      return <p key={key}>{children(node, ctx)}</p>;
    case 'heading': {
      // Item titles are the page's h1; Markdown headings sit below them.
      const level = Math.min(6, node.depth + 1);
      const Tag = `h${level}` as 'h2';
      return <Tag key={key}>{children(node, ctx)}</Tag>;
    }
    case 'text':
      return leaf(node, node.value, ctx, key);
    case 'emphasis':
      return <em key={key}>{children(node, ctx)}</em>;
    case 'strong':
      return <strong key={key}>{children(node, ctx)}</strong>;
    case 'delete':
      return <del key={key}>{children(node, ctx)}</del>;
    case 'inlineCode':
      return <code key={key}>{leaf(node, node.value, ctx)}</code>;
    case 'code':
      return (
        <pre key={key}>
          <code>{leaf(node, node.value, ctx)}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{children(node, ctx)}</blockquote>;
    case 'list': {
      const items = children(node, ctx);
      return node.ordered ? (
        <ol key={key} start={node.start ?? undefined}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
    case 'listItem': {
      // Tight lists hold their text in paragraphs; unwrap them so items sit close.
      const content = node.spread
        ? children(node, ctx)
        : node.children.map((c, i) => (c.type === 'paragraph' ? children(c, ctx) : render(c, ctx, i)));
      return (
        <li key={key}>
          {node.checked != null && (
            <span className="md-check" aria-label={node.checked ? 'done' : 'not done'}>
              {node.checked ? '☑ ' : '☐ '}
            </span>
          )}
          {content}
        </li>
      );
    }
    case 'table': {
      const [head, ...rows] = node.children;
      const align = node.align ?? [];
      const cells = (row: typeof head, Cell: 'th' | 'td') =>
        row?.children.map((cell, i) => (
          <Cell
            key={i}
            className={align[i] ? `md-align-${align[i]}` : undefined}
            scope={Cell === 'th' ? 'col' : undefined}
          >
            {children(cell, ctx)}
          </Cell>
        ));
      return (
        <div key={key} className="md-table">
          <table>
            {head && (
              <thead>
                <tr>{cells(head, 'th')}</tr>
              </thead>
            )}
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>{cells(row, 'td')}</tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case 'link':
      return renderLink(node.url, children(node, ctx), ctx, key);
    case 'linkReference':
      return <span key={key}>{children(node, ctx)}</span>;
    case 'image':
    case 'imageReference':
      return node.alt ? (
        <span key={key} className="md-image-alt">
          [{leaf(node, node.alt, ctx)}]
        </span>
      ) : null;
    case 'break':
      return <br key={key} />;
    case 'thematicBreak':
      return <hr key={key} />;
    case 'html':
      return leaf(node, node.value, ctx, key);
    case 'footnoteReference':
      return <sup key={key}>[{node.identifier}]</sup>;
    case 'footnoteDefinition':
      return (
        <div key={key} className="md-footnote">
          <sup>[{node.identifier}]</sup> {children(node, ctx)}
        </div>
      );
    default:
      return 'children' in node ? <span key={key}>{children(node as { children: RootContent[] }, ctx)}</span> : null;
  }
}

function renderLink(url: string, content: ReactNode[], ctx: Ctx, key: number): ReactNode {
  const target = classifyLink(url);
  if (target.type === 'item') {
    return (
      <a key={key} href={href.item(ctx.packId, FOLDER_KIND[target.folder]!, target.id)}>
        {content}
      </a>
    );
  }
  if (target.type === 'external') {
    return (
      <a
        key={key}
        href={target.url}
        className="external"
        rel="noopener noreferrer"
        onClick={(e) => {
          e.preventDefault();
          openExternal(target.url);
        }}
      >
        {content}
        <span className="visually-hidden"> (opens in your browser)</span>
      </a>
    );
  }
  return <span key={key}>{content}</span>;
}

const parsed = new Map<string, Root>();

/** The parsed AST of a body; the same nodes every time, so layers can key on them. */
export function parseCached(source: string): Root {
  let root = parsed.get(source);
  if (!root) {
    root = parseMarkdown(source);
    if (parsed.size > 200) parsed.clear();
    parsed.set(source, root);
  }
  return root;
}

export const Markdown = memo(function Markdown({
  source,
  root,
  packId,
}: {
  packId: string;
} & ({ source: string; root?: undefined } | { root: Root; source?: undefined })) {
  const layer = useContext(TextLayerContext);
  return <div className="prose">{render(root ?? parseCached(source), { packId, layer }, 0)}</div>;
});

export interface MarkdownSection {
  title: string;
  root: Root;
}

/**
 * Split an item's Markdown at its top-level headings, so a screen can place "Objectives"
 * and "Logistics" where a reader expects them. Text before the first heading is the intro.
 */
export function splitSections(source: string): { intro: Root; sections: MarkdownSection[] } {
  const root = parseCached(source);
  const depth = Math.min(7, ...root.children.map((c) => (c.type === 'heading' ? c.depth : 7)));
  const intro: Root = { type: 'root', children: [] };
  const sections: MarkdownSection[] = [];
  for (const child of root.children) {
    if (child.type === 'heading' && child.depth === depth) {
      sections.push({
        title: plainTextOf({ type: 'root', children: [child] }).text,
        root: { type: 'root', children: [] },
      });
    } else {
      (sections[sections.length - 1]?.root ?? intro).children.push(child);
    }
  }
  return { intro, sections };
}

/**
 * The lines to say and to avoid, for a one-glance summary: paragraphs that open with a
 * bold "Ask:", "Avoid:" or "Say:" label. Falls back to the first paragraph.
 */
export function keyLines(source: string): Root {
  const root = parseCached(source);
  const labelled = root.children.filter((c) => {
    if (c.type !== 'paragraph') return false;
    const first = c.children[0];
    if (first?.type !== 'strong') return false;
    return /^(ask|avoid|say|offer|message|bottom line)\b/i.test(plainTextOf({ type: 'root', children: [first] }).text);
  });
  const firstParagraph = root.children.find((c) => c.type === 'paragraph');
  return { type: 'root', children: labelled.length ? labelled : firstParagraph ? [firstParagraph] : [] };
}
