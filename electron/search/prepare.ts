// Getting search ready before the reader types. The first query after start-up (or
// after a sync changed a pack) builds the name indexes: about 0.2 s at 10,000 items,
// 1.5 s at 100,000. And until V8 has compiled search's code, a query runs two to three
// times slower than later (at 10,000 items the first 240 bench queries took about
// 320 ms, the same queries again 130-200 ms). So the app does both while the reader is
// still looking at the library: it builds the indexes, then types what a reader would,
// on the library's own names and titles (a surname letter by letter, a misspelling,
// a native-script name, a title word, a phrase), one query per turn of the event loop.
// Last, it merges the full-text index if installs left it in pieces.
import { unlessLocked, type Db } from '../store/db';
import { indexBuildSteps, search } from './search';
import { stmt } from './statements';
import { hasCjk } from './text';

/** Officials and titles sampled from the library: enough queries for V8 to compile every path. */
const SAMPLED = 12;

interface SampleRow {
  title: string;
  names: string;
}

/** What a reader might type, drawn from the library so the same code and index pages are used. */
export function warmUpQueries(db: Db): string[] {
  const sample = (kind: 'official' | 'text'): SampleRow[] =>
    stmt(
      db,
      `SELECT title, names FROM search_docs
        WHERE ${kind === 'official' ? "kind = 'official'" : "kind IN ('talking-point', 'note', 'meeting')"}
          AND agenda_index IS NULL AND annotation_id IS NULL
        ORDER BY rowid LIMIT ${SAMPLED}`,
    ).all() as SampleRow[];
  const queries: string[] = [];
  for (const { title, names } of sample('official')) {
    const [first = '', second = ''] = title.split(/\s+/);
    for (let n = 1; n <= Math.min(first.length, 5); n++) queries.push(first.slice(0, n));
    queries.push(title, misspelt(title), `${second} ${first}`.trim());
    if (second) queries.push(`${first} ${second.slice(0, 2)}`);
    const native = names.split('\n').find((line) => hasCjk(line));
    if (native) queries.push(native.replace(/\s+/g, ''), native.slice(0, 1));
  }
  for (const { title } of sample('text')) {
    const titleWords = title.split(/\s+/).filter((w) => /^\p{L}{3,}$/u.test(w));
    const longest = titleWords.reduce((a, b) => (b.length > a.length ? b : a), '');
    if (longest) queries.push(longest, longest.slice(0, 3));
    if (titleWords.length >= 3) queries.push(`"${titleWords.slice(0, 3).join(' ')}"`);
  }
  return queries.filter((q) => q.trim().length > 0);
}

/** One letter dropped from the middle: the commonest typo. */
function misspelt(name: string): string {
  const at = Math.floor(name.length / 2);
  return name.length > 4 ? name.slice(0, at) + name.slice(at + 1) : name;
}

/** Hits per warm-up query: as many as a long results list asks for, so as many snippets are cut. */
const WARM_LIMIT = 50;

/**
 * FTS5 looks every query term up in every segment of its index, and each install adds
 * segments. Above this many, preparation merges them into one: at 100,000 items, 7
 * segments merged into 1 took the probe of a word being typed from 0.67 to 0.42 ms
 * and its bm25 from 1.38 to 0.77 ms.
 */
const MAX_FTS_SEGMENTS = 2;
/** Pages written per merge step, each its own short transaction (about 25 ms at 100,000 items, the largest 190). */
const MERGE_PAGES = 100;

/** Merges the full-text index step by step while it has too many segments; no step when it has few. */
function mergeSteps(db: Db): (() => void)[] {
  const segments = stmt(db, 'SELECT count(DISTINCT segid) FROM search_fts_idx').pluck().get() as number;
  if (segments <= MAX_FTS_SEGMENTS) return [];
  const changes = stmt(db, 'SELECT total_changes()').pluck();
  // A negative page count merges every segment into one, as 'optimize' does, a step at a time.
  const merge = stmt(db, "INSERT INTO search_fts(search_fts, rank) VALUES('merge', ?)");
  const steps: (() => void)[] = [];
  const step = (): void => {
    const before = changes.get() as number;
    // Merging can wait for the next preparation while another process writes.
    if (!unlessLocked(db, () => merge.run(-MERGE_PAGES))) return;
    // Fewer than two changes: nothing was left to merge (FTS5's documented signal).
    if ((changes.get() as number) - before >= 2) steps.push(step);
  };
  steps.push(step);
  return steps;
}

export interface PrepareOptions {
  /** Run the warm-up queries (default). Once V8 has compiled search, a process need not again. */
  warmUp?: boolean;
}

/** The preparation as a queue of small steps: each pack's index, the vocabulary, one query each, then merging. */
function preparation(db: Db, { warmUp = true }: PrepareOptions): () => (() => void) | undefined {
  let merging: (() => void)[] | null = null;
  const queue: (() => void)[] = [
    () => queue.push(...indexBuildSteps(db)),
    ...(warmUp
      ? [() => queue.push(...warmUpQueries(db).map((query) => () => void search(db, { query, limit: WARM_LIMIT })))]
      : []),
    () => (merging = mergeSteps(db)),
  ];
  return () => queue.shift() ?? merging?.shift();
}

/** All of it now: the indexes, the warm-up queries and the merge; for the benchmark and one-shot tools. */
export function prepareSearch(db: Db, options: PrepareOptions = {}): void {
  const next = preparation(db, options);
  for (let step = next(); step; step = next()) step();
}

export interface Preparing {
  cancel(): void;
  /** Settles with the number of steps run, when done, cancelled or the database closed. */
  done: Promise<number>;
}

/**
 * The same in the background: one step per turn of the event loop, so no request waits
 * behind more than one pack's index or one query. Stops by itself when the database
 * closes.
 */
export function prepareSearchSoon(db: Db, options: PrepareOptions = {}): Preparing {
  const next = preparation(db, options);
  let timer: NodeJS.Timeout | null = null;
  let steps = 0;
  let finish: (steps: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  const run = (): void => {
    timer = null;
    const step = db.open ? next() : undefined;
    try {
      step?.();
    } catch {
      // Warming up is an optimisation: a failure here shows again, with its message, when the reader searches.
      return finish(steps);
    }
    if (!step) return finish(steps);
    steps++;
    timer = setTimeout(run, 0).unref();
  };
  // Unreferenced: getting ready must not keep a finished process (a CLI command) alive.
  timer = setTimeout(run, 0).unref();
  return {
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      finish(steps);
    },
    done,
  };
}
