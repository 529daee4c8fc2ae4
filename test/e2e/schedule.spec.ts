import { DURING_SUMMIT, SAMPLE_PACK, expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { SchedulePage } from './pages/SchedulePage';

test('the schedule lists every venue day, marks today and shows home time beside venue time', async ({
  page,
  host,
}, testInfo) => {
  await page.clock.install({ time: DURING_SUMMIT });
  // Read as a reader whose home is Tokyo.
  await page.goto(`${host.url}#/settings`);
  await page.getByLabel('Home time zone').selectOption('Asia/Tokyo');
  await page.getByRole('navigation', { name: 'Briefing book' }).getByRole('link', { name: 'Briefbook' }).click();
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}/schedule`);

  const schedule = new SchedulePage(page);
  await schedule.expectScreen('Schedule');
  await expect(schedule.days).toHaveText([
    'All days',
    /Day 1 · Mon 15 Mar/,
    /Day 2 · Tue 16 Mar/,
    /Day 3 · Wed 17 Mar/,
  ]);
  await expect(page.locator('.today-badge')).toHaveCount(1);
  // The late working supper runs past midnight venue time; it stays on the day it starts.
  const supper = schedule.meetings.filter({ hasText: /supper/i });
  await expect(supper).toHaveCount(1);
  await expect(supper.locator('.time-venue')).toHaveText('22:30–00:30');
  await expect(supper.locator('.time-home')).toHaveText(/17:30–19:30 Tokyo \+1 day/);
  await expectAccessible(page, 'schedule');
  await saveScreenshot(page, '03-schedule', testInfo);

  await schedule.days.filter({ hasText: 'Day 2' }).click();
  await schedule.expectScreen(/Tuesday, 16 March 2027/);
  await expect(schedule.meetings.first()).toBeVisible();
});
