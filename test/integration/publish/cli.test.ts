// The publishing commands, run as the CLI runs them (same context), on real files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../fixtures/runCommand';
import { add } from '../../../electron/cli/commands/add';
import { keygen } from '../../../electron/cli/commands/keygen';
import { packBuild } from '../../../electron/cli/commands/packBuild';
import { packVerify } from '../../../electron/cli/commands/packVerify';
import { openStaging } from '../../../electron/sync/staging';
import { PACK_ID, tempDir, writeSource } from './fixture';

describe('briefbook keygen, pack build, pack verify, add', () => {
  it('takes a chief of staff from source folder to an installed signed pack', async () => {
    const dir = tempDir('bb-cli-');
    const data = path.join(dir, 'data');
    const source = writeSource(path.join(dir, 'src'));
    const name = path.join(dir, 'summit');

    const keyOut = JSON.parse(await runCommand(keygen, data, [], { out: name, json: true }));
    expect(keyOut.keyId).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(fs.statSync(`${name}.key`).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(`${name}.pub`, 'utf8')).toContain(keyOut.keyId);
    await expect(runCommand(keygen, data, [], { out: name })).rejects.toMatchObject({ code: 'conflict' });

    const dist = path.join(dir, 'dist');
    const built = await runCommand(packBuild, data, [source], {
      key: `${name}.key`,
      out: dist,
      briefpack: path.join(dir, 'summit.briefpack'),
    });
    expect(built).toContain('version 1');
    expect(built).toContain(keyOut.keyId);

    const verified = JSON.parse(await runCommand(packVerify, data, [dist], { pubkey: `${name}.pub`, json: true }));
    expect(verified).toMatchObject({ ok: true, packId: PACK_ID, version: 1, keyId: keyOut.keyId, objects: 7 });
    expect(await runCommand(packVerify, data, [path.join(dir, 'summit.briefpack')], { pubkey: `${name}.pub` })).toMatch(
      /verifies/,
    );

    expect(await runCommand(add, data, [path.join(dir, 'summit.briefpack')], { pubkey: `${name}.pub` })).toMatch(
      new RegExp(`version 1, signed by key ${keyOut.keyId}`),
    );
    // The key is pinned: a later version installs without --pubkey.
    await runCommand(packBuild, data, [source], { key: `${name}.key`, out: dist });
    expect(await runCommand(add, data, [dist], {})).toMatch(/version 2/);
    // The objects were kept in the staging area while installing, and none is left there.
    const staging = openStaging(data);
    expect(staging.list()).toEqual([]);
    staging.close();
    // A source folder still installs as a local draft, and refuses --pubkey.
    await expect(runCommand(add, data, [source], { pubkey: `${name}.pub` })).rejects.toThrow(/local draft/);
    // The bundled sample key is refused as a reader's key.
    await expect(
      runCommand(add, data, [dist], { pubkey: path.resolve('assets/sample-key/sample.pub') }),
    ).rejects.toThrow(/sample key/);
  });

  it('says what to do when options are missing or a private key is given as --pubkey', async () => {
    const dir = tempDir('bb-cli-');
    const source = writeSource(path.join(dir, 'src'));
    await expect(runCommand(packBuild, dir, [source], { out: path.join(dir, 'd') })).rejects.toThrow(/--key/);
    await runCommand(keygen, dir, [], { out: path.join(dir, 'k') });
    await runCommand(packBuild, dir, [source], { key: path.join(dir, 'k.key'), out: path.join(dir, 'd') });
    await expect(
      runCommand(packVerify, dir, [path.join(dir, 'd')], { pubkey: path.join(dir, 'k.key') }),
    ).rejects.toThrow(/holds a private key/);
    await expect(runCommand(add, dir, [source + '-missing'], {})).rejects.toThrow(/does not exist/);
  });
});
