// A pack source folder as the workshop sees it: read every item with its front matter,
// check the whole folder with the same checker as `briefbook pack check`, and make the
// edits the forms ask for, each one rewriting only the file (and fields) it concerns.
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError, type Problem } from '../../shared/errors';
import { ID_PATTERN, ITEM_KINDS, KIND_FOLDERS, KIND_LABELS, LIMITS, type ItemKind } from '../../shared/model';
import type { WorkshopItem, WorkshopState } from '../../shared/workshopApi';
import { readSourceFolder } from '../packs/source/readSource';
import {
  STRINGIFY,
  applyValue,
  bodyOf,
  decode,
  encode,
  joinFile,
  parseYamlDoc,
  splitFile,
  writeFileAtomic,
} from './sourceFile';

export const PACK_FILE = 'pack.yaml';

export function itemFile(kind: ItemKind, id: string): string {
  return `${KIND_FOLDERS[kind]}/${id}.md`;
}

/** The folder must exist and hold a pack.yaml. */
export function requireFolder(folder: string): string {
  const dir = path.resolve(folder);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
    throw new BriefbookError('not-found', `There is no folder ${dir}. Check the path, or create a new pack there.`);
  if (!fs.existsSync(path.join(dir, PACK_FILE)))
    throw new BriefbookError(
      'not-found',
      `${dir} has no pack.yaml, so it is not a pack source folder. Choose the folder that holds pack.yaml, or create a new pack there.`,
    );
  return dir;
}

/** Names, sizes and modification times of everything the checker reads. */
function fingerprint(dir: string): string {
  const parts: string[] = [];
  const add = (rel: string) => {
    try {
      const st = fs.lstatSync(path.join(dir, rel));
      parts.push(`${rel}:${st.size}:${st.mtimeMs}:${st.ino}`);
      if (st.isDirectory()) for (const name of fs.readdirSync(path.join(dir, rel)).sort()) add(`${rel}/${name}`);
    } catch {
      parts.push(`${rel}:-`);
    }
  };
  add(PACK_FILE);
  for (const kind of ITEM_KINDS) add(KIND_FOLDERS[kind]);
  add('photos');
  return parts.join('\n');
}

const checked = new Map<string, { fingerprint: string; problems: Problem[] }>();

/** Every problem the checker finds; empty when the pack would publish. Re-checks only when a file changed. */
export function checkFolder(dir: string): Problem[] {
  const fp = fingerprint(dir);
  const cached = checked.get(dir);
  if (cached?.fingerprint === fp) return cached.problems;
  let problems: Problem[];
  try {
    readSourceFolder(dir);
    problems = [];
  } catch (err) {
    if (err instanceof BriefbookError && err.problems.length > 0) problems = [...err.problems];
    else if (err instanceof BriefbookError) problems = [{ file: '.', message: err.message }];
    else throw err;
  }
  checked.set(dir, { fingerprint: fp, problems });
  return problems;
}

function titleOf(kind: ItemKind, id: string, data: Record<string, unknown> | null): string {
  const t = kind === 'official' ? data?.name : data?.title;
  return typeof t === 'string' && t.trim() ? t.trim() : id;
}

function readItem(dir: string, kind: ItemKind, id: string): WorkshopItem {
  const file = itemFile(kind, id);
  const base = { kind, id, file };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path.join(dir, file));
  } catch {
    return { ...base, title: id, data: null, body: '', unreadable: 'the file cannot be read' };
  }
  if (bytes.length > LIMITS.maxItemBytes)
    return { ...base, title: id, data: null, body: '', unreadable: 'the file is too large to edit here' };
  const split = splitFile(decode(bytes));
  if (!split)
    return { ...base, title: id, data: null, body: '', unreadable: 'the front matter is missing or not closed' };
  const { doc, error } = parseYamlDoc(split.yaml);
  const js: unknown = error ? null : doc.toJS({ maxAliasCount: 20 });
  const data =
    js === null || js === undefined
      ? error
        ? null
        : {}
      : typeof js === 'object' && !Array.isArray(js)
        ? (js as Record<string, unknown>)
        : null;
  return {
    ...base,
    title: titleOf(kind, id, data),
    data,
    body: bodyOf(split),
    unreadable: error ?? (data ? null : 'the front matter is not a list of fields'),
  };
}

function readPack(dir: string): Record<string, unknown> | null {
  try {
    const { doc, error } = parseYamlDoc(decode(fs.readFileSync(path.join(dir, PACK_FILE))).text);
    if (error) return null;
    const js: unknown = doc.toJS({ maxAliasCount: 20 });
    return js && typeof js === 'object' && !Array.isArray(js)
      ? (js as Record<string, unknown>)
      : js == null
        ? {}
        : null;
  } catch {
    return null;
  }
}

export function itemIds(dir: string, kind: ItemKind): string[] {
  const folder = path.join(dir, KIND_FOLDERS[kind]);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((n) => n.endsWith('.md') && ID_PATTERN.test(n.slice(0, -3)))
    .map((n) => n.slice(0, -3))
    .sort();
}

