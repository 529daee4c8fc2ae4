// How well highlights survive pack updates, and what re-anchoring costs.
//   1. The hand-written edit table (test/fixtures/annotations/editTable.ts): share of
//      annotations re-anchored to the right place (or orphaned when their text is gone),
//      overall and per category.
//   2. Generated edits over the sample pack's real prose: every sentence highlighted,
//      then one edit per case with a known right answer.
//   3. Timing: re-anchoring 1,000 annotations inside a real pack install.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAnchor, resolveAnchor } from '../../shared/anchoring';
import { markdownToPlainText } from '../../shared/markdown';
import type { PackItem } from '../../shared/model';
import {
  createAnnotation,
  getAnnotationIndexer,
  setAnnotationIndexer,
  setupAnnotations,
} from '../../electron/annotations/index';
import { readSourceFolder } from '../../electron/packs/source/readSource';
import { samplePackDir } from '../../electron/platform/assets';
import { openDatabase } from '../../electron/store/db';
import { installPack } from '../../electron/store/install';
import { CATEGORIES, EDIT_TABLE, overlap, RIGHT_PLACE_OVERLAP, unmark } from '../fixtures/annotations/editTable';
import { loadedPack, noteItem, PACK_ID } from '../fixtures/annotations/pack';

type Range = { start: number; end: number };
interface Case {
  category: string;
  before: string;
  quote: Range;
  after: string;
  expected: Range | null;
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function score(cases: Case[], title: string): void {
  const by = new Map<string, { n: number; right: number; exactSpan: number; wrongPlace: number; lost: number }>();
  for (const c of cases) {
    const s = by.get(c.category) ?? { n: 0, right: 0, exactSpan: 0, wrongPlace: 0, lost: 0 };
    by.set(c.category, s);
    s.n++;
    const got = resolveAnchor(c.after, buildAnchor(c.before, c.quote.start, c.quote.end));
    if (c.expected === null) {
      if (got === null) {
        s.right++;
        s.exactSpan++;
      } else s.wrongPlace++;
    } else if (got === null) s.lost++;
    else if (overlap(got, c.expected) >= RIGHT_PLACE_OVERLAP) {
      if (process.env.DEBUG_BENCH && got.start !== c.expected.start)
        console.log(
          'NEAR',
          JSON.stringify(c.after.slice(c.expected.start, c.expected.end)),
          '=>',
          JSON.stringify(c.after.slice(got.start, got.end)),
        );
      s.right++;
      if (got.start === c.expected.start && got.end === c.expected.end) s.exactSpan++;
    } else {
      s.wrongPlace++;
      if (process.env.DEBUG_BENCH)
        console.log(
          'WRONG',
          c.category,
          JSON.stringify(c.before.slice(c.quote.start, c.quote.end)),
          '=>',
          JSON.stringify(c.after.slice(got.start, got.end)),
          'expected',
          JSON.stringify(c.after.slice(c.expected.start, c.expected.end)),
        );
    }
  }
  console.log(`\n${title}`);
  console.log(
    `  ${'category'.padEnd(20)} ${'cases'.padStart(6)}  right place  exact span  orphaned wrongly  misplaced`,
  );
  let total = { n: 0, right: 0, exactSpan: 0, wrongPlace: 0, lost: 0 };
  for (const [category, s] of by) {
    console.log(
      `  ${category.padEnd(20)} ${String(s.n).padStart(6)}  ${pct(s.right, s.n).padStart(11)}  ${pct(s.exactSpan, s.n).padStart(10)}  ${String(s.lost).padStart(16)}  ${String(s.wrongPlace).padStart(9)}`,
    );
    total = {
      n: total.n + s.n,
      right: total.right + s.right,
      exactSpan: total.exactSpan + s.exactSpan,
      wrongPlace: total.wrongPlace + s.wrongPlace,
      lost: total.lost + s.lost,
    };
  }
  console.log(
    `  ${'ALL'.padEnd(20)} ${String(total.n).padStart(6)}  ${pct(total.right, total.n).padStart(11)}  ${pct(total.exactSpan, total.n).padStart(10)}  ${String(total.lost).padStart(16)}  ${String(total.wrongPlace).padStart(9)}`,
  );
}

// ---- 1. the edit table --------------------------------------------------------

const tableCases: Case[] = EDIT_TABLE.map((c) => {
  const b = unmark(c.before);
  const a = unmark(c.after);
  return { category: c.category, before: b.text, quote: b.range!, after: a.text, expected: a.range };
});
tableCases.sort((x, y) => CATEGORIES.indexOf(x.category as never) - CATEGORIES.indexOf(y.category as never));
score(tableCases, `1. Edit table (${tableCases.length} hand-written cases)`);

// ---- 2. generated edits over the sample pack's prose ------------------------------

const defaultIndexer = getAnnotationIndexer();
const sample = readSourceFolder(samplePackDir());
const texts = sample.items.map((i) => markdownToPlainText(i.body)).filter((t) => t.length > 200);

function sentences(text: string): Range[] {
  const out: Range[] = [];
  const re = /[^.!?\n]{40,400}[.!?]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const t = m[0];
    const lead = t.length - t.trimStart().length;
    out.push({ start: m.index + lead, end: m.index + t.length });
  }
  return out;
}

function paragraphOf(text: string, r: Range): Range {
  const start = text.lastIndexOf('\n', r.start - 1) + 1;
  const nl = text.indexOf('\n', r.end);
  return { start, end: nl === -1 ? text.length : nl };
}

