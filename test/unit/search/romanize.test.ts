import { describe, expect, it } from 'vitest';
import { nameKey } from '../../../electron/search/romanize';
import { editDistance } from '../../../electron/search/distance';
import { fold, ftsText, cjkBigrams } from '../../../electron/search/text';

const key = (s: string): string => nameKey(fold(s));

describe('romanisation keys', () => {
  it.each([
    ['Shigehiro', 'Sigehiro'],
    ['Tsuchiya', 'Tutiya'],
    ['Chiba', 'Tiba'],
    ['Fujita', 'Huzita'],
    ['Junichiro', 'Zyunitiro'],
    ['Ōno', 'Ohno'],
    ['Ōno', 'Oono'],
    ['Ōno', 'Ono'],
    ['Ōno', 'Ouno'],
    ['Satō', 'Satou'],
    ['Ryūji', 'Ryuuji'],
    ['Shimbun', 'Shinbun'],
    ['Hattori', 'Hatori'],
    ['Yoon', 'Yun'],
    ['Lee', 'Yi'],
    ['Lee', 'Rhee'],
    ['Park', 'Pak'],
    ['Park', 'Bak'],
    ['Choi', 'Choe'],
    ['Müller', 'Mueller'],
    ['Müller', 'Muller'],
    ['Ki-moon', 'Kimoon'],
  ])('%s = %s', (a, b) => expect(key(a)).toBe(key(b)));

  it('keeps different names apart', () => {
    expect(key('Watanabe')).not.toBe(key('Watanuki'));
    expect(key('Murooka')).not.toBe(key('Muraoka'));
    expect(key('Kim')).not.toBe(key('Lim'));
  });
});

describe('text', () => {
  it('indexes CJK runs as bigrams plus the last character', () => {
    expect(cjkBigrams('渡辺重宏')).toEqual(['渡辺', '辺重', '重宏', '宏']);
    expect(ftsText('Minister 윤석열 visited')).toBe('minister  윤석 석열 열  visited');
  });

  it('keeps kana voicing marks (か is not が)', () => {
    expect(fold('が')).toBe('が');
    expect(fold('Ōno Müller')).toBe('ono muller');
  });

  it('measures edits with transpositions, giving up past the limit', () => {
    expect(editDistance('watanabe', 'watnabe', 2)).toBe(1);
    expect(editDistance('watanabe', 'wtaanabe', 2)).toBe(1);
    expect(editDistance('watanabe', 'tanaka', 2)).toBe(3);
  });
});
