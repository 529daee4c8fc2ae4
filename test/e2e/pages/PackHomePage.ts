import { type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class PackHomePage extends AppShell {
  readonly nextUp: Locator;
  readonly countdown: Locator;
  readonly today: Locator;

  constructor(page: Page) {
    super(page);
    this.nextUp = page.getByRole('region', { name: /Next up|Happening now/ });
    this.countdown = this.nextUp.locator('.countdown');
    this.today = page.getByRole('region').filter({ has: page.locator('#day-heading') });
  }

  async openNextMeeting(): Promise<string> {
    const link = this.nextUp.getByRole('heading', { level: 3 }).getByRole('link');
    const title = (await link.textContent()) ?? '';
    await link.click();
    return title;
  }
}
