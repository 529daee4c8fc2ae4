import { SAMPLE_PACK, expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { samplePack } from './support/samplePack';
import { DirectoryPage } from './pages/DirectoryPage';

test('the officials directory filters by country and organisation and sorts', async ({ page, host }, testInfo) => {
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}/officials`);
  const directory = new DirectoryPage(page);
  await directory.expectScreen('Officials');
  await expect(directory.cards).toHaveCount(samplePack.officialCount);
  await expectAccessible(page, 'directory');
  await saveScreenshot(page, '06-directory', testInfo);

  await directory.country.selectOption('Republic of Korea');
  const korean = samplePack.officialsIn('Republic of Korea');
  await expect(directory.cards).toHaveCount(korean.length);
  expect(await directory.names()).toEqual(korean);
  await expect(page).toHaveURL(/officials\?country=Republic/);

  // Organisations follow the chosen country.
  const orgs = await directory.organisation.locator('option').allTextContents();
  expect(orgs.slice(1).every((o) => !o.includes('Japan'))).toBe(true);
  await directory.organisation.selectOption({ index: 1 });
  await expect(directory.cards).toHaveCount(1);

  // The filter is part of the address, so reload keeps it.
  await page.reload();
  await expect(directory.cards).toHaveCount(1);
  await expect(directory.country).toHaveValue('Republic of Korea');

  await directory.country.selectOption('');
  await directory.sort.selectOption('country');
  const all = await directory.names();
  expect(all).toHaveLength(samplePack.officialCount);
  const countries = await directory.cards.locator('p.muted').allTextContents();
  const sortedCountries = countries.map((c) => c.split(' · ').pop() ?? '');
  expect(sortedCountries).toEqual([...sortedCountries].sort((a, b) => a.localeCompare(b)));

  await directory.name.fill('tanaka');
  await expect(directory.cards).toHaveCount(1);
});
