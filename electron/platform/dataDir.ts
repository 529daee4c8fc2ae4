// One rule for where a profile's data lives, shared by the desktop app, the CLI and
// the browser host: --data DIR, else BRIEFBOOK_DATA, else the folder Electron's
// app.getPath('userData') uses for an app named "Briefbook".
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Briefbook';

export function platformAppDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const home = os.homedir();
  if (platform === 'win32') return env.APPDATA || path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || path.join(home, '.config');
}

export function resolveDataDir(flag?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return path.resolve(flag);
  if (env.BRIEFBOOK_DATA) return path.resolve(env.BRIEFBOOK_DATA);
  return path.join(platformAppDataDir(process.platform, env), APP_NAME);
}
