// Bulk import of officials from a spreadsheet saved as CSV: map columns to fields,
// preview what would be created or updated (duplicates found by id and by name) and
// which rows are refused and why; write only when the author confirms, and then only
// the rows the preview accepted. Never a silent partial import.
import path from 'node:path';
import { BriefbookError } from '../../shared/errors';
import { ID_PATTERN, OfficialData } from '../../shared/model';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportPreview,
  type ImportRow,
  type RefusedRow,
} from '../../shared/workshopApi';
import { readSheet } from 'read-excel-file/node';
import { parseCsv, type CsvRow } from './csv';
import { createItemFile, itemFile, kindOfId, readState, updateItemFile } from './folder';

const SYNONYMS: Record<string, ImportField> = {
  id: 'id',
  slug: 'id',
  name: 'name',
  fullname: 'name',
  englishname: 'name',
  nativename: 'nativeName',
  native: 'nativeName',
  localname: 'nativeName',
  nativescript: 'nativeName',
  pronunciation: 'pronunciation',
  pronounced: 'pronunciation',
  title: 'title',
  position: 'title',
  role: 'title',
  jobtitle: 'title',
  organization: 'organization',
  organisation: 'organization',
  org: 'organization',
  ministry: 'organization',
  agency: 'organization',
  country: 'country',
  nation: 'country',
  languages: 'languages',
  language: 'languages',
  tags: 'tags',
  tag: 'tags',
  biography: 'body',
  bio: 'body',
  body: 'body',
  notes: 'body',
};

export function suggestMapping(headers: string[]): Record<string, ImportField | null> {
  const used = new Set<ImportField>();
  const out: Record<string, ImportField | null> = {};
  for (const h of headers) {
    const key = h.toLowerCase().replace(/[^a-z]/g, '');
    const field = SYNONYMS[key] ?? null;
    out[h] = field && !used.has(field) ? field : null;
    if (field) used.add(field);
  }
  return out;
}

