import { type Locator, type Page } from '@playwright/test';

/** The "Export a PDF brief" dialog. */
export class ExportDialog {
  readonly dialog: Locator;
  readonly exportButton: Locator;
  readonly status: Locator;
  readonly progress: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Export a PDF brief' });
    this.exportButton = this.dialog.getByRole('button', { name: /^(Export PDF|Exporting…)$/ });
    this.status = this.dialog.locator('.export-status');
    this.progress = this.dialog.getByRole('progressbar', { name: 'Export progress' });
  }

  async open(): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Briefing book' })
      .getByRole('button', { name: 'Export PDF…' })
      .click();
  }

  scope(label: RegExp): Locator {
    return this.dialog.getByRole('radio', { name: label });
  }
}
