// Numbers that are known only at the end ("page X of Y", the page a section starts on)
// are drawn as small PDF form XObjects: the page refers to the object now and its
// content is written just before the document ends. Pages can therefore be flushed to
// disk as soon as they are full (no `bufferPages`), so memory does not grow with the
// length of the brief beyond one small reference per placeholder.
import type { FontKey, FontSet } from './fonts';
import { rgb } from './glyphs';

interface PdfRef {
  data: Record<string, unknown>;
  end(chunk?: string): void;
  toString(): string;
}

type Doc = PDFKit.PDFDocument & {
  ref(data: Record<string, unknown>): PdfRef;
  addContent(s: string): PDFKit.PDFDocument;
  page: { xobjects: Record<string, unknown> };
};

interface Placeholder {
  ref: PdfRef;
  width: number;
  height: number;
  key: FontKey;
  size: number;
  color: string;
  align: 'left' | 'right';
  text: (lookup: (name: string) => number | undefined) => string;
}

export interface Deferred {
  /** Reserves `width` points at (x, baseline) for text that is decided at the end. */
  place(
    x: number,
    baseline: number,
    width: number,
    style: { key: FontKey; size: number; color: string; align: 'left' | 'right' },
    text: Placeholder['text'],
  ): void;
  set(name: string, value: number): void;
  get(name: string): number | undefined;
  /** Writes every placeholder's content. Call before `doc.end()`. */
  finish(): void;
}

export function createDeferred(pdf: PDFKit.PDFDocument, fonts: FontSet): Deferred {
  const doc = pdf as Doc;
  const values = new Map<string, number>();
  const pending: Placeholder[] = [];
  let counter = 0;
  return {
    place(x, baseline, width, style, text) {
      const height = style.size * 1.3;
      const top = baseline - style.size;
      const font = fonts.get(style.key);
      const ref = doc.ref({
        Type: 'XObject',
        Subtype: 'Form',
        BBox: [0, 0, width, height],
        Resources: { Font: { [font.id]: font.ref() } },
      });
      const name = `Dn${++counter}`;
      doc.page.xobjects[name] = ref;
      // The page's coordinates are flipped (y down); flip back for the form's own space.
      doc.addContent(`q 1 0 0 -1 ${x.toFixed(2)} ${(top + height).toFixed(2)} cm /${name} Do Q`);
      pending.push({ ref, width, height, ...style, text });
    },
    set: (name, value) => void values.set(name, value),
    get: (name) => values.get(name),
    finish() {
      const lookup = (name: string) => values.get(name);
      for (const p of pending) {
        const font = fonts.get(p.key);
        const text = p.text(lookup);
        const { glyphs: hex } = fonts.encode(p.key, text);
        const w = fonts.width(p.key, text, p.size);
        const x = p.align === 'right' ? p.width - w : 0;
        const baseline = p.height - p.size;
        p.ref.end(
          `BT /${font.id} ${p.size} Tf ${rgb(p.color)} rg ${x.toFixed(2)} ${baseline.toFixed(2)} Td <${hex.join('')}> Tj ET`,
        );
      }
      pending.length = 0;
    },
  };
}
