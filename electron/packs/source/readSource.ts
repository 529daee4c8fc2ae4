// Reads a pack source folder (pack.yaml + Markdown with front matter + photos),
// checks everything, and returns either the loaded pack or every problem found, each
// naming its file, line and field, so a chief of staff can fix a folder in one pass.
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { BriefbookError, type Problem } from '../../../shared/errors';
import {
  ITEM_KINDS,
  ITEM_SCHEMAS,
  KIND_FOLDERS,
  LIMITS,
  PackMeta,
  ID_PATTERN,
  type ItemKind,
  type PackItem,
} from '../../../shared/model';
import { inspectPhoto } from '../photos';
import type { LoadedPack, PhotoAsset } from '../types';
import { checkReferences } from './references';
import { formatPath, lineOf, parseYaml, splitFrontMatter, type ParsedYaml } from './frontMatter';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readText(bytes: Uint8Array): string | null {
  try {
    return utf8
      .decode(bytes)
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
  } catch {
    return null;
  }
}

function schemaProblems(file: string, yaml: ParsedYaml, error: z.ZodError): Problem[] {
  return error.issues.map((issue) => {
    const field = formatPath(issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys')
      message = `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling; see the pack format in README)`;
    else if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
      message = 'required field is missing';
    else if (issue.code === 'invalid_value' && issue.values.length > 0)
      message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    // An unknown key is best shown on its own line, not on the object holding it.
    const at = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path;
    return { file, line: lineOf(yaml, at), field: field || undefined, message };
  });
}

function readFileChecked(dir: string, rel: string, limit: number, problems: Problem[]): Buffer | null {
  const full = path.join(dir, rel);
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(full);
  } catch {
    return null;
  }
  if (!stat.isFile()) {
    problems.push({ file: rel, message: 'is not a regular file (links and folders are not allowed here)' });
    return null;
  }
  if (stat.size > limit) {
    problems.push({
      file: rel,
      message: `file is ${Math.ceil(stat.size / 1024)} KB; the limit is ${Math.floor(limit / 1024)} KB`,
    });
    return null;
  }
  return fs.readFileSync(full);
}

function readPackYaml(dir: string, problems: Problem[]): PackMeta | null {
  const bytes = readFileChecked(dir, 'pack.yaml', LIMITS.maxPackYamlBytes, problems);
  if (!bytes) {
    if (!problems.some((p) => p.file === 'pack.yaml'))
      problems.push({
        file: 'pack.yaml',
        message: 'missing: every pack needs a pack.yaml with id, title, event and classification',
      });
    return null;
  }
  const text = readText(bytes);
  if (text === null)
    return (void problems.push({ file: 'pack.yaml', message: 'is not valid UTF-8 text (save it as UTF-8)' }), null);
  const parsed = parseYaml(text);
  if (!parsed.ok) return (void problems.push({ file: 'pack.yaml', line: parsed.line, message: parsed.message }), null);
  const result = PackMeta.safeParse(parsed.yaml.doc.toJS({ maxAliasCount: 20 }));
  if (!result.success) return (void problems.push(...schemaProblems('pack.yaml', parsed.yaml, result.error)), null);
  return result.data;
}

interface ItemFile {
  item: PackItem;
  file: string;
  yaml: ParsedYaml;
}

/** Items that parsed, plus the ids of every item file present (valid or not), so one bad file does not cascade into "no such item" errors elsewhere. */
function readItems(dir: string, problems: Problem[]): { files: ItemFile[]; present: Map<string, ItemKind> } {
  const out: ItemFile[] = [];
  const present = new Map<string, ItemKind>();
  for (const kind of ITEM_KINDS) {
    const folder = KIND_FOLDERS[kind];
    const full = path.join(dir, folder);
    if (!fs.existsSync(full)) continue;
    for (const name of fs.readdirSync(full).sort()) {
      if (name.startsWith('.')) continue;
      const file = `${folder}/${name}`;
      if (!name.endsWith('.md')) {
        problems.push({ file, message: `unexpected file: ${folder}/ holds only Markdown (.md) files` });
        continue;
      }
      const id = name.slice(0, -3);
      if (!ID_PATTERN.test(id)) {
        problems.push({
          file,
          message: `the file name is the item's id and must use lower-case letters, digits and hyphens (e.g. "${id
            .toLowerCase()
            .replace(/[^a-z0-9-]+/g, '-')
            .replace(/^-+/, '')}.md")`,
        });
        continue;
      }
      if (!present.has(id)) present.set(id, kind);
      const bytes = readFileChecked(dir, file, LIMITS.maxItemBytes, problems);
      if (!bytes) continue;
      const text = readText(bytes);
      if (text === null) {
        problems.push({ file, message: 'is not valid UTF-8 text (save it as UTF-8)' });
        continue;
      }
      const split = splitFrontMatter(text);
      if (!split.ok) {
        problems.push({ file, line: split.line, message: split.message });
        continue;
      }
      const schema = ITEM_SCHEMAS[kind] as z.ZodType;
      const result = schema.safeParse(split.yaml.doc.toJS({ maxAliasCount: 20 }) ?? {});
      if (!result.success) {
        problems.push(...schemaProblems(file, split.yaml, result.error));
        continue;
      }
      out.push({ item: { kind, id, data: result.data, body: split.body } as PackItem, file, yaml: split.yaml });
    }
  }
  return { files: out, present };
}

function readPhotos(dir: string, items: ItemFile[], problems: Problem[]): Map<string, PhotoAsset> {
  const photos = new Map<string, PhotoAsset>();
  for (const { item, file, yaml } of items) {
    if (item.kind !== 'official' || !item.data.photo) continue;
    const rel = item.data.photo;
    if (photos.has(rel)) continue;
    const line = lineOf(yaml, ['photo']);
    const full = path.join(dir, rel);
    if (!fs.existsSync(full)) {
      problems.push({ file, line, field: 'photo', message: `no file "${rel}" in the pack folder` });
      continue;
    }
    const fileProblems: Problem[] = [];
    const bytes = readFileChecked(dir, rel, LIMITS.maxPhotoBytes, fileProblems);
    if (!bytes) {
      problems.push(...fileProblems.map((p) => ({ ...p, file, line, field: 'photo', message: `${rel} ${p.message}` })));
      continue;
    }
    const check = inspectPhoto(rel, bytes);
    if (!check.ok) problems.push({ file, line, field: 'photo', message: `${rel}: ${check.message}` });
    else photos.set(rel, check.asset);
  }
  return photos;
}

/** Read and check a source folder; throws a BriefbookError listing every problem. */
export function readSourceFolder(dir: string): LoadedPack {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new BriefbookError(
      'invalid-input',
      `${dir} is not a folder. Give the path of a pack source folder (the one with pack.yaml).`,
    );
  }
  const problems: Problem[] = [];
  const meta = readPackYaml(dir, problems);
  const { files, present } = readItems(dir, problems);
  if (files.length > LIMITS.maxItems)
    problems.push({ file: '.', message: `the pack has ${files.length} items; the limit is ${LIMITS.maxItems}` });
  problems.push(...checkReferences(files, present));
  const photos = readPhotos(dir, files, problems);
  if (problems.length > 0 || !meta) {
    const n = problems.length;
    throw new BriefbookError(
      'invalid-pack',
      `The pack in ${dir} has ${n} problem${n === 1 ? '' : 's'}; nothing was installed.`,
      problems,
    );
  }
  return { meta, items: files.map((f) => f.item), photos };
}

export type { ItemFile, ItemKind };
