// PDF export from the app: the dialog's scopes and options, progress while the core
// writes the brief into the data folder's exports/, and a result that says pages and
// size, with a copy the browser can download.
import fs from 'node:fs';
import path from 'node:path';
import { SAMPLE_PACK, expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { ExportDialog } from './pages/ExportDialog';

test('export the sample book: the dialog reports pages and size, and a copy downloads', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  const exporter = new ExportDialog(page);
  await exporter.open();
  await expect(exporter.dialog).toBeVisible();
  await expect(exporter.scope(/The whole book/)).toBeChecked();
  await exporter.dialog.getByRole('radio', { name: 'A4' }).check();
  await exporter.dialog.getByRole('textbox', { name: /Watermark name/ }).fill('Akiko Morimoto');
  await expect(exporter.dialog).toContainText(path.join(host.dataDir, 'exports'));
  await expectAccessible(page, 'export dialog');
  await saveScreenshot(page, 'export-01-dialog', testInfo);

  await exporter.exportButton.click();
  await expect(exporter.status).toContainText(/Exported \d+ pages/, { timeout: 60_000 });
  const text = (await exporter.status.textContent())!;
  const pages = Number(/Exported (\d+) pages/.exec(text)![1]);
  expect(pages).toBeGreaterThan(10);
  expect(text).toMatch(/\((\d+(\.\d)? (KB|MB))\)/);
  const saved = /Saved as (\S+\.pdf)/.exec(text)![1]!;
  expect(path.dirname(saved)).toBe(path.join(host.dataDir, 'exports'));
  expect(fs.readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
  await saveScreenshot(page, 'export-02-done', testInfo);

  const download = page.waitForEvent('download');
  await exporter.dialog.getByRole('button', { name: 'Download a copy' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(path.basename(saved));
  expect(fs.statSync(await file.path()).size).toBe(fs.statSync(saved).size);

  await exporter.dialog.getByRole('button', { name: 'Done' }).click();
  await expect(exporter.dialog).toBeHidden();
});

test('from a meeting, the dialog starts with that meeting card; officials can be picked by keyboard', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}/meeting/bilateral-tanaka`);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(
    'Bilateral with METI Minister Tanaka',
  );
  const exporter = new ExportDialog(page);
  await exporter.open();
  await expect(exporter.scope(/One meeting card/)).toBeChecked();
  await expect(exporter.dialog.getByRole('combobox', { name: 'Meeting' })).toHaveValue('bilateral-tanaka');
  await exporter.exportButton.click();
  await expect(exporter.status).toContainText(/Exported \d+ pages?/, { timeout: 60_000 });
  expect(await exporter.status.textContent()).toContain('meeting-bilateral-tanaka');

  await exporter.scope(/Profiles of selected officials/).check();
  await expect(exporter.exportButton.or(exporter.dialog.getByRole('button', { name: 'Export again' }))).toBeDisabled();
  await exporter.dialog.getByRole('searchbox', { name: 'Filter officials' }).fill('Japan');
  const japan = exporter.dialog.getByRole('group', { name: 'Officials to include' }).getByRole('checkbox');
  await japan.first().focus();
  await page.keyboard.press('Space');
  await expect(japan.first()).toBeChecked();
  await expect(exporter.dialog).toContainText('1 selected');
  await page.keyboard.press('Escape');
  await expect(exporter.dialog).toBeHidden();
});
