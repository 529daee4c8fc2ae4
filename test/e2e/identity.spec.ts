// A reader finds the key to send to the publisher of confidential packs, and it is the
// same key the CLI reports for that data folder.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from './support/fixtures';

test('Settings shows this computer’s reader key id, the one the CLI reports', async ({ page, host }) => {
  await page.goto(`${host.url}#/settings`);
  const section = page.getByRole('region', { name: 'This computer' });
  await expect(section).toBeVisible();
  const keyId = (await section.locator('.identity-key-id').textContent()) ?? '';
  expect(keyId).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);

  const cli = JSON.parse(
    execFileSync(process.execPath, [path.resolve('dist/cli.cjs'), 'identity', '--json', '--data', host.dataDir], {
      encoding: 'utf8',
    }),
  );
  expect(cli.keyId).toBe(keyId);
  await expect(section.getByLabel('Reader key')).toHaveValue(cli.publicKey);
});
