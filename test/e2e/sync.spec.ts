// Sync journeys against a real publisher: a key and a pack built with the CLI
// (`keygen`, `pack build`) into a folder served by a Node HTTP server on 127.0.0.1.
// Add it by URL + the pasted .pub (key id shown to compare), sync after the publisher
// edits it, read "what changed", see and clear the marks, go offline, remove the book.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { AddPackDialog, ChangesPage, LibrarySync } from './pages/SyncPages';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(root, 'dist/cli.cjs'), ...args], { encoding: 'utf8' });

const PACK_ID = 'e2e-sync-summit';
const TITLE = 'Sync Test Briefing Book';

interface Publisher {
  url: string;
  pub: string;
  keyId: string;
  source: string;
  publish(): void;
  stop(): Promise<void>;
  close(): Promise<void>;
}

/** A publisher: the sample pack under another id, signed with a fresh key, on a static HTTP host. */
async function startPublisher(options: { expires?: string } = {}): Promise<Publisher> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-e2e-pub-'));
  const source = path.join(dir, 'source');
  const out = path.join(dir, 'published');
  fs.cpSync(path.join(root, 'assets/sample-pack'), source, { recursive: true });
  let yaml = fs.readFileSync(path.join(source, 'pack.yaml'), 'utf8');
  yaml = yaml.replace(/^id: .*$/m, `id: ${PACK_ID}`).replace(/^title: .*$/m, `title: ${TITLE}`);
  if (options.expires) yaml += `expires: '${options.expires}'\n`;
  fs.writeFileSync(path.join(source, 'pack.yaml'), yaml);
  const key = JSON.parse(cli('keygen', '--out', path.join(dir, 'publisher'), '--json')) as {
    keyId: string;
    publicKey: string;
  };
  const publish = () =>
    void cli('pack', 'build', source, '--key', path.join(dir, 'publisher.key'), '--out', out, '--json');
  publish();
  let server = await serve(out);
  const address = server.address() as AddressInfo;
  const port = address.port;
  return {
    url: `http://127.0.0.1:${port}/`,
    pub: fs.readFileSync(key.publicKey, 'utf8'),
    keyId: key.keyId,
    source,
    publish,
    stop: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
    async close() {
      if (server.listening) await new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
      fs.rmSync(dir, { recursive: true, force: true });
      void port;
      server = null as unknown as http.Server;
    },
  };
}

