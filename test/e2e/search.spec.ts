// Search journeys on the core's search: the Ctrl+K palette across every book (names in
// any spelling or script, grouped by kind, keyboard only), deep links to the exact
// agenda entry or paragraph, the full results page with filters, and queries that
// would be FTS syntax errors showing no error at all.
import { SAMPLE_PACK, expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { SearchPalette } from './pages/SearchPalette';
import { SearchResultsPage } from './pages/SearchResultsPage';
import { AppShell } from './pages/AppShell';

test('a misspelt romanisation finds Watanabe Shigehiro first, from the library, by keyboard only', async ({
  page,
  host,
}, testInfo) => {
  await page.goto(host.url);
  const shell = new AppShell(page);
  await shell.expectScreen('Your briefing books');
  const palette = new SearchPalette(page);
  await palette.open();
  await palette.search('Sigehiro');
  await expect(palette.options.first()).toContainText('Watanabe Shigehiro');
  await expect(palette.group('Officials')).toBeVisible();
  await expect(palette.options.first().locator('mark').first()).toHaveText('Shigehiro');
  await expectAccessible(page, 'search palette');
  await saveScreenshot(page, 'search-01-palette', testInfo);
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await shell.expectScreen('Watanabe Shigehiro');
});

test('Korean script: 윤 finds Minister Yoon first', async ({ page, host }) => {
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  const palette = new SearchPalette(page);
  await palette.open();
  await palette.search('윤');
  await expect(palette.options.first()).toContainText('Yoon Seo-yeon');
});

test('arrow keys choose an agenda hit and Enter opens the meeting at that agenda entry', async ({ page, host }) => {
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  const shell = new AppShell(page);
  await expect(shell.heading()).toBeVisible();
  const palette = new SearchPalette(page);
  await palette.open();
  await palette.search('JBIC co-financing');
  const agendaHit = palette.options.filter({ hasText: '13:50 · JBIC co-financing for Pacific cable spurs' });
  await expect(agendaHit).toHaveCount(1);
  // Walk down with the arrow keys until the agenda hit is the active option.
  for (let i = 0; i < 10 && (await agendaHit.getAttribute('aria-selected')) !== 'true'; i++) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(agendaHit).toHaveAttribute('aria-selected', 'true');
  await expect(palette.input).toHaveAttribute('aria-activedescendant', (await agendaHit.getAttribute('id'))!);
  await page.keyboard.press('Enter');
  await shell.expectScreen('Bilateral with METI Minister Tanaka');
  await expect(page).toHaveURL(/meeting\/bilateral-tanaka\?at=agenda-2$/);
  const row = page.locator('table.agenda tr.search-target');
  await expect(row).toContainText('JBIC co-financing for Pacific cable spurs');
  await expect(row).toBeFocused();
  await expect(row).toBeInViewport();
  // A scroll that lands after the jump (on a busy machine, the new screen's own
  // scroll-to-top; or content arriving above) does not take the entry away before the
  // reader has touched anything.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(row).toBeInViewport();
});

test('the results page groups hits, filters by kind, book and country, and opens a passage in place', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(120_000);
  const results = new SearchResultsPage(page);
  await results.open(host.url, 'security');
  await results.expectScreen('Results for “security”');
  await results.settled();
  await expect(results.group(/^Officials/)).toBeVisible();
  await expect(results.group(/^Talking points/)).toBeVisible();
  const total = await results.hits.count();
  expect(total).toBeGreaterThan(5);
  await expectAccessible(page, 'search results');
  await saveScreenshot(page, 'search-02-results', testInfo);

  // Kind: only officials.
  await results.kind(/^Officials/).click();
  await expect(results.kind(/^Officials/)).toHaveAttribute('aria-pressed', 'true');
  await expect(results.group(/^Talking points/)).toHaveCount(0);
  const officials = await results.hits.count();
  expect(officials).toBeLessThan(total);

  // Country: only Japan's officials.
  await results.country.selectOption('Japan');
  await expect(page).toHaveURL(/country=Japan/);
  await results.settled();
  await expect(results.hits.first()).toContainText('Japan');
  for (const sub of await results.hits.locator('.hit-sub').allTextContents()) expect(sub).toContain('Japan');

  // Book filter lists the installed book.
  await expect(results.book.locator('option')).toHaveCount(2);

  // Typing refines in place: focus stays in the box.
  await results.country.selectOption('');
  await results.kind(/^All/).click();
  await results.input.fill('cable repair');
  await expect(results.heading()).toHaveText('Results for “cable repair”');
  await expect(results.input).toBeFocused();
  await results.settled();

  // A passage hit opens the item scrolled to that paragraph, marked.
  const passage = results.hits.filter({ hasText: 'Opens at this passage' }).first();
  const title = (await passage.locator('.hit-title').textContent())!;
  const words = (await passage.locator('mark').first().textContent())!;
  // What follows the match in the snippet, to tell this occurrence from others nearby.
  const after = await passage
    .locator('mark')
    .first()
    .evaluate((mark) => {
      let text = '';
      for (let n = mark.nextSibling; n && text.length < 12; n = n.nextSibling) text += n.textContent ?? '';
      return text.slice(0, 12);
    });
  await passage.locator('.hit-title').click();
  await results.expectScreen(title);
  const target = page.locator('.search-target');
  await expect(target).toBeVisible();
  await expect(target).toContainText(new RegExp(words, 'i'));
  await expect(target).toBeInViewport();
  // The words marked are the occurrence the hit matched, not an earlier one in the paragraph.
  const marked = await page.evaluate(() => {
    const range = [...(CSS.highlights.get('search-target') ?? [])][0] as Range | undefined;
    const block = document.querySelector('.search-target');
    if (!range || !block) return '';
    const rest = document.createRange();
    rest.setStart(range.startContainer, range.startOffset);
    rest.setEnd(block, block.childNodes.length);
    return rest.toString().slice(0, 40).replace(/\s+/g, ' ');
  });
  expect(marked.toLowerCase()).toContain(`${words}${after}`.replace(/\s+/g, ' ').toLowerCase());
  await saveScreenshot(page, 'search-03-deep-link', testInfo);

  // Back returns to the same results.
  await results.back();
  await results.expectScreen('Results for “cable repair”');
});

test('FTS syntax and punctuation are searched for, never an error', async ({ page, host }) => {
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}`);
  const palette = new SearchPalette(page);
  await palette.open();
  for (const hostile of ['"', 'NEAR(', '*', '-', 'AND', '"unclosed phrase', 'a OR', '^', '{}', ':']) {
    await palette.search(hostile);
    await expect(palette.dialog.getByRole('listbox')).toHaveAttribute('aria-busy', 'false');
    await expect(palette.dialog).not.toContainText(/fail|error|invalid/i);
    await expect(palette.options.last()).toContainText('Show all results');
  }
  await page.keyboard.press('Escape');

  const results = new SearchResultsPage(page);
  for (const hostile of ['"', 'NEAR(', '*']) {
    await results.open(host.url, hostile);
    await expect(results.status).toHaveText(/result|Nothing matches/);
    await expect(results.status).not.toContainText(/fail|error|invalid/i);
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
});
