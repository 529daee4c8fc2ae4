// The desktop app, for real: launch Electron on a fresh data folder and see the
// bundled sample pack, then spot-check the security properties only Electron can show
// (the bridge is the only thing exposed, IPC works, unknown methods are refused).
//
// Where the Electron binary is not installed (our build machines cannot download it)
// the test is skipped with that reason; the same renderer and core are covered there
// through the browser host.
import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import type { IpcBridge } from '../../shared/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Same lookup as electron/build/start.mjs, which never triggers electron's download. */
function installedElectron(): { path: string } | { missing: string } {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathTxt)) return { missing: `${pathTxt} does not exist (the binary was never downloaded)` };
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, 'dist');
  const binary = path.join(distDir, fs.readFileSync(pathTxt, 'utf8'));
  return fs.existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}

function samplePackTitle(): string {
  const pack = YAML.parse(fs.readFileSync(path.join(root, 'assets', 'sample-pack', 'pack.yaml'), 'utf8')) as {
    title: string;
  };
  return pack.title;
}

const found = installedElectron();

test.describe('Electron desktop app', () => {
  test.skip(
    'missing' in found,
    `Electron binary not installed on this machine: ${'missing' in found ? found.missing : ''}`,
  );

  let dataDir: string;
  let sqliteBinding: string;

  test.beforeAll(() => {
    // The first run may compile better-sqlite3 against Electron's headers.
    test.setTimeout(16 * 60_000);
    // Build if stale and prepare better-sqlite3 for Electron's ABI, without launching.
    const prepared = spawnSync(process.execPath, [path.join(root, 'electron/build/start.mjs'), '--prepare-only'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 15 * 60_000,
    });
    if (prepared.status !== 0) throw new Error(`npm start could not prepare Electron: ${prepared.stderr.trim()}`);
    sqliteBinding = (JSON.parse(prepared.stdout.trim().split('\n').pop() ?? '{}') as { sqliteBinding: string })
      .sqliteBinding;
  });

  test.beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-electron-'));
  });

  test.afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens on a fresh data folder and shows the sample pack', async () => {
    if ('missing' in found) return;
    const app = await electron.launch({
      executablePath: found.path,
      args: [root, `--data=${dataDir}`],
      env: { ...process.env, BRIEFBOOK_SQLITE_BINDING: sqliteBinding, ELECTRON_ENABLE_LOGGING: '1' },
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toMatch(/^app:\/\/briefbook\//);
      await expect(page.getByText(samplePackTitle()).first()).toBeVisible({ timeout: 30_000 });

      const exposed = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { bridge: typeof w.briefbookIpc, require: typeof w.require, process: typeof w.process };
      });
      expect(exposed).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });

      const [info, refused] = await page.evaluate(async () => {
        const ipc = (window as unknown as { briefbookIpc: IpcBridge }).briefbookIpc;
        return [await ipc.invoke('appInfo', {}), await ipc.invoke('__proto__', {})];
      });
      expect(info).toMatchObject({
        ok: true,
        value: { transport: 'electron', dataDir: path.resolve(dataDir), canChooseFolders: true },
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

      // The workshop's folder comes from the system's picker in the main process (its
      // dialog answered here, as a person would), not from anything the page makes up.
      const chosen = path.join(dataDir, 'summit-pack');
      await app.evaluate(({ dialog }, folder) => {
        dialog.showOpenDialog = (async () => ({
          canceled: false,
          filePaths: [folder],
        })) as typeof dialog.showOpenDialog;
      }, chosen);
      await page.getByRole('link', { name: 'Workshop' }).click();
      await page.getByRole('button', { name: 'Choose…' }).first().click();
      await expect(page.getByLabel('Folder path', { exact: true })).toHaveValue(chosen);

      expect(fs.existsSync(dataDir) && fs.readdirSync(dataDir).length).toBeTruthy();
    } finally {
      await app.close();
    }
  });
});
