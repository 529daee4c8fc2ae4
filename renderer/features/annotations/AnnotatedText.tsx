// An item's text with the reader's highlights: select text → a small toolbar (colours,
// "Add note") → the highlight is saved at once; click a highlight to change its colour
// or note or delete it. Offsets are plain-text offsets (`plainTextOf`), read from the
// `data-leaf` start each text leaf is drawn with, so the core anchors exactly what the
// screen showed.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { AnnotationView } from '../../../shared/annotationsApi';
import type { HighlightColor, ItemRef } from '../../../shared/model';
import { parseCached, TextLayerContext, type TextLayer } from '../../components/Markdown';
import { keepInView } from '../../lib/keepInView';
import { useAnnotations } from '../../state/annotations';
import { itemKey } from '../../state/library';
import { ColorChoice, NoteEditor } from './NoteEditor';
import { cancelReattach, clearFlash, createHighlight, deleteAnnotation, reattachTo, useAnnotationUi } from './store';
import { leafStarts, rangeToOffsets, splitLeaf, type HighlightRange } from './textLayer';

interface Selected {
  start: number;
  end: number;
  quote: string;
}

const EMPTY: AnnotationView[] = [];

/** Place a fixed-position element next to a rectangle (CSSOM: the CSP forbids style attributes). */
function placeNear(el: HTMLElement, rect: DOMRect, below = false): void {
  const gap = 8;
  const { width, height } = el.getBoundingClientRect();
  let top = below ? rect.bottom + gap : rect.top - height - gap;
  if (top < gap) top = rect.bottom + gap;
  if (top + height > window.innerHeight - gap) top = Math.max(gap, rect.top - height - gap);
  const left = Math.min(Math.max(gap, rect.left + rect.width / 2 - width / 2), window.innerWidth - width - gap);
  el.style.setProperty('top', `${Math.round(top)}px`);
  el.style.setProperty('left', `${Math.round(left)}px`);
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform);
const SHORTCUT = isMac ? '⌘⇧H' : 'Ctrl+Shift+H';

