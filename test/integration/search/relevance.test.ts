// Relevance on a fixed fixture pack: every romanisation, typo and script case finds
// the intended official first, among decoys one letter or one rule away.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installPack } from '../../../electron/store/install';
import { search } from '../../../electron/search/index';
import type { Db } from '../../../electron/store/db';
import { HOSTILE } from '../../unit/search/query.test';
import { meeting, note, OFFICIALS, pack, talkingPoint, tempDb } from './fixture';

let db: Db;
let cleanup: () => void;

beforeAll(() => {
  ({ db, cleanup } = tempDb());
  installPack(
    db,
    pack('fixture', [
      ...OFFICIALS,
      note(
        'cable-brief',
        'Undersea cables',
        'Landing stations need **cable security** reviews. Minister Ōno raised the repair-ship shortage.\n\nA second paragraph about security of the cable routes.',
      ),
      note(
        'security-cable',
        'Routes',
        'Security is one topic; the cable is another, far from the first word of this sentence.',
      ),
      meeting('bilateral-japan', 'Bilateral with Japan', 'Objectives: supply chains.', [
        'Opening remarks',
        'Semiconductor export controls',
      ]),
      note('embassy', 'Embassy access', 'Die Ständige Vertretung liegt an der Großen Straße; Zugang über das Nordtor.'),
      talkingPoint('tp-chips', 'Chip export controls', 'Raise 半導体 supply and 윤석열 government positions on 中国.'),
    ]),
    { origin: 'local-draft', source: 'test' },
  );
});
afterAll(() => cleanup());

const first = (query: string): string | undefined => search(db, { query }).hits[0]?.itemId;

describe('names: typos, romanisation, scripts', () => {
  it.each([
    ['Shigehiro Watanabe', 'watanabe-shigehiro'],
    ['Sigehiro Watanabe', 'watanabe-shigehiro'],
    ['Sigehiro', 'watanabe-shigehiro'],
    ['Watanbe Shigehiro', 'watanabe-shigehiro'],
    ['Qatanabe Shigehiro', 'watanabe-shigehiro'],
    ['Wtaanabe Shigeru', 'watanabe-shigeru'],
    ['Watanuki', 'watanuki-hiroshi'],
    ['Muraoka', 'murooka-akira'],
    ['Murooka', 'murooka-akira'],
    ['Tsuchiya', 'tsuchiya-jun'],
    ['Tutiya', 'tsuchiya-jun'],
    ['Tuchiya Jun', 'tsuchiya-jun'],
    ['Ōno', 'ono-keiko'],
    ['Ohno', 'ono-keiko'],
    ['Oono', 'ono-keiko'],
    ['Ono Keiko', 'ono-keiko'],
    ['Ouno Keiko', 'ono-keiko'],
    ['Onoda', 'ono-kenji'],
    ['Yoon', 'yoon-suk-yeol'],
    ['Yun Suk-yeol', 'yoon-suk-yeol'],
    ['Yoon Sukyeol', 'yoon-suk-yeol'],
    ['Lee Jae-myung', 'lee-jae-myung'],
    ['Yi Jae-myung', 'lee-jae-myung'],
    ['Rhee Jae-myung', 'lee-jae-myung'],
    ['Rhee', 'lee-jae-myung'],
    ['Pak Ji-won', 'park-ji-won'],
    ['Bak Jiwon', 'park-ji-won'],
    ['Müller', 'mueller-anna'],
    ['Mueller', 'mueller-anna'],
    ['Muller', 'mueller-anna'],
    ['Anna Muller', 'mueller-anna'],
    ['Anne Miller', 'miller-anne'],
    ['田中', 'tanaka-hiroshi'],
    ['田中博', 'tanaka-hiroshi'],
    ['渡辺重宏', 'watanabe-shigehiro'],
    ['渡辺 重宏', 'watanabe-shigehiro'],
    ['重宏', 'watanabe-shigehiro'],
    ['大野', 'ono-keiko'],
    ['윤석열', 'yoon-suk-yeol'],
    ['윤', 'yoon-suk-yeol'],
    ['석열', 'yoon-suk-yeol'],
    ['王力', 'wang-li'],
    ['Watanabe Shigeh', 'watanabe-shigehiro'],
    ['Wata', 'watanabe-shigeru'], // three people begin so; the shortest name first
    ['Tsuc', 'tsuchiya-jun'],
    ['Tanaka H', 'tanaka-hiroshi'],
  ])('%s → %s', (query, expected) => {
    expect(first(query)).toBe(expected);
  });
});

