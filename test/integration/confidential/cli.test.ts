// `briefbook identity`, `pack build --recipients`, `add`, `packs` and `pack verify` on a
// confidential pack, run as the CLI runs them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../fixtures/runCommand';
import { add } from '../../../electron/cli/commands/add';
import { identity } from '../../../electron/cli/commands/identity';
import { keygen } from '../../../electron/cli/commands/keygen';
import { packBuild } from '../../../electron/cli/commands/packBuild';
import { packs } from '../../../electron/cli/commands/packs';
import { packVerify } from '../../../electron/cli/commands/packVerify';
import { tempDir, writeSource } from '../publish/fixture';

describe('confidential packs from the command line', () => {
  it('identity → recipients file → build → add → packs, and an outsider is told what to send', async () => {
    const dir = tempDir('bb-conf-cli-');
    const reader = path.join(dir, 'reader-data');
    const outsider = path.join(dir, 'outsider-data');
    const publisher = path.join(dir, 'publisher-data');

    const shown = await runCommand(identity, reader, []);
    expect(shown).toMatch(/Key id: {5}[0-9a-f]{4}-/);
    expect(shown).toMatch(/No OS keychain is available here/);
    const id = JSON.parse(await runCommand(identity, reader, [], { json: true }));
    expect(id).toMatchObject({ ok: true, protection: 'file-only', keychain: false });
    expect(JSON.parse(await runCommand(identity, reader, [], { json: true })).keyId).toBe(id.keyId);

    const recipients = path.join(dir, 'readers.txt');
    fs.writeFileSync(recipients, `# Jane Doe, Minister's office\n${id.publicKey}\n`);
    const source = writeSource(path.join(dir, 'src'));
    const name = path.join(dir, 'summit');
    await runCommand(keygen, publisher, [], { out: name });
    const dist = path.join(dir, 'dist');
    const built = await runCommand(packBuild, publisher, [source], { key: `${name}.key`, out: dist, recipients });
    expect(built).toContain('confidential, encrypted to 1 reader');
    expect(built).toContain(`Jane Doe, Minister's office (key id ${id.keyId})`);
    const plainBuilt = await runCommand(packBuild, publisher, [source], {
      key: `${name}.key`,
      out: path.join(dir, 'plain'),
    });
    expect(plainBuilt).toContain('public (not encrypted)');

    expect(await runCommand(add, reader, [dist], { pubkey: `${name}.pub` })).toMatch(/Installed Test Summit 2030/);
    expect(await runCommand(packs, reader, [])).toMatch(/signed by [0-9a-f-]+, confidential, encrypted to 1 reader/);
    expect(JSON.parse(await runCommand(packs, reader, [], { json: true }))).toMatchObject([
      {
        id: 'test-summit-2030',
        protection: { encrypted: true, recipients: 1, label: 'confidential, encrypted to 1 reader' },
      },
    ]);
    expect(await runCommand(packVerify, reader, [dist], { pubkey: `${name}.pub` })).toMatch(
      /verifies[\s\S]*confidential, encrypted to 1 reader/,
    );

    const outsiderId = JSON.parse(await runCommand(identity, outsider, [], { json: true }));
    await expect(runCommand(add, outsider, [dist], { pubkey: `${name}.pub` })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining(`Send your key id ${outsiderId.keyId}`),
    });
    expect(await runCommand(packs, outsider, [])).toMatch(/No packs installed/);
  });
});
