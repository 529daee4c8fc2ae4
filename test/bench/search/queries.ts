// The fixed query mix and its ground truth. Ground truth is computed by brute force
// over the generated texts, independently of any engine: a word or phrase query is
// judged only when at most 50 items contain it (so "finds its item in the first 50"
// is achievable at all); a misspelt name is judged only when its person is strictly
// the nearest name to it by plain edit distance (so "the right person" is well defined).
import { editDistance } from '../../../electron/search/distance';
import { fold } from '../../../electron/search/text';
import { rng, type Corpus, type Official } from './corpus';

export type QueryType = 'word' | 'common word' | 'phrase' | 'name prefix' | 'misspelt name' | 'native name';

export interface BenchQuery {
  type: QueryType;
  text: string;
  /** The item that must be found (word, phrase) or come first (names). */
  target?: string;
  judged: boolean;
}

const PER_TYPE = 40;
const RECALL_DEPTH = 50;

const norm = (s: string): string => ` ${(fold(s).match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;

const ROMANISATION: [RegExp, string][] = [
  [/shi/i, 'si'],
  [/chi/i, 'ti'],
  [/tsu/i, 'tu'],
  [/ji/i, 'zi'],
  [/fu/i, 'hu'],
  [/ō/, 'oh'],
  [/ō/, 'ou'],
  [/ō/, 'o'],
  [/Ō/, 'Oh'],
  [/Ō/, 'O'],
  [/ū/, 'u'],
  [/ū/, 'uu'],
  [/^Yoon\b/, 'Yun'],
  [/^Lee\b/, 'Rhee'],
  [/^Lee\b/, 'Yi'],
  [/^Park\b/, 'Pak'],
  [/^Choi\b/, 'Choe'],
  [/^Jung\b/, 'Jeong'],
  [/^Shin\b/, 'Sin'],
  [/ü/, 'ue'],
  [/ö/, 'oe'],
];

function typo(r: () => number, s: string): string {
  const letters = [...s].map((c, i) => (/\p{L}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  const i = letters[Math.floor(r() * letters.length)]!;
  const abc = 'abcdefghijklmnopqrstuvwxyz';
  const c = abc[Math.floor(r() * abc.length)]!;
  const kind = Math.floor(r() * 4);
  if (kind === 0) return s.slice(0, i) + c + s.slice(i + 1);
  if (kind === 1) return s.slice(0, i) + s.slice(i + 1);
  if (kind === 2) return s.slice(0, i) + c + s.slice(i);
  if (i + 1 < s.length && /\p{L}/u.test(s[i + 1]!)) return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  return s.slice(0, i) + s.slice(i + 1);
}

function swapOrder(name: string): string {
  const parts = name.split(' ');
  return [...parts.slice(1), parts[0]].join(' ');
}

/** True when no other official's name is as near to the query as the target's. */
function nearestIsUnique(query: string, target: Official, officials: readonly Official[]): boolean {
  const q = fold(query);
  const dist = (name: string): number =>
    Math.min(editDistance(q, fold(name), 6), editDistance(q, fold(swapOrder(name)), 6));
  const d = dist(target.name);
  return officials.every((o) => o === target || dist(o.name) > d);
}

export function makeQueries(corpus: Corpus, seed = 7): BenchQuery[] {
  const r = rng(seed);
  const out: BenchQuery[] = [];
  const docs = corpus.texts.map((t) => ({ id: t.id, kind: t.kind, text: norm(t.text), body: norm(t.body) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d.text.trim().split(' '))) df.set(w, (df.get(w) ?? 0) + 1);
  const bodies = docs.filter((d) => d.kind === 'note' || d.kind === 'talking-point');
  const countContaining = (phrase: string): number => {
    const needle = ` ${phrase} `;
    let n = 0;
    for (const d of docs) if (d.text.includes(needle)) n++;
    return n;
  };

  for (let i = 0; i < PER_TYPE; i++) {
    const d = bodies[Math.floor(r() * bodies.length)]!;
    const ws = d.text.trim().split(' ');
    const rare = ws.reduce((a, b) => ((df.get(b) ?? 0) < (df.get(a) ?? 0) ? b : a));
    if (i % 4 === 3) {
      const common = ['security', 'cooperation', 'trade', 'economic', 'agreement', 'minister', 'energy'];
      out.push({ type: 'common word', text: common[i % common.length]!, judged: false });
    } else out.push({ type: 'word', text: rare, target: d.id, judged: (df.get(rare) ?? 0) <= RECALL_DEPTH });
  }
  for (let i = 0; i < PER_TYPE; i++) {
    const d = bodies[Math.floor(r() * bodies.length)]!;
    const ws = d.body.trim().split(' ');
    const at = Math.floor(r() * Math.max(1, ws.length - 3));
    const phrase = ws.slice(at, at + 3).join(' ');
    out.push({ type: 'phrase', text: `"${phrase}"`, target: d.id, judged: countContaining(phrase) <= RECALL_DEPTH });
  }
  const officials = corpus.officials;
  for (let i = 0; i < PER_TYPE; i++) {
    const o = officials[Math.floor(r() * officials.length)]!;
    const parts = o.name.split(' ');
    const text = i % 2 === 0 ? parts[0]!.slice(0, 3 + (i % 3)) : `${parts[0]} ${parts[1]!.slice(0, 2)}`;
    out.push({ type: 'name prefix', text, judged: false });
  }
  let made = 0;
  for (let guard = 0; made < PER_TYPE && guard < PER_TYPE * 20; guard++) {
    const o = officials[Math.floor(r() * officials.length)]!;
    let text = o.name;
    const rules = ROMANISATION.filter(([re]) => re.test(text));
    if (rules.length > 0 && r() < 0.45) {
      const [re, to] = rules[Math.floor(r() * rules.length)]!;
      text = text.replace(re, to);
    } else text = typo(r, text);
    if (r() < 0.25) text = swapOrder(text);
    if (fold(text) === fold(o.name) || !nearestIsUnique(text, o, officials)) continue;
    out.push({ type: 'misspelt name', text, target: o.id, judged: true });
    made++;
  }
  const natives = new Map<string, number>();
  for (const o of officials)
    if (o.nativeName)
      natives.set(o.nativeName.replace(/ /g, ''), (natives.get(o.nativeName.replace(/ /g, '')) ?? 0) + 1);
  const withNative = officials.filter((o) => o.nativeName);
  for (let i = 0; i < PER_TYPE; i++) {
    const o = withNative[Math.floor(r() * withNative.length)]!;
    const text = o.nativeName!.replace(/ /g, '');
    out.push({ type: 'native name', text, target: o.id, judged: natives.get(text) === 1 });
  }
  return out;
}
