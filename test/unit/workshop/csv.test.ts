import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../electron/workshop/csv';
import { slugOf, suggestMapping } from '../../../electron/workshop/importOfficials';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF rows and a BOM', () => {
    const rows = parseCsv('\uFEFFname,bio\r\n"Kim, Ji-ho","said ""hello""\r\nthen left"\r\nSato,plain\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ['name', 'bio'] },
      { line: 2, cells: ['Kim, Ji-ho', 'said "hello"\nthen left'] },
      { line: 4, cells: ['Sato', 'plain'] },
    ]);
  });

  it('finds a semicolon or tab delimiter from the header', () => {
    expect(parseCsv('a;b\n1;2')[1]!.cells).toEqual(['1', '2']);
    expect(parseCsv('a\tb\n1\t2')[1]!.cells).toEqual(['1', '2']);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => parseCsv('a,b\n"x,y\n')).toThrow(/line 2/);
  });
});

describe('column mapping and ids', () => {
  it('maps common spreadsheet headers to official fields, each once', () => {
    expect(suggestMapping(['Full name', 'Position', 'Organisation', 'Country', 'Role', 'Notes'])).toEqual({
      'Full name': 'name',
      Position: 'title',
      Organisation: 'organization',
      Country: 'country',
      Role: null,
      Notes: 'body',
    });
  });

  it('makes ids from names, dropping accents', () => {
    expect(slugOf('Ōno Takeshi')).toBe('ono-takeshi');
    expect(slugOf('田中')).toBe('');
  });
});
