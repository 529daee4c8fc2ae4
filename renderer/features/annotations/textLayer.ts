// The bridge between an item's plain text (`plainTextOf`, where annotation offsets
// live) and the screen: every text leaf of the Markdown AST is rendered in an element
// carrying its start offset (`data-leaf`), so a DOM selection converts back to plain-text
// offsets, and each leaf is split into <mark> segments where highlights cover it.
import type { Nodes, Root } from 'mdast';
import { plainTextOf } from '../../../shared/markdown';

/** Where each text leaf of `root` starts in the item's plain text, by node identity. */
export function leafStarts(root: Root): { text: string; starts: Map<Nodes, number> } {
  const { text, leaves } = plainTextOf(root);
  return { text, starts: new Map(leaves.map((l) => [l.node, l.start])) };
}

export interface HighlightRange {
  id: string;
  start: number;
  end: number;
  color: string;
  hasNote: boolean;
}

/** A piece of one leaf's text and the highlights covering it (last = on top). */
export interface Segment {
  text: string;
  start: number;
  covering: HighlightRange[];
}

/** Split a leaf's text at every highlight boundary that falls inside it. */
export function splitLeaf(text: string, start: number, highlights: readonly HighlightRange[]): Segment[] {
  const end = start + text.length;
  const hits = highlights.filter((h) => h.start < end && h.end > start);
  if (hits.length === 0) return [{ text, start, covering: [] }];
  const cuts = new Set<number>([start, end]);
  for (const h of hits) {
    if (h.start > start) cuts.add(h.start);
    if (h.end < end) cuts.add(h.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (b <= a) continue;
    segments.push({
      text: text.slice(a - start, b - start),
      start: a,
      covering: hits.filter((h) => h.start <= a && h.end >= b),
    });
  }
  return segments;
}

/** Characters of `el`'s text before the DOM point (node, offset), which lies inside `el`. */
function charsBefore(el: Element, node: Node, offset: number): number {
  const r = el.ownerDocument.createRange();
  r.selectNodeContents(el);
  r.setEnd(node, offset);
  return r.toString().length;
}

/**
 * The plain-text offsets a DOM range covers, using the `data-leaf` elements inside
 * `container` (null when it covers none of this item's text). Text outside any leaf
 * (list checkboxes, image brackets) is skipped, so a selection starting there still works.
 */
export function rangeToOffsets(range: Range, container: Element): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  for (const el of container.querySelectorAll<HTMLElement>('[data-leaf]')) {
    if (!range.intersectsNode(el)) continue;
    const base = Number(el.dataset.leaf);
    if (!Number.isFinite(base)) continue;
    const length = el.textContent?.length ?? 0;
    const s = el.contains(range.startContainer) ? charsBefore(el, range.startContainer, range.startOffset) : 0;
    const e = el.contains(range.endContainer) ? charsBefore(el, range.endContainer, range.endOffset) : length;
    if (e <= s) continue;
    start = Math.min(start, base + s);
    end = Math.max(end, base + e);
  }
  return end > start ? { start, end } : null;
}

/** Every place `needle` occurs in `text`, case- and space-insensitively (for the keyboard route). */
export function findPassages(text: string, needle: string, limit = 8): { start: number; end: number }[] {
  const words = needle.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || needle.trim().length < 3) return [];
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(escaped.join('\\s+'), 'giu');
  const out: { start: number; end: number }[] = [];
  for (const m of text.matchAll(re)) {
    out.push({ start: m.index, end: m.index + m[0].length });
    if (out.length >= limit) break;
  }
  return out;
}