export function readState(folder: string): WorkshopState {
  const dir = requireFolder(folder);
  const items: WorkshopItem[] = [];
  for (const kind of ITEM_KINDS) for (const id of itemIds(dir, kind)) items.push(readItem(dir, kind, id));
  const photosDir = path.join(dir, 'photos');
  const photos = fs.existsSync(photosDir)
    ? fs
        .readdirSync(photosDir)
        .filter((n) => !n.startsWith('.'))
        .sort()
        .map((n) => `photos/${n}`)
    : [];
  return {
    folder: dir,
    pack: readPack(dir),
    items,
    photos,
    problems: checkFolder(dir),
    checkedAt: new Date().toISOString(),
  };
}

/** Which kind holds an id, anywhere in the pack (ids are unique across kinds). */
export function kindOfId(dir: string, id: string): ItemKind | null {
  for (const kind of ITEM_KINDS) if (fs.existsSync(path.join(dir, itemFile(kind, id)))) return kind;
  return null;
}

// ---- edits ------------------------------------------------------------------

/** Apply field changes to pack.yaml. Returns whether the file was written. */
export function updatePackFile(dir: string, data: Record<string, unknown>): boolean {
  const file = path.join(dir, PACK_FILE);
  const src = decode(fs.readFileSync(file));
  const { doc, error } = parseYamlDoc(src.text);
  if (error)
    throw new BriefbookError(
      'invalid-input',
      `pack.yaml cannot be edited in the form: ${error}. Fix it by hand first.`,
    );
  const current: unknown = doc.toJS({ maxAliasCount: 20 }) ?? {};
  if (typeof current !== 'object' || Array.isArray(current))
    throw new BriefbookError('invalid-input', 'pack.yaml is not a list of fields; fix it by hand first.');
  if (doc.contents === null) doc.contents = doc.createNode({});
  if (!applyValue(doc, [], current, data)) return false;
  const text = doc.toString(STRINGIFY);
  checkSize(PACK_FILE, text, LIMITS.maxPackYamlBytes);
  writeFileAtomic(file, encode(src, text));
  return true;
}

function checkSize(file: string, text: string, limit: number): void {
  if (Buffer.byteLength(text) > limit)
    throw new BriefbookError(
      'invalid-input',
      `${file} would be larger than ${limit / 1024} KB, the limit; nothing was written. Shorten it.`,
    );
}

/** Apply field changes and/or a new body to an item. Returns whether the file was written. */
export function updateItemFile(
  dir: string,
  kind: ItemKind,
  id: string,
  data: Record<string, unknown> | undefined,
  body: string | undefined,
): boolean {
  const rel = itemFile(kind, id);
  const file = path.join(dir, rel);
  if (!fs.existsSync(file))
    throw new BriefbookError(
      'not-found',
      `There is no ${rel} (it may have been renamed or deleted). Reopen the folder.`,
    );
  const split = splitFile(decode(fs.readFileSync(file)));
  if (!split)
    throw new BriefbookError(
      'invalid-input',
      `${rel} has no front matter between two "---" lines, so the form cannot edit it. Fix it by hand.`,
    );
  const { doc, error } = parseYamlDoc(split.yaml);
  if (error)
    throw new BriefbookError('invalid-input', `${rel} cannot be edited in the form: ${error}. Fix it by hand.`);
  const current: unknown = doc.toJS({ maxAliasCount: 20 }) ?? {};
  if (typeof current !== 'object' || Array.isArray(current))
    throw new BriefbookError('invalid-input', `${rel}: the front matter is not a list of fields; fix it by hand.`);
  if (doc.contents === null) doc.contents = doc.createNode({});
  const fieldsChanged = data ? applyValue(doc, [], current, data) : false;
  const normalized = body?.replace(/\r\n?/g, '\n');
  const bodyChanged = normalized !== undefined && normalized.replace(/\n*$/, '') !== bodyOf(split).replace(/\n*$/, '');
  if (!fieldsChanged && !bodyChanged) return false;
  const text = joinFile(
    split,
    fieldsChanged ? doc.toString(STRINGIFY) : split.yaml,
    bodyChanged ? normalized : undefined,
  );
  checkSize(rel, text, LIMITS.maxItemBytes);
  writeFileAtomic(file, encode(split.src, text));
  return true;
}

/** The front matter a new item starts with: every required field, so the forms show them. */
function template(kind: ItemKind, title: string, pack: Record<string, unknown> | null): Record<string, unknown> {
  const event = (pack?.event ?? {}) as Record<string, unknown>;
  const day = typeof event.start === 'string' ? event.start : new Date().toISOString().slice(0, 10);
  switch (kind) {
    case 'official':
      return { name: title, title: '', organization: '', country: '', languages: [], tags: [] };
    case 'meeting':
      return {
        title,
        start: `${day}T09:00`,
        end: `${day}T10:00`,
        location: typeof event.venue === 'string' ? event.venue : '',
        participants: [],
        talkingPoints: [],
        agenda: [],
      };
    case 'talking-point':
      return { title, priority: 'medium', meetings: [], officials: [] };
    case 'note':
      return { title, tags: [] };
  }
}