export function AnnotatedText({ item, body, children }: { item: ItemRef; body: string; children: ReactNode }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const popoverRef = useRef<HTMLDivElement>(null);
  const root = parseCached(body);
  const { text, starts } = useMemo(() => leafStarts(root), [root]);
  const load = useAnnotations((s) => s.byItem[itemKey(item.packId, item.kind, item.itemId)]);
  const annotations = load?.status === 'ready' ? load.value : EMPTY;
  const reattaching = useAnnotationUi((s) => s.reattaching);
  const flash = useAnnotationUi((s) => s.flash);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [editing, setEditing] = useState<{ id: string; focusNote: boolean } | null>(null);

  const highlights = useMemo<HighlightRange[]>(
    () =>
      annotations
        .filter((a) => a.anchor && a.status === 'anchored' && a.itemAvailable)
        .map((a) => ({
          id: a.id,
          start: a.anchor!.start,
          end: a.anchor!.end,
          color: a.color ?? 'yellow',
          hasNote: a.note.trim() !== '',
        })),
    [annotations],
  );
  const notes = useMemo(() => new Map(annotations.map((a) => [a.id, a.note])), [annotations]);

  const layer = useMemo<TextLayer>(
    () => ({
      startOf: (node) => starts.get(node),
      leaf: (leafText, start, key) => (
        <span key={key} data-leaf={start}>
          {splitLeaf(leafText, start, highlights).map((seg, i) => {
            const top = seg.covering[seg.covering.length - 1];
            if (!top) return seg.text;
            const note = notes.get(top.id);
            return (
              <mark
                key={i}
                className={`hl hl-${top.color}${top.hasNote ? ' hl-has-note' : ''}`}
                data-ids={seg.covering.map((h) => h.id).join(' ')}
                title={note || undefined}
              >
                {seg.text}
              </mark>
            );
          })}
        </span>
      ),
    }),
    [starts, highlights, notes],
  );

  // ---- the selection toolbar ----------------------------------------------------------

  const readSelection = useCallback(() => {
    const container = containerRef.current;
    const selection = window.getSelection();
    if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
      setSelected(null);
      return;
    }
    const offsets = rangeToOffsets(selection.getRangeAt(0), container);
    if (!offsets || text.slice(offsets.start, offsets.end).trim() === '') {
      setSelected(null);
      return;
    }
    setEditing(null);
    setSelected({ ...offsets, quote: text.slice(offsets.start, offsets.end) });
  }, [text]);

  useEffect(() => {
    // A selection that goes away (a click elsewhere, Escape) takes the toolbar with it.
    const onChange = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed) setSelected(null);
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, []);

  const selectionRect = useCallback((): DOMRect | null => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return null;
    const rects = selection.getRangeAt(0).getClientRects();
    return rects[0] ?? selection.getRangeAt(0).getBoundingClientRect();
  }, []);

  useLayoutEffect(() => {
    if (!selected || !toolbarRef.current) return;
    const place = () => {
      const rect = selectionRect();
      if (rect && toolbarRef.current) placeNear(toolbarRef.current, rect);
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [selected, selectionRect]);

  const clearSelection = () => {
    window.getSelection()?.removeAllRanges();
    setSelected(null);
  };

  const highlight = useCallback(
    async (color: HighlightColor, withNote = false) => {
      if (!selected) return;
      const sel = selected;
      window.getSelection()?.removeAllRanges();
      setSelected(null);
      const created = await createHighlight(item, sel, color);
      if (created && withNote) setEditing({ id: created.id, focusNote: true });
    },
    [selected, item],
  );

  const attachHere = async () => {
    if (!reattaching || !selected) return;
    const sel = selected;
    clearSelection();
    await reattachTo(reattaching, item, sel);
  };

  // The keyboard route for a selection made with the keyboard (caret browsing, F7).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = isMac ? e.metaKey : e.ctrlKey;
      if (mod && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'h') {
        const container = containerRef.current;
        const selection = window.getSelection();
        if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
        const offsets = rangeToOffsets(selection.getRangeAt(0), container);
        if (!offsets) return;
        e.preventDefault();
        const sel = { ...offsets, quote: text.slice(offsets.start, offsets.end) };
        selection.removeAllRanges();
        setSelected(null);
        void createHighlight(item, sel, 'yellow').then((a) => a && setEditing({ id: a.id, focusNote: true }));
      } else if (e.key === 'Escape') {
        setSelected(null);
        setEditing(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [item, text]);

  // ---- clicking a highlight -------------------------------------------------------------

  const onClick = (e: React.MouseEvent) => {
    const selection = window.getSelection();
    if (selection && !selection.isCollapsed) return;
    const mark = (e.target as Element).closest?.('mark[data-ids]');
    if (!mark || !containerRef.current?.contains(mark)) return;
    const ids = (mark.getAttribute('data-ids') ?? '').split(' ').filter(Boolean);
    const id = ids[ids.length - 1];
    if (id) setEditing({ id, focusNote: false });
  };

  const editingAnnotation = editing ? annotations.find((a) => a.id === editing.id) : undefined;

  const markRect = useCallback((id: string): DOMRect | null => {
    const mark = containerRef.current?.querySelector(`mark[data-ids~="${CSS.escape(id)}"]`);
    return mark ? mark.getBoundingClientRect() : null;
  }, []);

  useLayoutEffect(() => {
    if (!editing || !popoverRef.current) return;
    const place = () => {
      const rect = markRect(editing.id);
      if (rect && popoverRef.current) placeNear(popoverRef.current, rect, true);
    };
    place();
    window.addEventListener('scroll', place, true);
    window.addEventListener('resize', place);
    return () => {
      window.removeEventListener('scroll', place, true);
      window.removeEventListener('resize', place);
    };
  }, [editing, editingAnnotation, markRect]);

  useEffect(() => {
    if (!editing) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Element;
      if (popoverRef.current?.contains(target) || target.closest?.('mark[data-ids]')) return;
      setEditing(null);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [editing]);

  // ---- jumping to a highlight ---------------------------------------------------------------

  useEffect(() => {
    if (!flash) return;
    const container = containerRef.current;
    const marks = container ? [...container.querySelectorAll(`mark[data-ids~="${CSS.escape(flash.id)}"]`)] : [];
    if (marks.length === 0) return; // not drawn yet: try again when the highlights arrive
    // After the app's own scroll-to-top for a new screen.
    const timer = window.setTimeout(() => {
      // Not stopped by this effect's cleanup (clearFlash below re-runs it); it ends by itself.
      keepInView(marks[0]!);
      for (const m of marks) {
        m.classList.remove('hl-flash');
        void (m as HTMLElement).offsetWidth; // restart the animation
        m.classList.add('hl-flash');
      }
      clearFlash(flash.seq);
    }, 80);
    const cleanup = window.setTimeout(() => marks.forEach((m) => m.classList.remove('hl-flash')), 2600);
    return () => {
      window.clearTimeout(timer);
      window.clearTimeout(cleanup);
    };
  }, [flash, highlights]);

  return (
    <TextLayerContext.Provider value={layer}>
      <div
        ref={containerRef}
        className="annotated-text"
        onMouseUp={() => window.setTimeout(readSelection, 0)}
        onKeyUp={(e) => e.shiftKey && readSelection()}
        onClick={onClick}
      >
        {children}
      </div>
      {selected &&
        createPortal(
          <div
            ref={toolbarRef}
            className="hl-toolbar"
            role="toolbar"
            aria-label={reattaching ? 'Re-attach to the selection' : 'Highlight the selection'}
            onMouseDown={(e) => e.preventDefault()}
          >
            {reattaching ? (
              <>
                <button type="button" className="hl-toolbar-text" onClick={() => void attachHere()}>
                  Attach here
                </button>
              </>
            ) : (
              <>
                <ColorChoice value={null} label="Highlight in" onChoose={(c) => void highlight(c)} />
                <button
                  type="button"
                  className="hl-toolbar-text"
                  onClick={() => void highlight('yellow', true)}
                  title={`Highlight and add a note (${SHORTCUT})`}
                >
                  Add note
                </button>
              </>
            )}
          </div>,
          document.body,
        )}
      {editing &&
        editingAnnotation &&
        createPortal(
          <div
            ref={popoverRef}
            className="hl-popover"
            role="dialog"
            aria-label="Highlight"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setEditing(null);
            }}
          >
            <blockquote className="hl-popover-quote">“{editingAnnotation.anchor?.quote}”</blockquote>
            <NoteEditor key={editingAnnotation.id} annotation={editingAnnotation} autoFocus={editing.focusNote} />
            <div className="hl-popover-actions">
              <button
                type="button"
                className="button-danger"
                onClick={() => {
                  setEditing(null);
                  void deleteAnnotation(editingAnnotation);
                }}
              >
                Delete highlight
              </button>
              <button type="button" onClick={() => setEditing(null)}>
                Done
              </button>
            </div>
          </div>,
          document.body,
        )}
      {reattaching &&
        createPortal(
          <ReattachBar item={item} annotation={reattaching} itemHasSelection={selected !== null} />,
          document.body,
        )}
    </TextLayerContext.Provider>
  );
}

function ReattachBar({
  item,
  annotation,
  itemHasSelection,
}: {
  item: ItemRef;
  annotation: AnnotationView;
  itemHasSelection: boolean;
}) {
  const isHighlight = annotation.anchor !== null;
  return (
    <div className="reattach-bar" role="region" aria-label="Re-attaching a note">
      <p>
        <strong>Re-attaching</strong>{' '}
        {isHighlight ? (
          <>
            “{annotation.anchor!.quote}”:{' '}
            {itemHasSelection ? 'choose “Attach here”.' : 'select the text it belongs to.'}
          </>
        ) : (
          <>your note “{annotation.note}” to this item.</>
        )}
      </p>
      {!isHighlight && (
        <button type="button" onClick={() => void reattachTo(annotation, item)}>
          Attach to this item
        </button>
      )}
      <button type="button" onClick={cancelReattach}>
        Cancel
      </button>
    </div>
  );
}
