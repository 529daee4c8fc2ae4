// One sync at a time per data folder, across processes (the app and a `briefbook sync`
// in a terminal): a lock file holding the owner's pid. A lock left by a process that no
// longer runs (killed mid-sync) is taken over.
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../shared/errors';
import { syncDir } from './staging';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireSyncLock(dataDir: string): () => void {
  const dir = syncDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'sync.lock');
  for (let tries = 0; tries < 3; tries++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => {
        if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
        throw new BriefbookError(
          'conflict',
          `Another sync (process ${owner}) is running on this data folder; try again when it ends.`,
        );
      fs.rmSync(file, { force: true });
    }
  }
  throw new BriefbookError('conflict', 'Could not take the sync lock; try again.');
}