export function createItemFile(dir: string, kind: ItemKind, id: string, title: string): void {
  const existing = kindOfId(dir, id);
  if (existing)
    throw new BriefbookError(
      'conflict',
      `The id "${id}" is already used by ${itemFile(existing, id)}; ids are unique across the pack. Choose another.`,
    );
  const { doc } = parseYamlDoc('');
  doc.contents = doc.createNode(template(kind, title, readPack(dir)));
  const text = `---\n${doc.toString(STRINGIFY)}---\n\n`;
  writeFileAtomic(path.join(dir, itemFile(kind, id)), Buffer.from(text, 'utf8'));
}

export function deleteItemFile(dir: string, kind: ItemKind, id: string): void {
  const file = path.join(dir, itemFile(kind, id));
  if (!fs.existsSync(file)) throw new BriefbookError('not-found', `There is no ${itemFile(kind, id)}.`);
  fs.rmSync(file);
}

/** Reference fields that name items of `kind`, per kind of item holding them. */
const REF_FIELDS: Record<ItemKind, { field: string; holds: ItemKind }[]> = {
  official: [],
  meeting: [
    { field: 'participants', holds: 'official' },
    { field: 'talkingPoints', holds: 'talking-point' },
  ],
  'talking-point': [
    { field: 'meetings', holds: 'meeting' },
    { field: 'officials', holds: 'official' },
  ],
  note: [],
};

/** Rename an item and rewrite every reference to it; returns the files rewritten. */
export function renameItemFile(dir: string, kind: ItemKind, id: string, newId: string): string[] {
  if (id === newId) return [];
  const from = path.join(dir, itemFile(kind, id));
  if (!fs.existsSync(from)) throw new BriefbookError('not-found', `There is no ${itemFile(kind, id)}.`);
  const clash = kindOfId(dir, newId);
  if (clash)
    throw new BriefbookError(
      'conflict',
      `The id "${newId}" is already used by ${itemFile(clash, newId)}. Choose another.`,
    );
  fs.renameSync(from, path.join(dir, itemFile(kind, newId)));
  const rewritten: string[] = [];
  const linkRe = new RegExp(`\\]\\(((?:\\.\\./)?${KIND_FOLDERS[kind]}/)${id}\\.md\\)`, 'g');
  for (const k of ITEM_KINDS) {
    for (const other of itemIds(dir, k)) {
      const item = readItem(dir, k, other);
      if (!item.data) continue;
      const patch: Record<string, unknown> = {};
      for (const { field, holds } of REF_FIELDS[k]) {
        const list = item.data[field];
        if (holds === kind && Array.isArray(list) && list.includes(id))
          patch[field] = list.map((v) => (v === id ? newId : v));
      }
      if (k === 'meeting' && kind === 'official' && Array.isArray(item.data.agenda)) {
        const agenda = item.data.agenda as unknown[];
        if (agenda.some((a) => (a as { lead?: unknown } | null)?.lead === id))
          patch.agenda = agenda.map((a) =>
            (a as { lead?: unknown } | null)?.lead === id ? { ...(a as object), lead: newId } : a,
          );
      }
      const body = item.body.includes(`${id}.md`) ? item.body.replace(linkRe, `]($1${newId}.md)`) : undefined;
      if (updateItemFile(dir, k, other, Object.keys(patch).length ? patch : undefined, body))
        rewritten.push(itemFile(k, other));
    }
  }
  return rewritten;
}

/** Start a new pack: pack.yaml with every required field, and the item folders. */
export function createPackFolder(folder: string, id: string, title: string): string {
  const dir = path.resolve(folder);
  if (fs.existsSync(path.join(dir, PACK_FILE)))
    throw new BriefbookError('conflict', `${dir} already holds a pack.yaml; open it instead (nothing was changed).`);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory())
    throw new BriefbookError('invalid-input', `${dir} is a file, not a folder.`);
  fs.mkdirSync(dir, { recursive: true });
  const today = new Date().toISOString().slice(0, 10);
  const text = [
    '# Briefbook pack: edit it in the Workshop, or by hand (see "The pack format" in README).',
    `id: ${id}`,
    `title: ${JSON.stringify(title)}`,
    'event:',
    `  name: ${JSON.stringify(title)}`,
    "  location: ''",
    '  timeZone: UTC',
    `  start: '${today}'`,
    `  end: '${today}'`,
    'classification: UNCLASSIFIED',
    '',
  ].join('\n');
  writeFileAtomic(path.join(dir, PACK_FILE), Buffer.from(text, 'utf8'));
  for (const kind of ITEM_KINDS) fs.mkdirSync(path.join(dir, KIND_FOLDERS[kind]), { recursive: true });
  fs.mkdirSync(path.join(dir, 'photos'), { recursive: true });
  return dir;
}

export function kindLabel(kind: ItemKind): string {
  return KIND_LABELS[kind].one.toLowerCase();
}
