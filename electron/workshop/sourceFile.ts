// One source file as the workshop edits it: the YAML (front matter, or all of
// pack.yaml) as a yaml Document, and everything around it kept as the exact text it
// was (BOM, line endings, the "---" lines, the body). A change rewrites only the YAML
// nodes whose values differ, so comments, unknown keys, quoting and flow/block style
// of everything else stay as written; an unchanged file is never rewritten.
import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { BriefbookError } from '../../shared/errors';

/** Same parser options as the checker, and output options that reproduce hand-written YAML. */
const PARSE = { uniqueKeys: true } as const;
export const STRINGIFY = { lineWidth: 0, flowCollectionPadding: false } as const;

export interface SourceText {
  bom: boolean;
  crlf: boolean;
  /** Text with LF line ends and no BOM. */
  text: string;
}

export function decode(bytes: Buffer): SourceText {
  let text = bytes.toString('utf8');
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);
  const crlf = text.includes('\r\n');
  return { bom, crlf, text: text.replace(/\r\n?/g, '\n') };
}

export function encode(src: Omit<SourceText, 'text'>, text: string): Buffer {
  const lines = src.crlf ? text.replace(/\n/g, '\r\n') : text;
  return Buffer.from((src.bom ? '\uFEFF' : '') + lines, 'utf8');
}

export interface FrontMatterFile {
  src: SourceText;
  /** The YAML between the "---" lines. */
  yaml: string;
  /** The closing line as written ("---" or "..."). */
  close: string;
  /** Everything after the closing line's newline, exactly. */
  rest: string;
}

export function splitFile(src: SourceText): FrontMatterFile | null {
  const lines = src.text.split('\n');
  if (lines[0]?.trimEnd() !== '---') return null;
  const close = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (close < 0) return null;
  return {
    src,
    yaml: lines.slice(1, close).join('\n'),
    close: lines[close]!,
    rest: lines.slice(close + 1).join('\n'),
  };
}

/** The body as the checker reads it (leading blank lines dropped). */
export function bodyOf(f: FrontMatterFile): string {
  return f.rest.replace(/^\n+/, '');
}

export function joinFile(f: FrontMatterFile, yaml: string, body: string | undefined): string {
  const head = `${f.src.text.split('\n')[0]}\n${yaml}${yaml && !yaml.endsWith('\n') ? '\n' : ''}${f.close}`;
  let rest = f.rest;
  if (body !== undefined) {
    const lead = /^\n*/.exec(f.rest)![0] || '\n';
    rest = lead + (body && !body.endsWith('\n') ? `${body}\n` : body);
  }
  return `${head}\n${rest}`;
}

export function parseYamlDoc(text: string): { doc: Document; error: string | null } {
  const doc = parseDocument(text, PARSE);
  const first = doc.errors[0];
  return { doc, error: first ? `YAML is not valid: ${first.message.split('\n')[0]}` : null };
}

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

/** "Nothing": what a form sends for a field it leaves empty. */
function isNothing(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

/**
 * Make the value at `at` equal `next`, touching as little of the document as possible.
 * Returns whether anything changed.
 */
export function applyValue(doc: Document, at: (string | number)[], current: unknown, next: unknown): boolean {
  if (deepEqual(current, next)) return false;
  if (current === undefined && isNothing(next)) return false;
  if (next === null || next === undefined) {
    if (current === undefined) return false;
    doc.deleteIn(at);
    return true;
  }
  const node = at.length === 0 ? doc.contents : doc.getIn(at, true);
  if (isPlainObject(next) && isPlainObject(current) && isMap(node)) {
    let changed = false;
    const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
    for (const k of keys) {
      if (!(k in next)) continue; // a form sends what it edits; keys it does not know stay
      changed = applyValue(doc, [...at, k], current[k], next[k]) || changed;
    }
    return changed;
  }
  if (Array.isArray(next) && Array.isArray(current) && isSeq(node) && next.length === current.length) {
    let changed = false;
    next.forEach((v, i) => {
      changed = applyValue(doc, [...at, i], current[i], v) || changed;
    });
    return changed;
  }
  if (isScalar(node) && !isPlainObject(next) && !Array.isArray(next)) {
    // Keep the scalar's quoting style; the stringifier quotes anyway if it must. An
    // empty string was quoted only because it was empty: let the new value choose.
    if (node.value === '' || node.value === null) node.type = undefined;
    node.value = next;
    return true;
  }
  const fresh = doc.createNode(next as Plain);
  if (isSeq(node) && isSeq(fresh))
    fresh.flow = node.flow && Array.isArray(next) && next.every((v: unknown) => !isPlainObject(v));
  if (isSeq(node) || isMap(node)) {
    fresh.commentBefore = node.commentBefore;
    fresh.comment = node.comment;
  }
  if (at.length === 0) doc.contents = fresh;
  else doc.setIn(at, fresh);
  return true;
}

/** Write through a temporary file and a rename, so a crash never leaves half a file. */
export function writeFileAtomic(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw new BriefbookError(
      'invalid-input',
      `Could not write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}. Check that the folder is writable.`,
    );
  }
}
