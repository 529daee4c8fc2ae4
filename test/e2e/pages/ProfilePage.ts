import { type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class ProfilePage extends AppShell {
  readonly photo: Locator;
  readonly biography: Locator;
  readonly meetings: Locator;
  readonly talkingPoints: Locator;

  constructor(page: Page) {
    super(page);
    this.photo = page.locator('.profile-header img.photo');
    this.biography = page.getByRole('region', { name: 'Biography' });
    this.meetings = page.getByRole('region', { name: /^Meetings with/ }).getByRole('listitem');
    this.talkingPoints = page.getByRole('region', { name: 'Talking points for them' }).getByRole('listitem');
  }

  /** The photo has been decoded and has real pixels, not just an <img> element. */
  async photoIsLoaded(): Promise<boolean> {
    return this.photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  }
}
