// The reader's own marks on the text: select → highlight → note, kept across reloads and
// drawn where they were made; recolour, delete and undo; My notes lists, searches and
// jumps to them; export from one data folder and import into a fresh one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownToPlainText } from '../../shared/markdown';
import { DURING_SUMMIT, SAMPLE_PACK, expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { startHost, type BriefbookHost } from './support/host';
import { AnnotatedItemPage } from './pages/AnnotatedItemPage';
import { MyNotesPage } from './pages/MyNotesPage';

const packDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/sample-pack');
const bodyOf = (file: string) => fs.readFileSync(path.join(packDir, file), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

const TANAKA = `${SAMPLE_PACK}/official/tanaka-hiroshi`;
const PHRASE = 'pragmatic, data-driven and impatient with generalities';

/** The annotations the core holds, straight from the API (not through the screen). */
async function storedAnnotations(host: BriefbookHost) {
  const token = new URL(host.url).searchParams.get('token')!;
  const response = await fetch(`${host.origin}/api/listAnnotations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Briefbook-Token': token },
    body: '{}',
  });
  const body = (await response.json()) as {
    value: {
      annotations: {
        id: string;
        note: string;
        color: string;
        anchor: { start: number; end: number; quote: string } | null;
      }[];
    };
  };
  return body.value.annotations;
}

test('select text → highlight with a note → reload: still there, in the right place; recolour, delete, undo', async ({
  page,
  host,
}, testInfo) => {
  await page.clock.install({ time: DURING_SUMMIT });
  await page.goto(`${host.url}#/pack/${TANAKA}`);
  const item = new AnnotatedItemPage(page);
  await item.expectScreen('Tanaka Hiroshi');
  const bio = page.getByRole('region', { name: 'Biography' });

  await item.select(bio, PHRASE);
  await expect(item.selectionToolbar).toBeVisible();
  await saveScreenshot(page, 'annotations-01-selection-toolbar', testInfo);
  await item.highlightWithNote('Bring numbers: the repair-ship fleet figures.');
  await expect(item.mark(PHRASE)).toHaveText(PHRASE);
  await saveScreenshot(page, 'annotations-02-highlight-editor', testInfo);
  await page.keyboard.press('Escape');
  await expect(item.highlightEditor).toBeHidden();

  // Stored at the plain-text offsets of the same derivation the core and PDF use.
  const plain = markdownToPlainText(bodyOf('officials/tanaka-hiroshi.md'));
  const [stored] = await storedAnnotations(host);
  expect(stored?.anchor).toMatchObject({
    quote: PHRASE,
    start: plain.indexOf(PHRASE),
    end: plain.indexOf(PHRASE) + PHRASE.length,
  });
  expect(stored?.note).toBe('Bring numbers: the repair-ship fleet figures.');

  await page.reload();
  await item.expectScreen('Tanaka Hiroshi');
  await expect(item.marks()).toHaveCount(1);
  await expect(item.mark(PHRASE)).toHaveText(PHRASE);
  await expect(item.mark(PHRASE)).toHaveClass(/hl-yellow/);
  await expect(item.mark(PHRASE)).toHaveClass(/hl-has-note/);
  await expect(item.notesPanel).toContainText('Bring numbers');

  // A highlight across inline formatting (bold) splits into marks per text leaf.
  await item.select(bio, "architect of Japan's economic security legislation");
  await item.highlightSelection('Blue');
  await expect(item.marks()).toHaveCount(4);
  await expect(bio.locator('strong mark.hl-blue')).toHaveText('economic security');
  await saveScreenshot(page, 'annotations-03-highlights', testInfo);

  await item.openHighlight(PHRASE);
  await item.highlightEditor.getByRole('button', { name: 'Green' }).click();
  await expect(item.mark(PHRASE)).toHaveClass(/hl-green/);
  await item.highlightEditor.getByRole('button', { name: 'Delete highlight' }).click();
  await expect(item.mark(PHRASE)).toHaveCount(0);
  await expect(item.toasts).toContainText('Highlight deleted.');
  await item.undo();
  await expect(item.mark(PHRASE)).toHaveClass(/hl-green/);
  await expect(item.notesPanel).toContainText('Bring numbers');
  await page.reload();
  await expect(item.mark(PHRASE)).toHaveClass(/hl-green/);
  await expectAccessible(page, 'profile with highlights');

  await item.chooseTheme('Dark');
  await expect(item.mark(PHRASE)).toBeVisible();
  await expectAccessible(page, 'profile with highlights (dark)');
  await saveScreenshot(page, 'annotations-07-highlights-dark', testInfo);
});

test('My notes lists every note, filters and searches them, and jumps to a highlight in context', async ({
  page,
  host,
}, testInfo) => {
  await page.clock.install({ time: DURING_SUMMIT });
  await page.goto(`${host.url}#/pack/${TANAKA}`);
  const item = new AnnotatedItemPage(page);
  await item.expectScreen('Tanaka Hiroshi');
  await item.select(page.getByRole('region', { name: 'Biography' }), 'Marathon runner');
  await item.highlightWithNote('Ask about his Ala Moana run.');
  await page.keyboard.press('Escape');
  await item.notesPanel.getByRole('textbox').fill('Co-chairs the plenary; thank him for the Yokosuka visit.');
  await item.notesPanel.getByRole('button', { name: 'Add note' }).click();
  await expect(
    item.notesPanel.getByRole('listitem').filter({ hasText: 'thank him for the Yokosuka visit' }),
  ).toBeVisible();

  const notes = new MyNotesPage(page);
  await notes.open();
  await expect(notes.entries).toHaveCount(2);
  await expect(notes.entry('Ala Moana')).toContainText('Marathon runner');
  await expectAccessible(page, 'my notes');
  await saveScreenshot(page, 'annotations-04-my-notes', testInfo);

  await notes.search.fill('yokosuka');
  await expect(notes.entries).toHaveCount(1);
  await expect(notes.entries.first()).toContainText('Yokosuka visit');
  await notes.search.fill('nothing like this');
  await expect(notes.count).toHaveText('No notes match.');
  await notes.search.fill('');
  await notes.filter('Type', 'Highlights');
  await expect(notes.entries).toHaveCount(1);
  await notes.filter('Colour', 'Pink');
  await expect(notes.entries).toHaveCount(0);
  await notes.filter('Colour', 'Yellow');
  await expect(notes.entries).toHaveCount(1);

  await notes
    .entry('Ala Moana')
    .getByRole('link', { name: /Show in text/ })
    .click();
  await item.expectScreen('Tanaka Hiroshi');
  const mark = item.mark('Marathon runner');
  await expect(mark).toHaveClass(/hl-flash/);
  await expect(mark).toBeInViewport();
});

test('an item note is edited and deleted with undo', async ({ page, host }) => {
  await page.goto(`${host.url}#/pack/${SAMPLE_PACK}/talking-point/export-controls`);
  const item = new AnnotatedItemPage(page);
  await expect(item.notesPanel).toBeVisible();
  await item.notesPanel.getByRole('textbox').fill('Keep it short.');
  await item.notesPanel.getByRole('button', { name: 'Add note' }).click();
  const card = item.notesPanel.getByRole('listitem').filter({ hasText: 'Keep it short.' });
  await card.getByRole('button', { name: /^Edit/ }).click();
  const field = item.notesPanel.getByRole('textbox', { name: 'Note', exact: true });
  await field.fill('Keep it short; offer the joint statement language.');
  await expect(item.notesPanel.getByText('Saved')).toBeVisible();
  await page.reload();
  const edited = item.notesPanel.getByRole('listitem').filter({ hasText: 'offer the joint statement language' });
  await expect(edited).toBeVisible();
  await edited.getByRole('button', { name: /^Delete/ }).click();
  await expect(edited).toHaveCount(0);
  await item.undo();
  await expect(item.notesPanel.getByRole('listitem').filter({ hasText: 'joint statement' })).toBeVisible();
});

test('export from one data folder and import into a fresh one restores the notes', async ({ page, host }) => {
  await page.goto(`${host.url}#/pack/${TANAKA}`);
  const item = new AnnotatedItemPage(page);
  await item.expectScreen('Tanaka Hiroshi');
  await item.select(page.getByRole('region', { name: 'Biography' }), PHRASE);
  await item.highlightWithNote('Numbers, not adjectives.');
  await page.keyboard.press('Escape');
  const notes = new MyNotesPage(page);
  await notes.open();
  const file = await notes.exportToFile();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { format: string; annotations: unknown[] };
  expect(exported.format).toBe('briefbook-annotations');
  expect(exported.annotations).toHaveLength(1);

  const fresh = await startHost();
  try {
    await page.goto(`${fresh.url}#/notes`);
    await notes.expectScreen('My notes');
    await expect(notes.count).toHaveText('No notes match.');
    await notes.importFile(file);
    await expect(notes.exchange.getByRole('status')).toContainText('1 added, 0 updated, 0 unchanged');
    await expect(notes.entries).toHaveCount(1);
    expect(await storedAnnotations(fresh)).toEqual(await storedAnnotations(host));
    // Importing the same file again changes nothing.
    await notes.importFile(file);
    await expect(notes.exchange.getByRole('status')).toContainText('0 added, 0 updated, 1 unchanged');
    await notes
      .entry('Numbers, not adjectives.')
      .getByRole('link', { name: /Show in text/ })
      .click();
    await expect(item.mark(PHRASE)).toHaveText(PHRASE);
  } finally {
    await fresh.stop();
  }
});

test('an orphaned highlight is listed for review, re-attached to new text, and a second one deleted', async ({
  page,
  host,
}, testInfo) => {
  // Notes whose text is no longer in the pack: imported from a file, as after a pack update.
  const orphan = (id: string, quote: string, note: string) => ({
    id,
    packId: SAMPLE_PACK,
    kind: 'official',
    itemId: 'tanaka-hiroshi',
    anchor: { quote, prefix: '', suffix: '', start: 40, end: 40 + quote.length },
    color: 'pink',
    note,
    status: 'anchored',
    createdAt: '2027-03-10T08:01:00.000Z',
    updatedAt: '2027-03-10T08:01:00.000Z',
  });
  const file = path.join(testInfo.outputDir, 'old-notes.json');
  fs.mkdirSync(testInfo.outputDir, { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify({
      format: 'briefbook-annotations',
      version: 1,
      exportedAt: '2027-03-12T00:00:00.000Z',
      packs: [],
      annotations: [
        orphan(
          '0b9f6c1e-5d7a-4a43-9d55-3f1f2c0f8e11',
          'He once chaired the fisheries committee',
          'Ask about fisheries.',
        ),
        orphan('6f1d2a30-8c4e-4b1f-9a77-0c2e5d9b4a21', 'a keen amateur astronomer', 'Old rumour.'),
      ],
      stars: [],
    }),
  );
  await page.goto(`${host.url}#/notes`);
  const notes = new MyNotesPage(page);
  await notes.expectScreen('My notes');
  await notes.importFile(file);
  await expect(notes.exchange.getByRole('status')).toContainText('2 added');
  await expect(notes.exchange.getByRole('status')).toContainText('2 no longer found in the text');

  await page.getByRole('button', { name: 'Review them' }).click();
  await expect(page.getByRole('heading', { name: 'No longer found in the text' })).toBeVisible();
  await expect(notes.entries).toHaveCount(2);
  await expectAccessible(page, 'orphan review');
  await saveScreenshot(page, 'annotations-05-orphan-review', testInfo);

  await notes
    .entry('Old rumour.')
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(notes.entries).toHaveCount(1);

  const entry = notes.entry('Ask about fisheries.');
  await entry.getByRole('button', { name: /^Re-attach/ }).click();
  await expect(entry.getByLabel('Item')).toHaveValue('official/tanaka-hiroshi');
  await entry.getByRole('button', { name: 'Open it and select the text' }).click();

  const item = new AnnotatedItemPage(page);
  await item.expectScreen('Tanaka Hiroshi');
  const bar = page.getByRole('region', { name: 'Re-attaching a note' });
  await expect(bar).toContainText('He once chaired the fisheries committee');
  await item.select(page.getByRole('region', { name: 'Biography' }), 'impatient with generalities');
  await saveScreenshot(page, 'annotations-06-reattach', testInfo);
  await item.selectionToolbar.getByRole('button', { name: 'Attach here' }).click();
  await expect(item.toasts).toContainText('Highlight re-attached.');
  await expect(bar).toBeHidden();
  await expect(item.mark('impatient with generalities')).toHaveClass(/hl-pink/);

  await notes.open();
  await expect(page.getByRole('button', { name: 'Review them' })).toBeHidden();
  await notes.filter('Status', 'All');
  await expect(notes.entries).toHaveCount(1);
  await expect(notes.entry('Ask about fisheries.')).toContainText('“impatient with generalities”');
});
