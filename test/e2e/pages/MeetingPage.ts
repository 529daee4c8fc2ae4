import { type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class MeetingPage extends AppShell {
  readonly participants: Locator;
  readonly talkingPoints: Locator;
  readonly agenda: Locator;
  readonly objective: Locator;

  constructor(page: Page) {
    super(page);
    this.participants = page.getByRole('region', { name: 'Participants' }).getByRole('listitem');
    this.talkingPoints = page.getByRole('region', { name: 'Talking points' }).locator('li.talking-point');
    this.agenda = page.getByRole('region', { name: 'Agenda' }).getByRole('table');
    this.objective = page.getByRole('region', { name: 'Objective' });
  }

  async openParticipant(index = 0): Promise<string> {
    const link = this.participants.nth(index).getByRole('link').first();
    const name = (await link.textContent()) ?? '';
    await link.click();
    return name;
  }
}
