import { type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class DirectoryPage extends AppShell {
  readonly cards: Locator;
  readonly count: Locator;
  readonly country: Locator;
  readonly organisation: Locator;
  readonly sort: Locator;
  readonly name: Locator;

  constructor(page: Page) {
    super(page);
    this.cards = page.getByRole('list', { name: 'Officials' }).getByRole('listitem');
    this.count = page.locator('.result-count');
    const form = page.getByRole('search', { name: 'Filter officials' });
    this.country = form.getByLabel('Country');
    this.organisation = form.getByLabel('Organisation');
    this.sort = form.getByLabel('Sort by');
    this.name = form.getByLabel('Name');
  }

  async names(): Promise<string[]> {
    return this.cards.getByRole('heading', { level: 2 }).allTextContents();
  }

  async open(name: string): Promise<void> {
    await this.cards.getByRole('link', { name, exact: true }).click();
  }
}