const generated: Case[] = [];
const INSERT = 'According to the latest cable, the position has not changed. ';
for (const text of texts) {
  for (const q of sentences(text)) {
    const quote = text.slice(q.start, q.end);
    const push = (category: string, after: string, expected: Range | null) =>
      generated.push({ category, before: text, quote: q, after, expected });
    // inserted before: a sentence at the top of the item
    push('inserted before', INSERT + text, { start: q.start + INSERT.length, end: q.end + INSERT.length });
    // inserted inside: a word after the quote's middle word boundary
    const mid = quote.indexOf(' ', Math.floor(quote.length / 2));
    if (mid > 0) {
      const at = q.start + mid;
      push('inserted inside', `${text.slice(0, at)} reportedly${text.slice(at)}`, { start: q.start, end: q.end + 11 });
    }
    // inserted after: a sentence right after the quote
    push('inserted after', `${text.slice(0, q.end)} ${INSERT.trim()}${text.slice(q.end)}`, q);
    // reworded slightly: one word replaced by another of different length
    const words = [...quote.matchAll(/\b[a-z]{5,}\b/g)];
    const w = words[Math.floor(words.length / 2)];
    if (w && w.index !== undefined) {
      const at = q.start + w.index;
      const repl = `${w[0].slice(0, 3)}xyz`;
      push('reworded slightly', text.slice(0, at) + repl + text.slice(at + w[0].length), {
        start: q.start,
        end: q.end + repl.length - w[0].length,
      });
    }
    // paragraph moved to the end of the item
    const p = paragraphOf(text, q);
    if (p.end < text.length) {
      const para = text.slice(p.start, p.end);
      const rest = text.slice(0, p.start) + text.slice(p.end + 1);
      const moved = `${rest}\n${para}`;
      const at = rest.length + 1 + (q.start - p.start);
      push('paragraph moved', moved, { start: at, end: at + quote.length });
    }
    // duplicated: the paragraph copied to the end; the original stays where it was
    push('duplicated', `${text}\n${text.slice(p.start, p.end)}`, q);
    // deleted: the sentence removed
    push('deleted', text.slice(0, q.start) + text.slice(q.end), null);
  }
}
// A quote that also occurs elsewhere before the deletion is not "deleted": drop those cases.
const fair = generated.filter(
  (c) => c.expected !== null || !c.after.includes(c.before.slice(c.quote.start, c.quote.end)),
);
score(fair, `2. Generated edits over the sample pack (${texts.length} items, ${fair.length} cases)`);

// ---- 3. timing ---------------------------------------------------------------------

function timed<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

const pure = timed(() => {
  let placed = 0;
  for (const c of fair.slice(0, 1000))
    if (resolveAnchor(c.after, buildAnchor(c.before, c.quote.start, c.quote.end))) placed++;
  return placed;
});
console.log(
  `\n3. Timing\n  resolveAnchor, first 1,000 generated cases: ${pure.ms.toFixed(0)} ms (${((pure.ms * 1000) / Math.min(1000, fair.length)).toFixed(0)} µs each)`,
);

function installTiming(annotate: boolean, edit: (t: string, i: number) => string, searchIndex = true): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-bench-'));
  try {
    const db = openDatabase(path.join(dir, 'bench.sqlite3'));
    setupAnnotations();
    setAnnotationIndexer(searchIndex ? defaultIndexer : null);
    const base = texts.slice(0, 10);
    const items: PackItem[] = [];
    for (let i = 0; i < 50; i++) items.push(noteItem(`note-${i}`, `Note ${i}`, base[i % base.length]!));
    installPack(db, loadedPack(items), { origin: 'local-draft', source: 'bench' });
    if (annotate) {
      let n = 0;
      for (const item of items) {
        const text = markdownToPlainText(item.body);
        for (const s of sentences(text).slice(0, 20)) {
          if (n >= 1000) break;
          createAnnotation(
            db,
            { packId: PACK_ID, kind: 'note', itemId: item.id, start: s.start, end: s.end, note: 'n' },
            new Date(),
          );
          n++;
        }
      }
      // Top up to exactly 1,000 with short highlights if the sentences ran out.
      for (let i = 0; n < 1000; i++, n++) {
        createAnnotation(
          db,
          { packId: PACK_ID, kind: 'note', itemId: `note-${i % 50}`, start: 0, end: 20 },
          new Date(),
        );
      }
    }
    const edited = items.map((it, i) => noteItem(it.id, `Note ${i}`, edit(markdownToPlainText(it.body), i)));
    const { ms } = timed(() => installPack(db, loadedPack(edited), { origin: 'local-draft', source: 'bench' }));
    if (annotate) {
      const count = (
        db.prepare('SELECT status, count(*) AS n FROM annotations GROUP BY status').all() as {
          status: string;
          n: number;
        }[]
      )
        .map((r) => `${r.n} ${r.status}`)
        .join(', ');
      console.log(`    after the update: ${count}`);
    }
    db.close();
    return ms;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

for (const [label, edit] of [
  ['a sentence added at the top of every item (context step)', (t: string) => INSERT + t],
  ['a word changed in every sentence (fuzzy step)', (t: string) => t.replace(/\b([a-z]{5})([a-z]+)\b/g, '$1zz$2')],
] as const) {
  console.log(`  install of 50 changed items, ${label}:`);
  const without = installTiming(false, edit);
  const noIndex = installTiming(true, edit, false);
  const withAnn = installTiming(true, edit);
  console.log(`    without annotations ${without.toFixed(0)} ms`);
  console.log(
    `    with 1,000 annotations, search index off ${noIndex.toFixed(0)} ms → re-anchoring ≈ ${(noIndex - without).toFixed(0)} ms`,
  );
  console.log(
    `    with 1,000 annotations, search index on  ${withAnn.toFixed(0)} ms → re-anchoring + re-indexing reworded quotes ≈ ${(withAnn - without).toFixed(0)} ms`,
  );
}
