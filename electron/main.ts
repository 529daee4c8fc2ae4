// The Electron main process, kept thin: everything it does is a setupX() from
// electron/shell/, called in order once the app is ready. The core (electron/api/core)
// knows nothing of Electron; this file only hands it a data folder and a transport.
import { app, dialog } from 'electron';
import { openCore, type Core } from './api/core';
import { resolveDataDir } from './platform/dataDir';
import { dataFlagFromArgv } from './shell/args';
import { nativeFolderPicker } from './shell/folderPicker';
import { setupIpc } from './shell/ipc';
import { osKeychain } from './shell/keychain';
import { setupMenu } from './shell/menu';
import { electronSqliteBinding } from './shell/nativeSqlite';
import { setupNavigationGuards } from './shell/navigation';
import { setupPermissions } from './shell/permissions';
import { registerAppScheme, setupAppProtocol } from './shell/protocol';
import { createMainWindow, focusOrCreateMainWindow } from './shell/window';

/** --data DIR, else BRIEFBOOK_DATA, else Electron's userData: the same folder the CLI
 *  resolves (electron/platform/dataDir.ts), because both are named "Briefbook". */
function chooseDataDir(): string {
  const flag = dataFlagFromArgv(process.argv);
  if (flag || process.env.BRIEFBOOK_DATA) {
    const dir = resolveDataDir(flag, process.env);
    // Chromium's own profile (caches, storage) follows, so two data folders are two
    // fully separate instances, each with its own single-instance lock.
    app.setPath('userData', dir);
    return dir;
  }
  return app.getPath('userData');
}

function fail(what: string, err: unknown): never {
  const detail = err instanceof Error ? err.message : String(err);
  console.error(`[briefbook] ${what}:`, err);
  dialog.showErrorBox('Briefbook could not start', `${what}.\n\n${detail}`);
  app.exit(1);
  throw err;
}

function onReady(dataDir: string): void {
  setupPermissions();
  setupNavigationGuards();
  setupAppProtocol();
  setupMenu({ dev: !app.isPackaged });

  let core: Core;
  try {
    const nativeBinding = electronSqliteBinding({
      isPackaged: app.isPackaged,
      appPath: app.getAppPath(),
      env: process.env,
    });
    core = openCore({
      dataDir,
      transport: 'electron',
      nativeBinding,
      installSample: true,
      keyProtector: osKeychain(),
      chooseFolder: nativeFolderPicker(),
    });
  } catch (err) {
    fail(`Could not open the data folder ${dataDir}`, err);
  }
  const stopIpc = setupIpc(core);

  createMainWindow();

  app.on('activate', () => focusOrCreateMainWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.once('will-quit', () => {
    stopIpc();
    core.close();
  });
}

function main(): void {
  // Before ready: scheme privileges and the sandbox are fixed at start-up.
  registerAppScheme();
  app.enableSandbox();
  const dataDir = chooseDataDir();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', () => focusOrCreateMainWindow());
  app.whenReady().then(
    () => onReady(dataDir),
    (err: unknown) => fail('Electron did not start', err),
  );
}

main();
