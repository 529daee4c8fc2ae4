// The first journey: a fresh data folder shows the sample pack; open it, open an
// official's profile, and read the photo and the biography.
import { DURING_SUMMIT, expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { samplePack } from './support/samplePack';
import { DirectoryPage } from './pages/DirectoryPage';
import { LibraryPage } from './pages/LibraryPage';
import { PackHomePage } from './pages/PackHomePage';
import { ProfilePage } from './pages/ProfilePage';

test('a fresh data folder shows the sample pack, and an official’s profile reads in full', async ({
  page,
  host,
}, testInfo) => {
  await page.clock.install({ time: DURING_SUMMIT });
  const library = new LibraryPage(page);
  await library.open(host.url);
  await expect(library.packs).toHaveCount(1);
  await expect(library.pack(samplePack.title)).toBeVisible();
  // The token is kept for this tab but taken out of the address bar.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await expectAccessible(page, 'library');
  await saveScreenshot(page, '01-library', testInfo);

  await library.openPack(samplePack.title);
  const home = new PackHomePage(page);
  await expect(home.nextUp).toBeVisible();
  await expect(home.classification).toHaveText(/CONFIDENTIAL/);

  await home.goTo('Officials');
  const directory = new DirectoryPage(page);
  const tanaka = samplePack.official('tanaka-hiroshi');
  await directory.open(tanaka.name);

  const profile = new ProfilePage(page);
  await profile.expectScreen(tanaka.name);
  await expect(profile.photo).toBeVisible();
  await expect.poll(() => profile.photoIsLoaded()).toBe(true);
  await expect(profile.biography).toContainText(/Minister Tanaka/);
  await expect(profile.meetings.first()).toBeVisible();
  await expectAccessible(page, 'profile');
  await saveScreenshot(page, '05-profile', testInfo);
});

test('a deep link to an item opens it directly and survives a reload', async ({ page, host }) => {
  const url = new URL(host.url);
  url.hash = '#/pack/sample-trilateral-honolulu-2027/official/albright-nathan';
  await page.goto(url.toString());
  const profile = new ProfilePage(page);
  await profile.expectScreen(samplePack.official('albright-nathan').name);
  await page.reload();
  await profile.expectScreen(samplePack.official('albright-nathan').name);
  // A link in the biography's Markdown leads to another item inside the app.
  await profile.biography.getByRole('link', { name: /site visit/i }).click();
  await expect(page).toHaveURL(/#\/pack\/sample-trilateral-honolulu-2027\/meeting\/site-visit-cable-ship$/);
  await profile.back();
  await profile.expectScreen(samplePack.official('albright-nathan').name);
});

test('a note on an official is kept with the reader’s data', async ({ page, host }) => {
  await page.goto(`${host.url}#/pack/sample-trilateral-honolulu-2027/official/lee-ha-eun`);
  const profile = new ProfilePage(page);
  await profile.expectScreen(samplePack.official('lee-ha-eun').name);
  await expect(profile.notes).toContainText('None yet.');
  await profile.addNote('Prefers to open in Korean; thank her for the Busan visit.');
  await expect(profile.notes.getByRole('listitem')).toHaveText(/thank her for the Busan visit/);
  await page.reload();
  await expect(profile.notes.getByRole('listitem')).toHaveText(/thank her for the Busan visit/);
});
