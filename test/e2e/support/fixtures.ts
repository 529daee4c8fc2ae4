// The `host` fixture: every test gets its own `briefbook serve` on its own fresh data
// folder, so tests never see each other's settings, stars or read state.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startHost, type BriefbookHost } from './host';

export const SAMPLE_PACK = 'sample-trilateral-honolulu-2027';

/** A fixed moment during the sample summit: Tuesday 16 March 2027, 08:05 in Honolulu. */
export const DURING_SUMMIT = new Date('2027-03-16T08:05:00-10:00');

export const test = base.extend<{ host: BriefbookHost }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await startHost();
    await use(host);
    await host.stop();
  },
});

export { expect };

/** No serious or critical accessibility violations on the current screen. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) => `${v.impact}: ${v.id} — ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe on ${screen}`).toEqual([]);
}

/** Save a screenshot of a main screen where people (and reviewers) can look at it. */
export async function saveScreenshot(page: Page, name: string, testInfo: TestInfo): Promise<void> {
  const dir = path.join(process.cwd(), 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}
