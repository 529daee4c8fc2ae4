import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFlagFromArgv } from '../../../electron/shell/args';
import { BINDING_ENV, electronSqliteBinding } from '../../../electron/shell/nativeSqlite';

describe('dataFlagFromArgv', () => {
  it('reads --data DIR and --data=DIR, last one wins', () => {
    expect(dataFlagFromArgv(['electron', '.', '--data', '/tmp/a'])).toBe('/tmp/a');
    expect(dataFlagFromArgv(['electron', '.', '--data=/tmp/b'])).toBe('/tmp/b');
    expect(dataFlagFromArgv(['x', '--data', '/tmp/a', '--data=/tmp/c'])).toBe('/tmp/c');
  });

  it('ignores a missing value', () => {
    expect(dataFlagFromArgv(['electron', '.'])).toBeNull();
    expect(dataFlagFromArgv(['electron', '.', '--data'])).toBeNull();
    expect(dataFlagFromArgv(['electron', '.', '--data', '--inspect'])).toBeNull();
    expect(dataFlagFromArgv(['electron', '.', '--data='])).toBeNull();
  });
});

describe('electronSqliteBinding', () => {
  const appPath = path.resolve('/checkout');
  const cached = path.join(appPath, '.cache', 'electron-sqlite', 'build', 'Release', 'better_sqlite3.node');

  it('uses the default binary in a packaged app (electron-builder rebuilt it)', () => {
    expect(
      electronSqliteBinding({ isPackaged: true, appPath, env: { [BINDING_ENV]: '/x.node' }, exists: () => true }),
    ).toBeUndefined();
  });

  it('prefers the path npm start passes, and says so when it is missing', () => {
    expect(
      electronSqliteBinding({ isPackaged: false, appPath, env: { [BINDING_ENV]: '/x.node' }, exists: () => true }),
    ).toBe(path.resolve('/x.node'));
    expect(() =>
      electronSqliteBinding({ isPackaged: false, appPath, env: { [BINDING_ENV]: '/x.node' }, exists: () => false }),
    ).toThrow(BINDING_ENV);
  });

  it('falls back to the cached Electron build, else the default', () => {
    expect(electronSqliteBinding({ isPackaged: false, appPath, env: {}, exists: (f) => f === cached })).toBe(cached);
    expect(electronSqliteBinding({ isPackaged: false, appPath, env: {}, exists: () => false })).toBeUndefined();
  });
});
