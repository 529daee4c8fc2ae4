// Split a Markdown file into its YAML front matter and body, and parse the YAML with
// positions so every problem can name the line it is on.
import { LineCounter, parseDocument, type Document } from 'yaml';

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** Line number in the file of the YAML's first line. */
  firstLine: number;
}

export type FrontMatterResult =
  { ok: true; yaml: ParsedYaml; body: string } | { ok: false; line?: number; message: string };

export function parseYaml(
  text: string,
  firstLine = 1,
): { ok: true; yaml: ParsedYaml } | { ok: false; line?: number; message: string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const msg = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, line: pos ? pos.line + firstLine - 1 : undefined, message: `YAML is not valid: ${msg}` };
  }
  return { ok: true, yaml: { doc, lineCounter, firstLine } };
}

export function splitFrontMatter(text: string): FrontMatterResult {
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') {
    return { ok: false, line: 1, message: 'the file must start with YAML front matter between two "---" lines' };
  }
  const close = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (close < 0) return { ok: false, line: 1, message: 'the front matter is not closed: add a line "---" after it' };
  const parsed = parseYaml(lines.slice(1, close).join('\n'), 2);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    yaml: parsed.yaml,
    body: lines
      .slice(close + 1)
      .join('\n')
      .replace(/^\n+/, ''),
  };
}

/** The file line of the value at `path` in the YAML, or of its nearest existing parent. */
export function lineOf(yaml: ParsedYaml, path: readonly PropertyKey[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? yaml.doc.contents : yaml.doc.getIn(path.slice(0, n) as (string | number)[], true);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range) return yaml.lineCounter.linePos(range[0]).line + yaml.firstLine - 1;
  }
  return undefined;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}
