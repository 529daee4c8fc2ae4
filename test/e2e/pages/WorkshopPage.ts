import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The Workshop: open/create a pack source folder, the outline, the forms, the checker, publish. */
export class WorkshopPage extends AppShell {
  readonly outline: Locator;
  readonly checker: Locator;

  constructor(page: Page) {
    super(page);
    this.outline = page.getByRole('navigation', { name: 'Pack contents' });
    this.checker = page.locator('.wf-checker');
  }

  async open(): Promise<void> {
    await this.sidebar.getByRole('link', { name: 'Workshop' }).click();
    await this.expectScreen(/Assemble a briefing pack|./);
  }

  async createPack(folder: string, title: string): Promise<void> {
    await this.page.getByLabel('New folder path').fill(folder);
    await this.page.getByLabel('Pack title').fill(title);
    await this.page.getByRole('button', { name: 'Create new pack here' }).click();
    await expect(this.outline).toBeVisible();
  }

  form(): Locator {
    return this.main.locator('form.wf-form, section.wf-form').first();
  }

  field(label: string | RegExp): Locator {
    return this.form().getByLabel(label, { exact: typeof label === 'string' });
  }

  async save(): Promise<void> {
    await this.form().getByRole('button', { name: 'Save', exact: true }).click();
    await expect(this.form().getByText('Saved', { exact: true })).toBeVisible();
  }

  problems(): Locator {
    return this.checker.locator('li');
  }

  async expectNoProblems(): Promise<void> {
    await expect(this.checker.getByRole('heading', { name: 'No problems' })).toBeVisible();
  }

  async goToProblem(text: string | RegExp): Promise<void> {
    await this.checker.getByRole('button', { name: text }).first().click();
  }

  entry(name: string | RegExp): Locator {
    return this.outline.getByRole('button', { name });
  }

  async newItem(kind: 'official' | 'meeting' | 'talking point' | 'background note', title: string): Promise<void> {
    await this.outline.getByRole('button', { name: `+ New ${kind}` }).click();
    const form = this.outline.getByRole('form', { name: `New ${kind}` });
    await form.getByLabel(kind === 'official' ? 'Name' : 'Title').fill(title);
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(this.form()).toHaveAttribute('aria-label', new RegExp(title));
  }

  async pick(label: string, query: string, option: string | RegExp): Promise<void> {
    await this.form().getByRole('combobox', { name: label }).fill(query);
    await this.form()
      .getByRole('listbox', { name: `${label} suggestions` })
      .getByRole('button', { name: option })
      .click();
  }

  async addAgendaRow(time: string, title: string, lead?: string): Promise<void> {
    await this.form().getByRole('button', { name: 'Add agenda row' }).click();
    const n = await this.form().locator('.wf-agenda-row').count();
    await this.form().getByLabel(`Row ${n} time`).fill(time);
    await this.form().getByLabel(`Row ${n} title`).fill(title);
    if (lead) await this.form().getByLabel(`Row ${n} lead`).selectOption({ label: lead });
  }
}
