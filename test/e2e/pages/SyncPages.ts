import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The library's sync parts: add a book, sync now, each card's sync details. */
export class LibrarySync extends AppShell {
  readonly addButton: Locator;
  readonly syncButton: Locator;
  readonly outcome: Locator;
  readonly statusLine: Locator;

  constructor(page: Page) {
    super(page);
    this.addButton = this.main.getByRole('button', { name: 'Add a briefing book…' });
    this.syncButton = this.main.getByRole('button', { name: /^(Sync now|Syncing…)$/ });
    this.outcome = this.main.locator('.sync-outcome');
    this.statusLine = page.locator('.topbar .sync-status');
  }

  /** The library from anywhere, through the sidebar (a reload would reopen the last screen). */
  async openLibrary(): Promise<void> {
    await this.sidebar.getByRole('link', { name: /Briefbook/ }).click();
    await this.expectScreen('Your briefing books');
  }

  card(title: string | RegExp): Locator {
    return this.main
      .getByRole('list', { name: 'Installed briefing books' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
  }
}

export class AddPackDialog {
  readonly dialog: Locator;
  readonly url: Locator;
  readonly pubText: Locator;
  readonly keyIdInput: Locator;
  readonly shownKeyId: Locator;
  readonly confirm: Locator;
  readonly add: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add a briefing book' });
    this.url = this.dialog.getByRole('textbox', { name: 'Address the publisher gave you' });
    this.pubText = this.dialog.getByRole('textbox', { name: 'Contents of the .pub file' });
    this.keyIdInput = this.dialog.getByRole('textbox', { name: /^Key id/ });
    this.shownKeyId = this.dialog.locator('.key-confirm .key-id');
    this.confirm = this.dialog.locator('.key-confirm').getByRole('checkbox');
    this.add = this.dialog.getByRole('button', { name: /^(Add and download|Adding…)$/ });
  }

  async addWithPubFile(url: string, pub: string, expectedKeyId: string): Promise<void> {
    await expect(this.dialog).toBeVisible();
    await this.url.fill(url);
    await this.pubText.fill(pub);
    await expect(this.shownKeyId).toHaveText(expectedKeyId);
    await expect(this.add).toBeDisabled();
    await this.confirm.check();
    await this.add.click();
  }
}

export class ChangesPage extends AppShell {
  section(name: 'Updated' | 'New' | 'Removed by the publisher'): Locator {
    return this.main.getByRole('region', { name });
  }

  diffOf(title: string): Locator {
    return this.main.getByRole('group', { name: `What changed in ${title}` });
  }
}
