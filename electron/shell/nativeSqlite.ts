// Which better-sqlite3 native binary the core should load under Electron.
//
// node_modules/better-sqlite3 is compiled for Node 20 (the CLI, the browser host and
// the tests need that), and Electron has its own ABI. `npm start` therefore prepares
// a second copy built for Electron in .cache/electron-sqlite/ (electron/build/start.mjs)
// and names its binary in BRIEFBOOK_SQLITE_BINDING. A packaged app is rebuilt for
// Electron by electron-builder (`npmRebuild`), so there the default binary is right
// and no override is passed. Pure (no `electron` import) for unit tests.
import fs from 'node:fs';
import path from 'node:path';

export const ELECTRON_SQLITE_CACHE = path.join('.cache', 'electron-sqlite');
export const BINDING_RELATIVE_PATH = path.join('build', 'Release', 'better_sqlite3.node');
export const BINDING_ENV = 'BRIEFBOOK_SQLITE_BINDING';

export interface NativeBindingInputs {
  isPackaged: boolean;
  /** app.getAppPath(): the checkout root when started from source. */
  appPath: string;
  env: NodeJS.ProcessEnv;
  exists?: (file: string) => boolean;
}

/** The path to pass as better-sqlite3's `nativeBinding`, or undefined to use its default. */
export function electronSqliteBinding({
  isPackaged,
  appPath,
  env,
  exists = fs.existsSync,
}: NativeBindingInputs): string | undefined {
  if (isPackaged) return undefined;
  const fromEnv = env[BINDING_ENV];
  if (fromEnv) {
    const resolved = path.resolve(fromEnv);
    if (exists(resolved)) return resolved;
    throw new Error(`${BINDING_ENV} names ${resolved}, which does not exist. Run \`npm start\` to prepare it.`);
  }
  const cached = path.join(appPath, ELECTRON_SQLITE_CACHE, BINDING_RELATIVE_PATH);
  return exists(cached) ? cached : undefined;
}
