import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** An item screen seen as annotatable text: select, highlight, open a highlight, the notes panel. */
export class AnnotatedItemPage extends AppShell {
  readonly selectionToolbar: Locator;
  readonly highlightEditor: Locator;
  readonly notesPanel: Locator;
  readonly toasts: Locator;

  constructor(page: Page) {
    super(page);
    this.selectionToolbar = page.getByRole('toolbar', { name: /the selection/ });
    this.highlightEditor = page.getByRole('dialog', { name: 'Highlight' });
    this.notesPanel = page.getByRole('region', { name: 'Your notes' });
    this.toasts = page.locator('.toasts');
  }

  marks(): Locator {
    return this.main.locator('mark.hl');
  }

  mark(text: string): Locator {
    return this.main.locator('mark.hl', { hasText: text });
  }

  /** Select `phrase` inside `within` with a real mouse drag, as a reader would. */
  async select(within: Locator, phrase: string): Promise<void> {
    const box = await within.evaluate((root, wanted) => {
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const full = nodes.map((n) => n.data).join('');
      const at = full.indexOf(wanted);
      if (at < 0) throw new Error(`"${wanted}" is not in the text`);
      const point = (offset: number): [Text, number] => {
        let pos = 0;
        for (const n of nodes) {
          if (offset < pos + n.data.length) return [n, offset - pos];
          pos += n.data.length;
        }
        throw new Error('offset past the end');
      };
      const charRect = (offset: number) => {
        const r = document.createRange();
        const [node, o] = point(offset);
        r.setStart(node, o);
        r.setEnd(node, o + 1);
        return r.getBoundingClientRect();
      };
      // Scroll once, then measure both ends in the same scroll position.
      point(at)[0].parentElement?.closest('p, li, td, blockquote, pre')?.scrollIntoView({ block: 'center' });
      const first = charRect(at);
      const last = charRect(at + wanted.length - 1);
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    }, phrase);
    await this.page.mouse.move(box.x1, box.y1);
    await this.page.mouse.down();
    await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 });
    await this.page.mouse.move(box.x2, box.y2, { steps: 4 });
    await this.page.mouse.up();
    await expect
      .poll(() => this.page.evaluate(() => window.getSelection()?.toString().replace(/\s+/g, ' ')))
      .toBe(phrase.replace(/\s+/g, ' '));
  }

  async highlightSelection(color: 'Yellow' | 'Green' | 'Blue' | 'Pink'): Promise<void> {
    await this.selectionToolbar.getByRole('button', { name: color }).click();
  }

  async highlightWithNote(note: string): Promise<void> {
    await this.selectionToolbar.getByRole('button', { name: 'Add note' }).click();
    const field = this.highlightEditor.getByRole('textbox', { name: 'Note on this highlight' });
    await expect(field).toBeFocused();
    await field.fill(note);
    await expect(this.highlightEditor.getByText('Saved')).toBeVisible();
  }

  async openHighlight(text: string): Promise<void> {
    await this.mark(text).first().click();
    await expect(this.highlightEditor).toBeVisible();
  }

  async undo(): Promise<void> {
    await this.toasts.getByRole('button', { name: 'Undo' }).click();
  }
}
