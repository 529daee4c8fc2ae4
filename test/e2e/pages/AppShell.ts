import { expect, type Locator, type Page } from '@playwright/test';

/** What every screen shares: the sidebar, history buttons, classification, reading controls. */
export class AppShell {
  readonly sidebar: Locator;
  readonly main: Locator;
  readonly classification: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation', { name: 'Briefing book' });
    this.main = page.getByRole('main');
    this.classification = page.locator('.classification-top strong');
  }

  heading(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }

  async goTo(section: 'Overview' | 'Schedule' | 'Officials' | 'Talking points' | 'Background notes'): Promise<void> {
    await this.sidebar.getByRole('link', { name: section, exact: true }).click();
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back' }).click();
  }

  async chooseTheme(theme: 'Auto' | 'Light' | 'Dark'): Promise<void> {
    await this.sidebar.getByRole('radio', { name: theme }).check();
  }

  async largerText(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.sidebar.getByRole('button', { name: 'Larger text' }).click();
  }

  textSize(): Locator {
    return this.sidebar.getByRole('status', { name: 'Text size in pixels' });
  }

  async theme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme);
  }

  async rootFontSize(): Promise<string> {
    return this.page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  }

  async expectScreen(title: string | RegExp): Promise<void> {
    await expect(this.heading()).toHaveText(title);
  }
}
