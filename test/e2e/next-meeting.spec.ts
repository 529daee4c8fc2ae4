// Before a bilateral: from the pack home to the next meeting, to a counterpart, and
// back — with the mouse, and then with the keyboard alone.
import type { Locator, Page } from '@playwright/test';
import { DURING_SUMMIT, SAMPLE_PACK, expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { MeetingPage } from './pages/MeetingPage';
import { PackHomePage } from './pages/PackHomePage';
import { ProfilePage } from './pages/ProfilePage';

test('open the pack → next meeting → a participant’s profile → back', async ({ page, host }, testInfo) => {
  await page.clock.install({ time: DURING_SUMMIT });
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  const home = new PackHomePage(page);
  await expect(home.nextUp).toBeVisible();
  await expect(home.countdown).toHaveText(/ends in|starts in/);
  await expectAccessible(page, 'pack home');
  await saveScreenshot(page, '02-pack-home', testInfo);

  const title = await home.openNextMeeting();
  const meeting = new MeetingPage(page);
  await meeting.expectScreen(title);
  await expect(meeting.participants.first()).toBeVisible();
  await expect(meeting.talkingPoints.first()).toBeVisible();
  await expect(meeting.talkingPoints.first().locator('.priority')).toHaveText('high');
  await expect(meeting.agenda).toBeVisible();
  await expectAccessible(page, 'meeting');
  await saveScreenshot(page, '04-meeting', testInfo);

  const name = await meeting.openParticipant(0);
  const profile = new ProfilePage(page);
  await profile.expectScreen(name);
  await expect(profile.meetings.getByRole('link', { name: title })).toBeVisible();

  await profile.back();
  await meeting.expectScreen(title);
  // Alt+← and Alt+→ move through history too.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(home.nextUp).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await meeting.expectScreen(title);
});

test('a meeting card can be read and left with the keyboard alone', async ({ page, host }) => {
  await page.clock.install({ time: DURING_SUMMIT });
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  const home = new PackHomePage(page);
  await expect(home.nextUp).toBeVisible();

  // Tab to the next meeting's title link and open it with Enter.
  const nextLink = home.nextUp.getByRole('heading', { level: 3 }).getByRole('link');
  const title = (await nextLink.textContent()) ?? '';
  await tabUntil(page, nextLink);
  await page.keyboard.press('Enter');
  const meeting = new MeetingPage(page);
  await meeting.expectScreen(title);
  // Focus moved to the new screen's heading, so reading starts there.
  await expect(meeting.heading()).toBeFocused();

  // Tab through the card to the first talking point, then to a participant.
  const point = meeting.talkingPoints.first().getByRole('link');
  await tabUntil(page, point);
  const participant = meeting.participants.first().getByRole('link').first();
  await tabUntil(page, participant);
  const name = (await participant.textContent()) ?? '';
  await page.keyboard.press('Enter');
  await new ProfilePage(page).expectScreen(name);

  await page.keyboard.press('Alt+ArrowLeft');
  await meeting.expectScreen(title);
});

async function tabUntil(page: Page, target: Locator) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Could not reach the element with Tab');
}
