import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAll } from '../../../electron/build/build.mjs';
import { BASE_FILES, tempDir, writeSourcePack } from '../../fixtures/sourcePack';

const bin = path.resolve('electron/cli/bin.cjs');
function briefbook(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, BRIEFBOOK_DATA: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  await buildAll({ quiet: true });
}, 120_000);

describe('the briefbook CLI', () => {
  it('prints help and its version', () => {
    const help = briefbook('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('briefbook pack check <source-dir>');
    expect(briefbook('--version').stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('checks a broken folder: exit 1, every problem on stderr, nothing installed', () => {
    const data = tempDir();
    const dir = writeSourcePack({
      'pack.yaml': String(BASE_FILES['pack.yaml']).replace('Pacific/Honolulu', 'Mars/Olympus'),
      'photos/tanaka.png': Buffer.from('not a photo'),
    });
    const check = briefbook('pack', 'check', dir, '--data', data);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('has 2 problems; nothing was installed');
    expect(check.stderr).toContain('pack.yaml:6: event.timeZone: not a known IANA time zone');
    expect(check.stderr).toContain('officials/tanaka-hiroshi.md:8: photo: photos/tanaka.png: not a JPEG or PNG image');
    expect(briefbook('add', dir, '--data', data).code).toBe(1);
    expect(JSON.parse(briefbook('packs', '--json', '--data', data).stdout)).toEqual([]);
  });

  it('adds a source folder as a local draft and lists it', () => {
    const data = tempDir();
    const added = briefbook('add', writeSourcePack(), '--data', data);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('Installed Test Summit Briefing (test-summit) as a local draft, version 1');
    const list = JSON.parse(briefbook('packs', '--json', '--data', data).stdout);
    expect(list).toMatchObject([{ id: 'test-summit', origin: 'local-draft', version: 1, counts: { official: 2 } }]);
  });

  it('says what is wrong with a bad invocation', () => {
    const r = briefbook('pack', 'check');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Missing <source-dir>');
    expect(briefbook('frobnicate').code).toBe(2);
    expect(briefbook('serve', '--port', 'abc', '--data', tempDir()).stderr).toContain('--port must be a number');
  });
});
