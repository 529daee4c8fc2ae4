// Deep links from search: an item route with `?at=start-end` (a range of the item's plain
// text, as the core's anchors and annotations count it) or `?at=agenda-N` scrolls to that
// paragraph or agenda entry once it is on screen, marks it, highlights the matched words
// with the CSS Custom Highlight API (no DOM changes to the text) and moves focus there.
import { parseMarkdown, plainTextOf } from '../../../shared/markdown';
import type { SearchAnchor } from '../../../shared/api';
import type { Route } from '../../lib/routes';
import { itemKey, useLibrary } from '../../state/library';
import { useNavigation } from '../../state/navigation';
import { keepInView } from '../../lib/keepInView';
import { parseAnchorParam } from './hits';

const TARGET_CLASS = 'search-target';
const HIGHLIGHT = 'search-target';
const BLOCKS = 'p, li, h2, h3, h4, h5, h6, td, th, pre, blockquote, dd';
/** Not the item's own text: other items shown inside it, the reader's notes, navigation. */
const ELSEWHERE = '.talking-point, .note-list, .note-form, nav, .palette';

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The block (line of the plain text) holding `start`, and the matched words. */
export function anchorText(
  plain: string,
  start: number,
  end: number,
): { block: string; words: string; offset: number } {
  const s = Math.max(0, Math.min(start, plain.length));
  const lineStart = plain.lastIndexOf('\n', s - 1) + 1;
  const next = plain.indexOf('\n', s);
  const lineEnd = next < 0 ? plain.length : next;
  return {
    block: plain.slice(lineStart, lineEnd),
    words: plain.slice(s, Math.min(end, lineEnd)),
    offset: s - lineStart,
  };
}

function findBlock(main: HTMLElement, block: string): HTMLElement | null {
  const want = norm(block);
  if (!want) return null;
  const candidates = [...main.querySelectorAll<HTMLElement>(BLOCKS)].filter((el) => !el.closest(ELSEWHERE));
  const exact = candidates.find((el) => norm(el.textContent ?? '') === want);
  if (exact) return exact;
  const containing = candidates.filter((el) => norm(el.textContent ?? '').includes(want));
  return containing.sort((a, b) => (a.textContent ?? '').length - (b.textContent ?? '').length)[0] ?? null;
}

/** A DOM range over `words` inside `el`, the occurrence nearest `near` characters in. */
function rangeOf(el: HTMLElement, words: string, near: number): Range | null {
  if (!words.trim()) return null;
  const nodes: Text[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const full = nodes.map((n) => n.data).join('');
  let best = -1;
  for (let i = full.indexOf(words); i >= 0; i = full.indexOf(words, i + 1)) {
    if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  }
  if (best < 0) return null;
  const range = document.createRange();
  let pos = 0;
  let started = false;
  for (const node of nodes) {
    const len = node.data.length;
    if (!started && best < pos + len) {
      range.setStart(node, best - pos);
      started = true;
    }
    if (started && best + words.length <= pos + len) {
      range.setEnd(node, best + words.length - pos);
      return range;
    }
    pos += len;
  }
  return null;
}

function locate(route: Extract<Route, { name: 'item' }>, anchor: SearchAnchor, main: HTMLElement) {
  if (anchor.type === 'agenda') {
    const row = main.querySelector<HTMLElement>(`table.agenda tbody tr:nth-child(${anchor.index + 1})`);
    return row ? { el: row, range: null } : null;
  }
  const item = useLibrary.getState().items[itemKey(route.packId, route.kind, route.itemId)];
  if (item?.status !== 'ready') return null;
  const plain = plainTextOf(parseMarkdown(item.value.body)).text;
  const { block, words, offset } = anchorText(plain, anchor.start, anchor.end);
  const el = findBlock(main, block);
  if (!el) return null;
  // A line of the plain text may be the middle of a paragraph (a soft line break in the
  // Markdown): the occurrence wanted is the one nearest where that line starts in it.
  const lineAt = Math.max(0, norm(el.textContent ?? '').indexOf(norm(block)));
  return { el, range: rangeOf(el, words, lineAt + offset) };
}

function show(el: HTMLElement, range: Range | null): () => void {
  el.classList.add(TARGET_CLASS);
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  const highlights = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : null;
  if (range && highlights) highlights.set(HIGHLIGHT, new Highlight(range));
  let stopKeeping = () => {};
  // After the screen's own focus-the-heading step.
  const timer = window.setTimeout(() => {
    stopKeeping = keepInView(el);
    el.focus({ preventScroll: true });
  }, 60);
  return () => {
    window.clearTimeout(timer);
    stopKeeping();
    el.classList.remove(TARGET_CLASS);
    highlights?.delete(HIGHLIGHT);
  };
}

function follow(route: Extract<Route, { name: 'item' }>, anchor: SearchAnchor): () => void {
  const main = document.getElementById('main');
  if (!main) return () => {};
  let undo: (() => void) | null = null;
  const attempt = () => {
    const found = locate(route, anchor, main);
    if (!found) return false;
    undo = show(found.el, found.range);
    return true;
  };
  let observer: MutationObserver | null = null;
  let timer: number | undefined;
  const stopWaiting = () => {
    observer?.disconnect();
    window.clearTimeout(timer);
  };
  // Let the new screen render first, then look for the target, waiting if it is still loading.
  const start = window.setTimeout(() => {
    if (attempt()) return;
    observer = new MutationObserver(() => {
      if (attempt()) stopWaiting();
    });
    observer.observe(main, { childList: true, subtree: true, characterData: true });
    timer = window.setTimeout(stopWaiting, 8000);
  }, 0);
  return () => {
    window.clearTimeout(start);
    stopWaiting();
    undo?.();
  };
}

export function initAnchorFocus(): () => void {
  let last = '';
  let cancel: () => void = () => {};
  const onChange = () => {
    const { route, hash } = useNavigation.getState();
    if (hash === last) return;
    last = hash;
    cancel();
    cancel = () => {};
    const anchor = route.name === 'item' ? parseAnchorParam(route.at) : undefined;
    if (route.name === 'item' && anchor) cancel = follow(route, anchor);
  };
  onChange();
  return useNavigation.subscribe(onChange);
}