function serve(folder: string, port = 0): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    const file = path.resolve(folder, rel);
    if (!file.startsWith(folder) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { 'Content-Length': body.length, 'Content-Type': 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

test('add a book by URL and key, sync an edit, read what changed, go offline, remove it', async ({
  page,
  host,
}, testInfo) => {
  test.setTimeout(180_000);
  const publisher = await startPublisher();
  try {
    await page.goto(host.url);
    const library = new LibrarySync(page);
    await library.expectScreen('Your briefing books');

    // Add by URL + pasted .pub: the key id is shown to compare before anything is trusted.
    await library.addButton.click();
    const add = new AddPackDialog(page);
    await expect(add.url).toBeFocused();
    await add.url.fill(publisher.url);
    await add.pubText.fill(publisher.pub);
    await expect(add.shownKeyId).toHaveText(publisher.keyId);
    await expectAccessible(page, 'add a book');
    await saveScreenshot(page, 'sync-01-add', testInfo);
    await add.confirm.check();
    await add.add.click();
    await expect(add.dialog.getByRole('status')).toContainText('Added.');
    await expect(add.dialog.getByRole('status')).toContainText(publisher.keyId);
    await add.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(add.dialog).toBeHidden();

    const card = library.card(TITLE);
    await expect(card).toContainText('Last synced just now');
    await expect(card).toContainText(publisher.url);
    await expect(library.statusLine).toHaveText(/^Up to date — last synced just now/);

    // Before the edit: read the talking point that will change, so there is a diff to show.
    await card.getByRole('link', { name: TITLE }).click();
    await library.goTo('Talking points');
    const pointLink = page.getByRole('main').getByRole('link', { name: /repair-ship surge arrangement/ });
    await pointLink.click();
    await expect(library.heading()).toContainText('repair-ship surge arrangement');

    // The publisher edits one talking point and adds a note.
    const pointFile = path.join(publisher.source, 'talking-points/cable-repair-ships.md');
    fs.writeFileSync(
      pointFile,
      fs.readFileSync(pointFile, 'utf8').replace('Average time-to-repair', 'As of March 2027, average time-to-repair'),
    );
    fs.writeFileSync(
      path.join(publisher.source, 'notes/late-update.md'),
      '---\ntitle: Late update from the sherpas\ntags: [update]\n---\n\nThe joint statement text is final.\n',
    );
    publisher.publish();

    await library.openLibrary();
    await library.syncButton.click();
    await expect(library.outcome).toContainText(/version 2|updated|installed/i);
    await expect(card.locator('.pack-changes-link')).toContainText('2 changes');
    await expectAccessible(page, 'library with sync');
    await saveScreenshot(page, 'sync-02-library', testInfo);

    // What changed: the edited point with its diff, the new note.
    await card.locator('.pack-changes-link').getByRole('link').click();
    const changes = new ChangesPage(page);
    await changes.expectScreen('What changed');
    const diff = changes.diffOf('Pacific cable repair capacity — a trilateral repair-ship surge arrangement');
    await expect(diff.locator('ins')).toContainText('As of March 2027, average time-to-repair');
    await expect(diff.locator('del')).toContainText('Average time-to-repair');
    await expect(changes.section('New')).toContainText('Late update from the sherpas');
    await expect(
      page.getByRole('navigation', { name: 'Briefing book' }).getByRole('link', { name: /What changed/ }),
    ).toContainText('2');
    await expectAccessible(page, 'what changed');
    await saveScreenshot(page, 'sync-03-what-changed', testInfo);

    // Marks in lists until opened.
    await changes.goTo('Background notes');
    const noteLink = page.getByRole('main').getByRole('link', { name: /Late update from the sherpas/ });
    await expect(noteLink.locator('.change-mark')).toHaveText('New');
    await noteLink.click();
    await changes.expectScreen('Late update from the sherpas');
    await changes.goTo('Background notes');
    await expect(noteLink).toBeVisible();
    await expect(noteLink.locator('.change-mark')).toHaveCount(0);
    await changes.goTo('Talking points');
    await expect(
      page
        .getByRole('main')
        .getByRole('link', { name: /repair-ship surge arrangement/ })
        .locator('.change-mark'),
    ).toHaveText('Updated');

    // Offline: the host is gone; the status says so and reading goes on.
    await publisher.stop();
    await library.openLibrary();
    await library.syncButton.click();
    await expect(library.statusLine).toHaveText(/^Offline — last synced (just now|\d+ min ago)/);
    await expect(library.card(TITLE)).toBeVisible();

    // Remove, after being told the notes stay.
    await library
      .card(TITLE)
      .getByRole('button', { name: `Remove ${TITLE}` })
      .click();
    const confirm = page.getByRole('dialog', { name: `Remove ${TITLE}` });
    await expect(confirm).toContainText('Your highlights, notes and stars on it are kept');
    await expectAccessible(page, 'remove a book');
    await confirm.getByRole('button', { name: 'Remove the book' }).click();
    await expect(confirm).toBeHidden();
    await expect(library.card(TITLE)).toHaveCount(0);
    await expect(library.card(/Trilateral Leaders/)).toBeVisible();
  } finally {
    await publisher.close();
  }
});

test('a key id typed from a phone call works too, and a wrong one is refused with a reason', async ({ page, host }) => {
  const publisher = await startPublisher();
  try {
    await page.goto(host.url);
    const library = new LibrarySync(page);
    await library.addButton.click();
    const add = new AddPackDialog(page);
    await add.url.fill(publisher.url);
    await add.dialog.getByRole('radio', { name: /Type the key id/ }).check();
    await add.keyIdInput.fill('0000 0000 0000 0000');
    await expect(add.shownKeyId).toHaveText('0000-0000-0000-0000');
    await add.confirm.check();
    await add.add.click();
    await expect(add.dialog.getByRole('alert')).toBeVisible();
    await add.keyIdInput.fill(publisher.keyId.toUpperCase().replace(/-/g, ' '));
    await add.confirm.check();
    await add.add.click();
    await expect(add.dialog.getByRole('status')).toContainText('Added.');
  } finally {
    await publisher.close();
  }
});

test('an expiring book says so, and the reader can export their notes first', async ({ page, host }, testInfo) => {
  const publisher = await startPublisher({ expires: new Date(Date.now() + 2 * 86_400_000).toISOString() });
  try {
    await page.goto(host.url);
    const library = new LibrarySync(page);
    await library.addButton.click();
    const add = new AddPackDialog(page);
    await add.addWithPubFile(publisher.url, publisher.pub, publisher.keyId);
    await expect(add.dialog.getByRole('status')).toContainText('Added.');
    await add.dialog.getByRole('link', { name: 'Open the book' }).click();
    const banner = page.locator('.expiry-banner');
    await expect(banner).toContainText('This book expires soon.');
    await expectAccessible(page, 'expiring book');
    await saveScreenshot(page, 'sync-04-expiring', testInfo);
    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Export my notes' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.json$/);
    const saved = await file.path();
    expect(JSON.parse(fs.readFileSync(saved, 'utf8'))).toBeTruthy();
    await expect(banner.getByRole('status')).toContainText('saved as');
  } finally {
    await publisher.close();
  }
});
