import { expect, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppShell } from './AppShell';

/** #/notes: every annotation, filters, orphan review, export and import. */
export class MyNotesPage extends AppShell {
  readonly entries: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly exchange: Locator;

  constructor(page: Page) {
    super(page);
    this.entries = page.getByRole('list', { name: 'Your notes' }).locator(':scope > li');
    this.count = page.locator('.notes-count');
    this.search = page.getByRole('searchbox', { name: 'Search your notes' });
    this.exchange = page.getByRole('region', { name: 'Move your notes' });
  }

  async open(): Promise<void> {
    await this.sidebar.getByRole('link', { name: 'My notes' }).click();
    await this.expectScreen('My notes');
  }

  entry(text: string | RegExp): Locator {
    return this.entries.filter({ hasText: text });
  }

  async filter(label: 'Briefing book' | 'On' | 'Type' | 'Colour' | 'Status', option: string): Promise<void> {
    await this.main.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async exportToFile(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.exchange.getByRole('button', { name: /^Export/ }).click();
    const file = await download;
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-notes-')), file.suggestedFilename());
    await file.saveAs(target);
    await expect(this.exchange.getByRole('status')).toContainText('Exported');
    return target;
  }

  async importFile(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.exchange.getByRole('button', { name: 'Import notes…' }).click();
    await (await chooser).setFiles(file);
  }
}