const normName = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export function slugOf(name: string): string {
  return normName(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

const LIST_FIELDS = new Set<ImportField>(['languages', 'tags']);

interface Planned extends ImportRow {
  body?: string;
}

/** The spreadsheet: CSV text, or an .xlsx file (base64; its first sheet). */
export interface SheetSource {
  csv?: string;
  xlsx?: string;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** Rows of the sheet, each with the line (row number) it is on. */
export async function readTable(source: SheetSource): Promise<CsvRow[]> {
  if (source.xlsx !== undefined) {
    const bytes = Buffer.from(source.xlsx, 'base64');
    let rows: unknown[][];
    try {
      rows = (await readSheet(bytes)) as unknown[][];
    } catch {
      throw new BriefbookError(
        'invalid-input',
        'The file is not an .xlsx workbook this app can read. Save it from the spreadsheet as .xlsx or CSV and try again.',
      );
    }
    return rows.map((r, i) => ({ line: i + 1, cells: r.map(cellText) }));
  }
  if (source.csv !== undefined) return parseCsv(source.csv);
  throw new BriefbookError('invalid-input', 'Give the spreadsheet: a CSV text or an .xlsx file.');
}

function plan(
  folder: string,
  table: CsvRow[],
  given?: Record<string, ImportField | null>,
): ImportPreview & { planned: Planned[] } {
  const state = readState(folder);
  const header = table[0];
  if (!header || header.cells.every((c) => c === ''))
    throw new BriefbookError(
      'invalid-input',
      'The CSV is empty: the first row must name the columns (e.g. name, title, organization, country).',
    );
  const headers = header.cells;
  const dupHeader = headers.find((h, i) => h && headers.indexOf(h) !== i);
  if (dupHeader) throw new BriefbookError('invalid-input', `Two columns are both called "${dupHeader}"; rename one.`);
  const mapping = given ?? suggestMapping(headers);
  for (const h of Object.keys(mapping))
    if (!headers.includes(h))
      throw new BriefbookError('invalid-input', `The mapping names a column "${h}" that the CSV does not have.`);
  const targets = Object.values(mapping).filter((f): f is ImportField => f !== null);
  const twice = targets.find((f, i) => targets.indexOf(f) !== i);
  if (twice) throw new BriefbookError('invalid-input', `Two columns are mapped to "${twice}"; map each field once.`);
  if (!targets.includes('name') && !targets.includes('id'))
    throw new BriefbookError(
      'invalid-input',
      'Map a column to "name" (or "id"): without it no row can be matched or created.',
    );

  const officials = state.items.filter((i) => i.kind === 'official');
  const byId = new Map(officials.map((o) => [o.id, o]));
  const byName = new Map<string, string>();
  for (const o of officials) if (typeof o.data?.name === 'string') byName.set(normName(o.data.name), o.id);

  const rows: Planned[] = [];
  const refused: RefusedRow[] = [];
  const seenIds = new Map<string, number>();
  const seenNames = new Map<string, number>();
  let blank = 0;

  for (const { line, cells } of table.slice(1)) {
    if (cells.every((c) => c.trim() === '')) {
      blank++;
      continue;
    }
    const values: Partial<Record<ImportField, string>> = {};
    headers.forEach((h, i) => {
      const field = mapping[h];
      const v = cells[i]?.trim() ?? '';
      if (field && v !== '') values[field] = v;
    });
    const reasons: string[] = [];
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== ''))
      reasons.push(
        `has ${cells.length} cells but the header names ${headers.length} columns (a stray comma or an unquoted field?)`,
      );
    const name = values.name ?? '';
    const norm = normName(name);
    let id = values.id ?? '';
    let matchedBy: 'id' | 'name' | undefined;
    if (id) {
      if (!ID_PATTERN.test(id))
        reasons.push(
          `id "${id}" must use lower-case letters, digits and hyphens (e.g. "${slugOf(id) || 'tanaka-hiroshi'}")`,
        );
      else if (byId.has(id)) matchedBy = 'id';
      const other = norm ? byName.get(norm) : undefined;
      if (other && other !== id)
        reasons.push(
          `same name as officials/${other}.md (id "${other}"): to update that official use id "${other}", or change the name`,
        );
    } else if (norm && byName.has(norm)) {
      id = byName.get(norm)!;
      matchedBy = 'name';
    } else {
      id = slugOf(name);
      if (!id) reasons.push('no id could be made from the name (use Latin letters in "name", or add an id column)');
      else if (byId.has(id))
        reasons.push(
          `the id made from the name, "${id}", is already used by officials/${id}.md, which has another name; add an id column`,
        );
    }
    if (id && !matchedBy) {
      const kind = kindOfId(state.folder, id);
      if (kind && kind !== 'official') reasons.push(`id "${id}" is already used by ${itemFile(kind, id)}`);
    }
    if (id && seenIds.has(id)) reasons.push(`same id "${id}" as row ${seenIds.get(id)}`);
    else if (norm && seenNames.has(norm)) reasons.push(`same name as row ${seenNames.get(norm)}`);

    const changes: Record<string, unknown> = {};
    for (const f of IMPORT_FIELDS) {
      const v = values[f];
      if (v === undefined || f === 'id' || f === 'body') continue;
      changes[f] = LIST_FIELDS.has(f)
        ? v
            .split(/[;,|]/)
            .map((s) => s.trim())
            .filter(Boolean)
        : v;
    }
    const existing = matchedBy ? byId.get(id)?.data : undefined;
    const merged = { languages: [], tags: [], ...(existing ?? {}), ...changes };
    const check = OfficialData.safeParse(merged);
    if (!check.success)
      for (const issue of check.error.issues) {
        const field = issue.path.join('.') || 'row';
        const missing = issue.code === 'invalid_type' && merged[field as keyof typeof merged] === undefined;
        reasons.push(
          issue.code === 'unrecognized_keys'
            ? `the existing file has unknown fields (${issue.keys.join(', ')}); fix it first`
            : `${field}: ${missing ? 'missing (map a column to it, or fill the cell)' : issue.message}`,
        );
      }
    const label = name || (typeof existing?.name === 'string' ? existing.name : '') || id || `row ${line}`;
    if (reasons.length > 0) {
      refused.push({ row: line, name: label, reasons });
      continue;
    }
    seenIds.set(id, line);
    if (norm) seenNames.set(norm, line);
    rows.push({
      row: line,
      action: matchedBy ? 'update' : 'create',
      id,
      name: label,
      changes: values.body !== undefined ? { ...changes, body: values.body } : changes,
      ...(matchedBy ? { matchedBy } : {}),
      body: values.body,
    });
  }
  return {
    headers,
    mapping,
    rows: rows.map(({ body: _body, ...r }) => r),
    refused,
    blank,
    planned: rows,
  };
}

export async function previewImport(
  folder: string,
  source: SheetSource,
  mapping?: Record<string, ImportField | null>,
): Promise<ImportPreview> {
  const { planned: _planned, ...preview } = plan(folder, await readTable(source), mapping);
  return preview;
}

export async function commitImport(
  folder: string,
  source: SheetSource,
  mapping: Record<string, ImportField | null>,
  expect: { create: string[]; update: string[] },
): Promise<{ created: string[]; updated: string[]; refused: RefusedRow[] }> {
  const { planned, refused } = plan(folder, await readTable(source), mapping);
  const create = planned.filter((r) => r.action === 'create').map((r) => r.id);
  const update = planned.filter((r) => r.action === 'update').map((r) => r.id);
  const same = (a: string[], b: string[]) =>
    a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);
  if (!same(create, expect.create) || !same(update, expect.update))
    throw new BriefbookError(
      'conflict',
      'The pack folder (or the file) changed since the preview, so the import would not do what the preview showed. Nothing was written; preview again.',
    );
  if (planned.length === 0) throw new BriefbookError('invalid-input', 'No row can be imported; nothing was written.');
  const dir = path.resolve(folder);
  const created: string[] = [];
  const updated: string[] = [];
  for (const row of planned) {
    const { body: _b, ...fields } = row.changes as Record<string, unknown> & { body?: string };
    if (row.action === 'create') {
      createItemFile(dir, 'official', row.id, String(fields.name ?? row.id));
      // A new file has every required field, empty: fill in what the row gives.
      const { languages = [], tags = [], ...rest } = fields;
      updateItemFile(dir, 'official', row.id, { ...rest, languages, tags }, row.body);
      created.push(row.id);
    } else {
      updateItemFile(dir, 'official', row.id, fields, row.body);
      updated.push(row.id);
    }
  }
  return { created, updated, refused };
}
