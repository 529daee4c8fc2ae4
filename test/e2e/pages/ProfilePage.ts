import { type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class ProfilePage extends AppShell {
  readonly photo: Locator;
  readonly biography: Locator;
  readonly meetings: Locator;
  readonly talkingPoints: Locator;
  readonly notes: Locator;

  constructor(page: Page) {
    super(page);
    this.photo = page.locator('.profile-header img.photo');
    this.biography = page.getByRole('region', { name: 'Biography' });
    this.meetings = page.getByRole('region', { name: /^Meetings with/ }).getByRole('listitem');
    this.talkingPoints = page.getByRole('region', { name: 'Talking points for them' }).getByRole('listitem');
    this.notes = page.getByRole('region', { name: 'Your notes' });
  }

  async addNote(text: string): Promise<void> {
    await this.notes.getByRole('textbox').fill(text);
    await this.notes.getByRole('button', { name: 'Add note' }).click();
  }

  /** The photo has been decoded and has real pixels, not just an <img> element. */
  async photoIsLoaded(): Promise<boolean> {
    return this.photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  }
}
