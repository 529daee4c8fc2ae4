// Cross-item checks: ids unique across the pack, and every reference pointing at an
// item of the right kind, with a suggestion when it looks like a typo.
import type { Problem } from '../../../shared/errors';
import { KIND_FOLDERS, KIND_LABELS, type ItemKind } from '../../../shared/model';
import { didYouMean } from './didYouMean';
import { lineOf, type ParsedYaml } from './frontMatter';
import type { PackItem } from '../../../shared/model';
import { classifyLink, parseMarkdown } from '../../../shared/markdown';
import type { Nodes } from 'mdast';

const FOLDER_KINDS = Object.fromEntries(Object.entries(KIND_FOLDERS).map(([k, f]) => [f, k as ItemKind]));

export interface ItemLink {
  kind: ItemKind;
  id: string;
  line?: number;
}

/** Item links in a Markdown body, e.g. [Minister Tanaka](../officials/tanaka-hiroshi.md). */
export function itemLinks(body: string): ItemLink[] {
  if (!body.includes('](')) return [];
  const out: ItemLink[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'link') {
      const target = classifyLink(node.url);
      if (target.type === 'item')
        out.push({ kind: FOLDER_KINDS[target.folder]!, id: target.id, line: node.data?.line });
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(parseMarkdown(body));
  return out;
}

/**
 * What the checks read of an item: its kind and id, the fields that name other items, and
 * its body's links. A PackItem is one; a published pack that is installed object by object
 * keeps only this much of each item while it checks them (referenceView).
 */
export type ReferenceView =
  | (Pick<Extract<PackItem, { kind: 'meeting' }>, 'kind' | 'id'> & {
      data: { participants: string[]; talkingPoints: string[]; agenda: { lead?: string }[] };
    })
  | (Pick<Extract<PackItem, { kind: 'talking-point' }>, 'kind' | 'id'> & {
      data: { meetings: string[]; officials: string[] };
    })
  | { kind: Exclude<ItemKind, 'meeting' | 'talking-point'>; id: string };

interface ItemFileLike {
  item: ReferenceView & { body?: string };
  /** The item's body links, found beforehand; when absent, read from `item.body`. */
  links?: readonly ItemLink[];
  file: string;
  /** Present for source files, so problems can name a line; absent for published objects. */
  yaml?: ParsedYaml;
  /**
   * The item's own references were checked when it was installed and nothing they may
   * point at has gone since (an update's unchanged item): they are not read again.
   */
  referencesHold?: boolean;
}

/**
 * `present` lists item files that exist but may have failed their own checks: a
 * reference to one of them is not reported again (the file's own problem is).
 */
export function checkReferences(
  files: readonly ItemFileLike[],
  present: ReadonlyMap<string, ItemKind> = new Map(),
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, ItemFileLike>();
  const idsOfKind = new Map<ItemKind, Set<string>>();
  for (const f of files) {
    const seen = byId.get(f.item.id);
    if (seen) {
      problems.push({
        file: f.file,
        message: `id "${f.item.id}" is already used by ${seen.file}; ids must be unique across the pack (rename one file)`,
      });
      continue;
    }
    byId.set(f.item.id, f);
    if (!idsOfKind.has(f.item.kind)) idsOfKind.set(f.item.kind, new Set());
    idsOfKind.get(f.item.kind)!.add(f.item.id);
  }

  const check = (f: ItemFileLike, field: string, path: (string | number)[], id: string | undefined, kind: ItemKind) => {
    if (id === undefined || idsOfKind.get(kind)?.has(id)) return;
    if (present.get(id) === kind && !byId.has(id)) return;
    const label = KIND_LABELS[kind].one.toLowerCase();
    const other = byId.get(id);
    let message = `no ${label} with id "${id}"`;
    if (other)
      message += ` ("${id}" is in ${other.file}, which is a ${KIND_LABELS[other.item.kind].one.toLowerCase()})`;
    else {
      const guess = didYouMean(id, idsOfKind.get(kind) ?? []);
      message += guess ? ` (did you mean "${guess}"?)` : ` (add ${KIND_FOLDERS[kind]}/${id}.md or fix the id)`;
    }
    problems.push({ file: f.file, line: f.yaml ? lineOf(f.yaml, path) : undefined, field, message });
  };

  for (const f of files) {
    if (f.referencesHold) continue;
    const { item } = f;
    // Body lines are counted after the front matter, which ends at the closing "---".
    // Published objects have no file lines (bodyOffset undefined): their problems name no line.
    const bodyOffset = f.yaml ? f.yaml.lineCounter.lineStarts.length + f.yaml.firstLine : undefined;
    for (const link of f.links ?? itemLinks(f.item.body ?? '')) {
      if (idsOfKind.get(link.kind)?.has(link.id) || present.get(link.id) === link.kind) continue;
      const guess = didYouMean(link.id, idsOfKind.get(link.kind) ?? []);
      problems.push({
        file: f.file,
        line: link.line !== undefined && bodyOffset !== undefined ? link.line + bodyOffset : undefined,
        message: `links to ${KIND_FOLDERS[link.kind]}/${link.id}.md, which is not in the pack${guess ? ` (did you mean "${guess}"?)` : ''}`,
      });
    }
    if (item.kind === 'meeting') {
      item.data.participants.forEach((id, i) => check(f, `participants[${i}]`, ['participants', i], id, 'official'));
      item.data.talkingPoints.forEach((id, i) =>
        check(f, `talkingPoints[${i}]`, ['talkingPoints', i], id, 'talking-point'),
      );
      item.data.agenda.forEach((a, i) => check(f, `agenda[${i}].lead`, ['agenda', i, 'lead'], a.lead, 'official'));
    } else if (item.kind === 'talking-point') {
      item.data.meetings.forEach((id, i) => check(f, `meetings[${i}]`, ['meetings', i], id, 'meeting'));
      item.data.officials.forEach((id, i) => check(f, `officials[${i}]`, ['officials', i], id, 'official'));
    }
  }
  return problems;
}
