import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The full results page, #/search?q=…, with its filters. */
export class SearchResultsPage extends AppShell {
  readonly input: Locator;
  readonly book: Locator;
  readonly country: Locator;
  readonly status: Locator;
  readonly hits: Locator;

  constructor(page: Page) {
    super(page);
    const form = page.getByRole('search', { name: 'Search and filter' });
    this.input = form.getByRole('searchbox', { name: 'Search for' });
    this.book = form.getByRole('combobox', { name: 'Book' });
    this.country = form.getByRole('combobox', { name: 'Country' });
    this.status = this.main.getByRole('status');
    this.hits = this.main.locator('li.hit');
  }

  async open(baseUrl: string, query: string): Promise<void> {
    await this.page.goto(`${baseUrl}#/search?q=${encodeURIComponent(query)}`);
  }

  kind(label: string | RegExp): Locator {
    return this.main.getByRole('group', { name: 'Show' }).getByRole('button', { name: label });
  }

  /**
   * Wait until the hits shown are those of the current query and filters: until then the
   * previous ones stay on screen, marked aria-busy, and reading them races the update.
   */
  async settled(): Promise<void> {
    await expect(this.main.locator('.search-results')).toHaveAttribute('aria-busy', 'false');
  }

  group(label: string | RegExp): Locator {
    return this.main.getByRole('region', { name: label });
  }
}
