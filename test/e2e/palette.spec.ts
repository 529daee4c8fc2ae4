import { SAMPLE_PACK, expect, test } from './support/fixtures';

test('Ctrl+K finds an official by a romanisation variant and opens the profile', async ({ page, host }) => {
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Sigehiro');
  await expect(dialog.getByRole('option').first()).toContainText('Watanabe Shigehiro');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Watanabe Shigehiro');
});