describe('text', () => {
  it('finds a quoted phrase only where the words are adjacent', () => {
    const ids = search(db, { query: '"cable security"' }).hits.map((h) => h.itemId);
    expect(ids).toEqual(['cable-brief']);
    const loose = search(db, { query: 'cable security' }).hits.map((h) => h.itemId);
    expect(loose).toEqual(expect.arrayContaining(['cable-brief', 'security-cable']));
  });

  it('highlights the match in a snippet and anchors it in the plain text', () => {
    const hit = search(db, { query: '"cable security"' }).hits[0]!;
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['cable security']);
    expect(hit.anchor).toMatchObject({ type: 'text' });
  });

  it("shows an official's title, organisation and country as a list when they matched", () => {
    const hit = search(db, { query: 'foreign affairs', kinds: ['official'] }).hits.find(
      (h) => h.itemId === 'tanaka-hiroshi',
    )!;
    expect(hit.snippet.map((s) => s.text).join('')).toMatch(/^Deputy Minister · Ministry of Foreign Affairs · Japan/);
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Foreign', 'Affairs']);
  });

  it('highlights a phrase in text whose folding changes its length', () => {
    const hit = search(db, { query: '"großen strasse"' }).hits[0]!;
    expect(hit.itemId).toBe('embassy');
    expect(hit.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['Großen Straße']);
    expect(hit.anchor).toMatchObject({ type: 'text' });
  });

  it('finds a name spelt another way in running text', () => {
    const ids = search(db, { query: 'Ohno repair' }).hits.map((h) => h.itemId);
    expect(ids).toContain('cable-brief');
  });

  it('deep-links to the agenda entry that matched', () => {
    const hit = search(db, { query: 'semiconductor export' }).hits.find((h) => h.itemId === 'bilateral-japan');
    expect(hit?.anchor).toEqual({ type: 'agenda', index: 1 });
  });

  it('finds native-script words inside running text', () => {
    for (const q of ['半導体', '中国', '윤석열'])
      expect(search(db, { query: q }).hits.map((h) => h.itemId)).toContain('tp-chips');
  });

  it('filters by kind, pack and country', () => {
    const officials = search(db, { query: 'cable Ōno', kinds: ['note'] }).hits;
    expect(officials.every((h) => h.kind === 'note')).toBe(true);
    expect(search(db, { query: 'Watanabe', packId: 'nope' }).hits).toEqual([]);
    const korea = search(db, { query: 'Lee', country: 'Republic of Korea' }).hits.map((h) => h.itemId);
    expect(korea[0]).toBe('lee-jae-myung');
    expect(search(db, { query: 'Watanabe', country: 'Germany' }).hits).toEqual([]);
  });
});

describe('broad queries', () => {
  it('rank a word found in most documents without bm25, names and headings first, filters applied', async () => {
    const { FTS_CAP } = await import('../../../electron/search/search');
    const { db: big, cleanup: done } = tempDb();
    try {
      const notes = Array.from({ length: FTS_CAP + 20 }, (_, i) =>
        note(`n${i}`, i === FTS_CAP + 10 ? 'Security outlook' : `Brief ${i}`, `Body ${i} mentions security once.`),
      );
      installPack(big, pack('big', [...notes, OFFICIALS[0]!]), { origin: 'local-draft', source: 'test' });
      const hits = search(big, { query: 'security ', limit: 5 }).hits;
      expect(hits[0]?.itemId).toBe(`n${FTS_CAP + 10}`);
      expect(search(big, { query: 'security', kinds: ['official'] }).hits).toEqual([]);
    } finally {
      done();
    }
  });

  it('rank a word still being typed on the documents holding it whole, when those alone are many', async () => {
    const { FTS_CAP } = await import('../../../electron/search/search');
    const { db: big, cleanup: done } = tempDb();
    try {
      // The word that merely begins with what was typed comes first in the pack, so
      // ranking the prefix's first rows would show it on top.
      const notes = [
        note('marks', 'Registry', 'Trademarks are registered locally.'),
        ...Array.from({ length: FTS_CAP + 20 }, (_, i) => note(`n${i}`, `Brief ${i}`, `Body ${i} mentions trade.`)),
      ];
      installPack(big, pack('big', notes), { origin: 'local-draft', source: 'test' });
      const hits = search(big, { query: 'trade', limit: 50 }).hits.map((h) => h.itemId);
      expect(hits[0]).toBe('n0');
      expect(hits).not.toContain('marks');
      // Typed on, the prefix alone is narrow again and is found as one.
      expect(search(big, { query: 'tradem' }).hits[0]?.itemId).toBe('marks');
    } finally {
      done();
    }
  });
});

describe('a short word still being typed', () => {
  it('ranks what it finds by the words already complete', async () => {
    const { FTS_CAP } = await import('../../../electron/search/search');
    const { db: big, cleanup: done } = tempDb();
    try {
      const notes = [
        note('in-passing', 'Minutes', `A cable is mentioned once, see below. ${'Other business. '.repeat(30)}`),
        ...Array.from({ length: FTS_CAP + 20 }, (_, i) => note(`n${i}`, `Brief ${i}`, `Several sessions on ${i}.`)),
        note('about-cables', 'Landing stations', 'Cable routes, cable repair and cable security.'),
      ];
      installPack(big, pack('big', notes), { origin: 'local-draft', source: 'test' });
      const hits = search(big, { query: 'cable se' }).hits.map((h) => h.itemId);
      expect(hits).toEqual(['about-cables', 'in-passing']);
    } finally {
      done();
    }
  });
});

describe('hostile input', () => {
  it.each(HOSTILE.map((q) => [q]))('%j never throws', (query) => {
    expect(() => search(db, { query })).not.toThrow();
    expect(() =>
      search(db, { query, kinds: ['official', 'annotation'], packId: 'fixture', country: '"' }),
    ).not.toThrow();
  });
});
