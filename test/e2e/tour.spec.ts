// The remaining screens, for the record and for axe: talking points, a talking point,
// background notes, a note, settings, and the find palette.
import { DURING_SUMMIT, SAMPLE_PACK, expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { AppShell } from './pages/AppShell';

test('talking points, notes, settings and the find palette read well and pass axe', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(180_000); // six screens, each with an axe run
  await page.clock.install({ time: DURING_SUMMIT });
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  const shell = new AppShell(page);

  await shell.goTo('Talking points');
  await shell.expectScreen('Talking points');
  await expect(page.getByRole('heading', { name: 'High priority' })).toBeVisible();
  await expectAccessible(page, 'talking points');
  await saveScreenshot(page, '08-talking-points', testInfo);

  await page.getByRole('link', { name: 'By topic' }).click();
  await expect(page).toHaveURL(/talking-points\?by=topic/);

  await page
    .getByRole('main')
    .getByRole('link')
    .filter({ hasText: /export controls/i })
    .first()
    .click();
  await expect(page.getByRole('region', { name: 'Raise it in' })).toBeVisible();
  await expectAccessible(page, 'talking point');
  await saveScreenshot(page, '09-talking-point', testInfo);

  await shell.goTo('Background notes');
  await shell.expectScreen('Background notes');
  await page.getByRole('main').getByRole('link').first().click();
  await expect(page.locator('.prose')).toBeVisible();
  await expectAccessible(page, 'note');
  await saveScreenshot(page, '10-note', testInfo);

  await page.keyboard.press('Control+k');
  await page.keyboard.type('cable');
  await expect(page.getByRole('option').first()).toBeVisible();
  await saveScreenshot(page, '11-find-palette', testInfo);
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: 'Settings' }).click();
  await shell.expectScreen('Reading and time');
  await expectAccessible(page, 'settings');
  await shell.chooseTheme('Dark');
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  await expect(page.getByRole('region', { name: /Next up|Happening now/ })).toBeVisible();
  await saveScreenshot(page, '12-pack-home-dark', testInfo);
  await expectAccessible(page, 'pack home (dark)');
});
