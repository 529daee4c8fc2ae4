// Build once before any test, so the hosts the tests start do not race to rebuild.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export default function globalSetup(): void {
  const result = spawnSync(process.execPath, [path.join(root, 'electron/build/build.mjs'), '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The build failed; the end-to-end tests need dist/ (see above).');
}
