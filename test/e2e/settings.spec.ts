// Reading comfort survives a restart: theme, text size and where the reader was.
import { SAMPLE_PACK, expect, saveScreenshot, test } from './support/fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { ProfilePage } from './pages/ProfilePage';

test('theme and text size persist across reload and a new window', async ({ page, host, context }, testInfo) => {
  const library = new LibraryPage(page);
  await library.open(host.url);
  expect(await library.theme()).toBe('light'); // Chromium's default preference is light.

  await library.chooseTheme('Dark');
  await library.largerText(2);
  await expect(library.textSize()).toHaveText('20');
  expect(await library.theme()).toBe('dark');
  expect(await library.rootFontSize()).toBe('20px');

  await page.reload();
  await expect(library.textSize()).toHaveText('20');
  expect(await library.theme()).toBe('dark');
  expect(await library.rootFontSize()).toBe('20px');

  // A new window (another tab with the printed URL) reads the same stored settings.
  const second = await context.newPage();
  const again = new LibraryPage(second);
  await again.open(host.url);
  await expect(again.textSize()).toHaveText('20');
  expect(await again.theme()).toBe('dark');
  await second.close();

  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}/official/tanaka-hiroshi`);
  await new ProfilePage(page).expectScreen(/Tanaka/);
  await saveScreenshot(page, '07-profile-dark', testInfo);
});

test('the app reopens where the reader left off', async ({ page, host, context }) => {
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}/meeting/bilateral-lee`);
  const profile = new ProfilePage(page);
  await expect(profile.heading()).toHaveText(/Bilateral with Deputy Minister Lee/);
  // lastLocation is saved shortly after navigating.
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const token = sessionStorage.getItem('briefbook.token') ?? '';
        const r = await fetch('/api/getSettings', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Briefbook-Token': token },
          body: '{}',
        });
        return ((await r.json()) as { value: { lastLocation: string | null } }).value.lastLocation;
      }),
    )
    .toContain('/meeting/bilateral-lee');
  await page.close();

  const reopened = await context.newPage();
  await reopened.goto(host.url); // the bare URL, as after a restart
  await expect(new ProfilePage(reopened).heading()).toHaveText(/Bilateral with Deputy Minister Lee/);
});
