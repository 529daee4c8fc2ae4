// The pack workshop, as a chief of staff uses it: create a pack from nothing, add an
// official by hand (with a photo) and one from a spreadsheet with a bad row, a talking
// point and a meeting with participants and an agenda; fix what the checker shows;
// preview; publish. The result must pass `briefbook pack verify` and install on a
// fresh data folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { WorkshopPage } from './pages/WorkshopPage';
import { makeXlsx } from '../integration/workshop/xlsx';

function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 120)]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CLI = path.resolve('dist/cli.cjs');
function cli(...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

const CSV = [
  'Name,Native name,Position,Ministry,Country,Languages',
  'Aiko Sato,佐藤 愛子,Minister for Foreign Affairs,Ministry of Foreign Affairs,Japan,Japanese; English',
  'Nobody Special,,,,Japan,',
].join('\n');

test('assemble, check, preview and publish a pack from the workshop alone', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-e2e-workshop-'));
  const folder = path.join(root, 'trilateral-2030');
  const w = new WorkshopPage(page);
  await page.goto(host.url);
  await w.open();
  await w.createPack(folder, 'Trilateral Summit 2030');
  expect(fs.existsSync(path.join(folder, 'pack.yaml'))).toBe(true);

  // The new pack.yaml has an empty location: the checker says so, and the link leads to the field.
  await expect(w.problems().first()).toContainText('event.location');
  await w.goToProblem(/event\.location/);
  await expect(w.field('Location (city, country)')).toBeFocused();
  await w.field('Location (city, country)').fill('Seoul, Republic of Korea');
  await w.field('Venue time zone').fill('Asia/Seoul');
  await w.field('First day').fill('2030-05-12');
  await w.field('Last day').fill('2030-05-13');
  await w.field('Classification').fill('CONFIDENTIAL');
  await w.save();
  await w.expectNoProblems();

  // An official by hand: the checker lists the empty required fields until they are filled.
  await w.newItem('official', 'Park Min-jun');
  await expect(w.form().locator('.wf-problems').first()).toBeVisible();
  await w.field('Title').fill('Minister of Trade, Industry and Energy');
  await w.field('Organization').fill('MOTIE');
  await w.field('Country').fill('Republic of Korea');
  await w.field('Name in native script (optional)').fill('박민준');
  await w.field('Languages').fill('Korean, English');
  await w.field('Biography').fill('Career trade negotiator.\n\n## Background\n\n- Led the **FTA** talks.\n');
  await expect(w.form().locator('.wf-preview h3')).toHaveText('Background'); // the reader's renderer
  await w.save();
  await w
    .form()
    .getByLabel(/^Photo/)
    .setInputFiles({ name: 'park.png', mimeType: 'image/png', buffer: png(60, 80) });
  await expect(w.form().getByText('Current: photos/park-min-jun.png')).toBeVisible();
  await w.expectNoProblems();

  // A second official from a spreadsheet with a bad row: previewed, the bad row refused with its reason.
  await w.outline.getByRole('button', { name: 'Import from spreadsheet' }).click();
  await w
    .form()
    .getByLabel(/Spreadsheet file/)
    .setInputFiles({ name: 'officials.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect(w.form().getByRole('heading', { name: /1 new, 0 updated, 1 refused/ })).toBeVisible();
  const refused = w.form().getByRole('table', { name: 'Refused rows' });
  await expect(refused).toContainText('Nobody Special');
  await expect(refused).toContainText('title: missing');
  expect(fs.existsSync(path.join(folder, 'officials/aiko-sato.md'))).toBe(false); // nothing written yet
  await saveScreenshot(page, 'workshop-import-preview', testInfo);
  await w
    .form()
    .getByRole('button', { name: /Import 1 official/ })
    .click();
  await expect(w.form().getByRole('status')).toContainText('1 created');
  await expect(w.entry('Aiko Sato')).toBeVisible();

  // A talking point and a meeting with participants, talking points and an agenda.
  await w.newItem('talking point', 'Semiconductor supply chains');
  await w.field('Priority').selectOption('high');
  await w.save();
  await w.newItem('meeting', 'Bilateral with Minister Sato');
  await w.field('Starts (Seoul time)').fill('2030-05-12T14:00');
  await w.field('Ends (Seoul time)').fill('2030-05-12T13:00'); // a slip the checker catches
  await w.field('Location').fill('Lotte Hotel, Room 2');
  await w.pick('Participants', 'sato', 'Aiko Sato');
  await w.pick('Participants', 'park', 'Park Min-jun');
  await w.pick('Talking points', 'semi', 'Semiconductor supply chains');
  await w.addAgendaRow('14:00', 'Greetings', 'Aiko Sato');
  await w.addAgendaRow('14:10', 'Export controls', 'Park Min-jun');
  await w.addAgendaRow('14:05', 'Photo spray');
  await w.form().getByRole('button', { name: 'Move row 3 up' }).click();
  await expect(w.form().getByLabel('Row 2 title')).toHaveValue('Photo spray');
  await w.save();
  await expect(w.problems()).toHaveCount(1);
  await expect(w.problems().first()).toContainText('meeting ends before');
  await saveScreenshot(page, 'workshop-meeting', testInfo);
  await expectAccessible(page, 'workshop meeting form');
  await w.goToProblem(/meeting ends before/);
  await expect(w.field('Ends (Seoul time)')).toBeFocused();
  await w.field('Ends (Seoul time)').fill('2030-05-12T14:45');
  await expect(w.form().locator('.wf-hometime').first()).toBeVisible(); // home time beside venue time
  await w.save();
  await w.expectNoProblems();
  const meeting = fs.readFileSync(path.join(folder, 'meetings/bilateral-with-minister-sato.md'), 'utf8');
  expect(meeting).toContain('participants: [aiko-sato, park-min-jun]');
  expect(meeting).toMatch(/agenda:\n {2}- time: "?14:00"?\n/);

  // Preview as the executive will see it, then come back and publish.
  await w.outline.getByRole('button', { name: 'Preview and publish' }).click();
  await w.form().getByRole('button', { name: 'Export a preview PDF' }).click();
  await expect(w.form().getByText('Preview PDF written')).toBeVisible({ timeout: 30_000 });
  // Written into the app's exports folder, never beside the pack's files; a copy is saved from there.
  expect(fs.existsSync(`${folder}-preview.pdf`)).toBe(false);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    w.form().getByRole('button', { name: 'Save a copy' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-preview\.pdf$/);
  expect(
    fs
      .readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await w.form().getByRole('button', { name: 'Preview in the reader' }).click();
  await expect(w.heading()).toContainText('Trilateral Summit 2030');
  await w.open();
  await w.outline.getByRole('button', { name: 'Preview and publish' }).click();
  await w.form().getByLabel('New passphrase (at least 10 characters)').fill('summit passphrase 2030');
  await w.form().getByLabel('Passphrase again').fill('summit passphrase 2030');
  await w.form().getByRole('button', { name: 'Create publisher key' }).click();
  const keyId = (await w.form().locator('.wf-keyid').first().textContent())!.trim();
  expect(keyId).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
  await expect(w.form().locator('.wf-plan')).toContainText('Will publish version 1');
  await expect(w.form().locator('.wf-plan')).toContainText('Added (4)');
  await w.form().getByLabel('Passphrase of the publisher key').fill('summit passphrase 2030');
  await w.form().getByRole('button', { name: 'Publish version 1' }).click();
  const result = w.form().locator('.wf-result');
  await expect(result).toContainText('Published version 1 of trilateral-summit-2030');
  await expect(result).toContainText(keyId);
  await saveScreenshot(page, 'workshop-published', testInfo);
  const walkThrough = Date.now() - started;
  testInfo.annotations.push({ type: 'walk-through', description: `${Math.round(walkThrough / 1000)} s` });

  // The reader's side: verify with the public key, then install on a fresh data folder.
  const dist = `${folder}-published`;
  const pub = path.join(host.dataDir, 'workshop', 'publisher.pub');
  const verify = cli('pack', 'verify', dist, '--pubkey', pub);
  expect(verify.status, verify.stderr).toBe(0);
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-e2e-reader-'));
  const add = cli('add', dist, '--pubkey', pub, '--data', fresh, '--json');
  expect(add.status, add.stderr).toBe(0);
  const packs = cli('packs', '--data', fresh, '--json');
  expect(packs.stdout).toContain('trilateral-summit-2030');
  fs.rmSync(fresh, { recursive: true, force: true });
  fs.rmSync(root, { recursive: true, force: true });
});

test('officials import from an .xlsx workbook through the same preview and confirm', async ({ page, host }) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-e2e-workshop-xlsx-'));
  const folder = path.join(root, 'pack');
  const w = new WorkshopPage(page);
  await page.goto(host.url);
  await w.open();
  await w.createPack(folder, 'Workbook Pack');
  await w.outline.getByRole('button', { name: 'Import from spreadsheet' }).click();
  const book = await makeXlsx([
    ['Full name', 'Role', 'Organisation', 'Country'],
    ['Lee Ha-eun', 'Deputy Minister', 'MOTIE', 'Republic of Korea'],
    ['Missing Role', '', 'MOFA', 'Japan'],
  ]);
  await w
    .form()
    .getByLabel(/Spreadsheet file/)
    .setInputFiles({
      name: 'officials.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: book,
    });
  await expect(w.form().getByRole('heading', { name: /1 new, 0 updated, 1 refused/ })).toBeVisible();
  await expect(w.form().getByRole('table', { name: 'Refused rows' })).toContainText('Missing Role');
  await w
    .form()
    .getByRole('button', { name: /Import 1 official/ })
    .click();
  await expect(w.entry('Lee Ha-eun')).toBeVisible();
  expect(fs.readFileSync(path.join(folder, 'officials/lee-ha-eun.md'), 'utf8')).toContain('title: Deputy Minister');
  fs.rmSync(root, { recursive: true, force: true });
});
