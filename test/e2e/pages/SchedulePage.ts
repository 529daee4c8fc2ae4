import { type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class SchedulePage extends AppShell {
  readonly days: Locator;
  readonly meetings: Locator;
  readonly clashes: Locator;

  constructor(page: Page) {
    super(page);
    this.days = page.getByRole('navigation', { name: 'Days' }).getByRole('link');
    this.meetings = page.locator('article.meeting-card');
    this.clashes = page.locator('article.meeting-card.has-clash');
  }
}
