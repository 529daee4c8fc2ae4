// Starts the real browser host on a fresh, empty data folder and hands its URL (token
// included) to the test. An empty folder gets the bundled sample pack on first start.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface BriefbookHost {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startHost(): Promise<BriefbookHost> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    // What `electron/cli/bin.cjs serve` runs after its staleness check. The global setup
    // has built once; were each host to check again, a source edited mid-run would make
    // one host rebuild (and empty) dist/renderer under the others' feet.
    [path.join(root, 'dist/cli.cjs'), 'serve', '--data', dataDir, '--port', '0'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`briefbook serve did not print its URL in 30 s:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Briefbook is ready at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`briefbook serve exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
