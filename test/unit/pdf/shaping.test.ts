// The fast glyph path (character map + GPOS pair kerning) must set text exactly as
// fontkit's full shaping would: same widths, so line breaks and right-aligned page
// numbers land where they are drawn; same glyphs, so the PDF's text extracts the same.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { registerFonts, type FontKey } from '../../../electron/pdf/fonts';
import { readSourceFolder } from '../../../electron/packs/source/readSource';
import { samplePackDir } from '../../../electron/platform/assets';
import { markdownToPlainText } from '../../../shared/markdown';

const words = [
  ...new Set(
    readSourceFolder(samplePackDir())
      .items.flatMap((item) => markdownToPlainText(item.body).split(/\s+/))
      .filter((w) => w && !/[^\u0020-\u024f\u2010-\u2027]/.test(w)),
  ),
  ...['AVATAR', 'Toward', 'Wave', 'office', 'affluent', 'raffle', 'Yoon', 'Ōno', 'Müller'],
];

describe('fast glyph path', () => {
  it('covers a real vocabulary, with kerning pairs and f-ligatures', () => {
    expect(words.length).toBeGreaterThan(800);
    expect(words.filter((w) => /ff|fi|fl/.test(w)).length).toBeGreaterThan(20);
  });

  for (const key of ['sans', 'sans-b', 'sans-i', 'serif', 'serif-b'] as FontKey[]) {
    it(`measures every sample-pack word in ${key} as fontkit shapes it`, () => {
      const doc = new PDFDocument({ autoFirstPage: false });
      const fonts = registerFonts(doc);
      const font = fonts.get(key);
      const differ: string[] = [];
      let kerned = 0;
      for (const word of words) {
        const fast = fonts.encode(key, word);
        const shaped = font.encode(word) as [string[], { xAdvance: number; advanceWidth: number }[]];
        const shapedWidth = font.widthOfString(word, 1);
        if (Math.abs(fast.width - shapedWidth) > 1e-6 || fast.glyphs.join() !== shaped[0].join()) differ.push(word);
        if (fast.kerns.some((k) => k !== 0)) kerned++;
      }
      expect(differ).toEqual([]);
      // Kerning is really applied, not silently zero.
      expect(kerned).toBeGreaterThan(words.length / 20);
    });
  }
});
