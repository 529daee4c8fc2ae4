import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../renderer/features/export/download';
import { cleanFileName, defaultFileName, exportsFolder } from '../../../renderer/features/export/names';

describe('export names and places', () => {
  it('names a brief after its pack, scope and day', () => {
    expect(defaultFileName('summit', { kind: 'all' }, '2027-03-16')).toBe('summit-brief-2027-03-16.pdf');
    expect(defaultFileName('summit', { kind: 'meeting', id: 'bilateral' }, '2027-03-16')).toBe(
      'summit-meeting-bilateral-2027-03-16.pdf',
    );
    expect(defaultFileName('summit', { kind: 'officials', ids: ['a', 'b'] }, '2027-03-16')).toBe(
      'summit-profiles-2-2027-03-16.pdf',
    );
  });

  it('keeps a typed file name inside the exports folder', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(cleanFileName('Brief für Tanaka.PDF')).toBe('Brief-für-Tanaka.pdf');
    expect(cleanFileName('  ')).toBe('brief.pdf');
  });

  it('puts exports under the data folder with its own separator', () => {
    expect(exportsFolder('/home/a/.config/Briefbook/')).toBe('/home/a/.config/Briefbook/exports');
    expect(exportsFolder('C:\\Users\\a\\Briefbook')).toBe('C:\\Users\\a\\Briefbook\\exports');
  });

  it('prints sizes people read', () => {
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(843 * 1024)).toBe('843 KB');
    expect(formatBytes(2.5 * 1024 * 1024)).toBe('2.5 MB');
  });
});
