import { expect, type Locator, type Page } from '@playwright/test';

/** The Ctrl/Cmd+K search palette: a modal dialog with a combobox and grouped options. */
export class SearchPalette {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly options: Locator;
  readonly status: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Search' });
    this.input = this.dialog.getByRole('combobox');
    this.options = this.dialog.getByRole('option');
    this.status = this.dialog.getByRole('status');
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await expect(this.dialog).toBeVisible();
    await expect(this.input).toBeFocused();
  }

  async search(query: string): Promise<void> {
    await this.input.fill(query);
  }

  group(label: string | RegExp): Locator {
    return this.dialog.getByRole('group', { name: label });
  }

  /** The option the arrow keys are on. */
  active(): Locator {
    return this.dialog.locator('[role="option"][aria-selected="true"]');
  }
}
