import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ftsExpression, parseQuery, splitTyping } from '../../../electron/search/query';

const HOSTILE = [
  '"',
  '""',
  '"""',
  '*',
  '**',
  'NEAR(',
  'NEAR(a b',
  'NEAR(a, b, 10)',
  'AND',
  'OR',
  'NOT',
  'a AND',
  'AND OR NOT',
  '-',
  '- -',
  '-word',
  'a - b',
  '^',
  '^start',
  '{names}: x',
  'body:secret',
  'col : "x"',
  '(',
  ')',
  '()',
  'a OR (b',
  "'; DROP TABLE items; --",
  '\\',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '😀',
  '   ',
  '',
  '+',
  '"unclosed phrase',
  'x*',
  'xk1',
  'xp1 xc',
  '🇯🇵 日本',
  'a'.repeat(1000),
  Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '),
];

describe('query parsing', () => {
  it('splits words, quoted phrases and the prefix being typed', () => {
    const q = parseQuery('cable "undersea security" Wata');
    expect(q.words).toEqual(['cable', 'wata']);
    expect(q.phrases).toEqual([['undersea', 'security']]);
    expect(q.lastIsPrefix).toBe(true);
    expect(parseQuery('Wata ').lastIsPrefix).toBe(false);
    expect(parseQuery('“smart quotes”').phrases).toEqual([['smart', 'quotes']]);
  });

  it('treats an unclosed quote as a phrase still being typed', () => {
    const q = parseQuery('"cable secu');
    expect(q.phrases).toEqual([['cable', 'secu']]);
    expect(q.openPhrase).toBe(true);
  });

  it('folds case, width and diacritics', () => {
    expect(parseQuery('MÜLLER Ｔｏｋｙｏ Ōno').words).toEqual(['muller', 'tokyo', 'ono']);
  });

  it('turns every hostile string into a valid FTS5 expression or nothing', () => {
    const db = new Database(':memory:');
    db.exec(
      "CREATE VIRTUAL TABLE t USING fts5(names, heading, body, scope, tokenize = 'unicode61 remove_diacritics 2')",
    );
    db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)').run('near and', 'or not', 'word body secret', 'xk1 xp1');
    for (const raw of HOSTILE) {
      const expr = ftsExpression(parseQuery(raw), new Map());
      if (expr === null) continue;
      expect(() => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(expr), raw).not.toThrow();
    }
    db.close();
  });

  it('never lets a query word reach the filter column', () => {
    expect(ftsExpression(parseQuery('xk1'), new Map())).toMatch(/^\{names heading body\} : /);
  });

  it('can ask for the word being typed whole only, to probe cheaply', () => {
    expect(ftsExpression(parseQuery('cable secu'), new Map())).toBe('"cable" AND ("secu" OR "secu"*)');
    expect(ftsExpression(parseQuery('cable secu'), new Map(), { wholeWords: true })).toBe('"cable" AND "secu"');
    expect(ftsExpression(parseQuery('"cable secu'), new Map(), { wholeWords: true })).toBe('"cable secu"');
    expect(ftsExpression(parseQuery('田'), new Map(), { wholeWords: true })).toBe('"田"');
    const alternatives = new Map([['ohno', ['ono']]]);
    expect(ftsExpression(parseQuery('Ohno'), alternatives, { wholeWords: true })).toBe('("ohno" OR "ono")');
  });

  it('splits off a two- or three-letter word still being typed from the complete words', () => {
    const none = new Map<string, string[]>();
    expect(splitTyping(parseQuery('Yoon Se'), new Map([['yoon', ['yun']]]))).toEqual({
      typing: '("se" OR "se"*)',
      complete: '("yoon" OR "yun")',
    });
    expect(splitTyping(parseQuery('cable sec'), none)?.complete).toBe('"cable"');
    // Not typing (a space after it), one word, a prefix FTS5 has no index for, a phrase.
    for (const raw of ['Yoon Se ', 'Se', 'cable secu', 'cable "se', '"cable" se', 'cable s'])
      expect(splitTyping(parseQuery(raw), none), raw).toBeNull();
  });

  it('matches CJK as bigram phrases and a single CJK character as a prefix', () => {
    expect(ftsExpression(parseQuery('渡辺重宏'), new Map())).toBe('"渡辺 辺重 重宏"');
    expect(ftsExpression(parseQuery('田'), new Map())).toBe('("田" OR "田"*)');
  });
});

export { HOSTILE };
