import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class LibraryPage extends AppShell {
  readonly packs: Locator;

  constructor(page: Page) {
    super(page);
    this.packs = page.getByRole('list', { name: 'Installed briefing books' }).getByRole('listitem');
  }

  /** Open the host's URL as a first-time user would (the token is in it). */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.expectScreen('Your briefing books');
  }

  pack(title: string | RegExp): Locator {
    return this.packs.filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  async openPack(title: string | RegExp): Promise<void> {
    await this.pack(title).getByRole('link').first().click();
    await expect(this.page).toHaveURL(/#\/pack\//);
  }
}
