// `briefbook identity`, `pack build --recipients`, `add`, `packs` and `pack verify` on a
// confidential pack, run as the CLI runs them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/api/core';
import type { Command, CommandContext } from '../../../electron/cli/command';
import { add } from '../../../electron/cli/commands/add';
import { identity } from '../../../electron/cli/commands/identity';
import { keygen } from '../../../electron/cli/commands/keygen';
import { packBuild } from '../../../electron/cli/commands/packBuild';
import { packs } from '../../../electron/cli/commands/packs';
import { packVerify } from '../../../electron/cli/commands/packVerify';
import { tempDir, writeSource } from '../publish/fixture';

async function run(command: Command, dataDir: string, positionals: string[], values: CommandContext['values'] = {}) {
  const out: string[] = [];
  let core: Core | null = null;
  const ctx: CommandContext = {
    positionals,
    values,
    json: values.json === true,
    dataDir,
    core: () => (core ??= openCore({ dataDir, transport: 'direct' })),
    print: (t) => void out.push(t),
    printJson: (v) => void out.push(JSON.stringify(v)),
  };
  try {
    await command.run(ctx);
  } finally {
    (core as Core | null)?.close();
  }
  return out.join('\n');
}

describe('confidential packs from the command line', () => {
  it('identity → recipients file → build → add → packs, and an outsider is told what to send', async () => {
    const dir = tempDir('bb-conf-cli-');
    const reader = path.join(dir, 'reader-data');
    const outsider = path.join(dir, 'outsider-data');
    const publisher = path.join(dir, 'publisher-data');

    const shown = await run(identity, reader, []);
    expect(shown).toMatch(/Key id: {5}[0-9a-f]{4}-/);
    expect(shown).toMatch(/No OS keychain is available here/);
    const id = JSON.parse(await run(identity, reader, [], { json: true }));
    expect(id).toMatchObject({ ok: true, protection: 'file-only', keychain: false });
    expect(JSON.parse(await run(identity, reader, [], { json: true })).keyId).toBe(id.keyId);

    const recipients = path.join(dir, 'readers.txt');
    fs.writeFileSync(recipients, `# Jane Doe, Minister's office\n${id.publicKey}\n`);
    const source = writeSource(path.join(dir, 'src'));
    const name = path.join(dir, 'summit');
    await run(keygen, publisher, [], { out: name });
    const dist = path.join(dir, 'dist');
    const built = await run(packBuild, publisher, [source], { key: `${name}.key`, out: dist, recipients });
    expect(built).toContain('confidential, encrypted to 1 reader');
    expect(built).toContain(`Jane Doe, Minister's office (key id ${id.keyId})`);
    const plainBuilt = await run(packBuild, publisher, [source], { key: `${name}.key`, out: path.join(dir, 'plain') });
    expect(plainBuilt).toContain('public (not encrypted)');

    expect(await run(add, reader, [dist], { pubkey: `${name}.pub` })).toMatch(/Installed Test Summit 2030/);
    expect(await run(packs, reader, [])).toMatch(/signed by [0-9a-f-]+, confidential, encrypted to 1 reader/);
    expect(await run(packVerify, reader, [dist], { pubkey: `${name}.pub` })).toMatch(
      /verifies[\s\S]*confidential, encrypted to 1 reader/,
    );

    const outsiderId = JSON.parse(await run(identity, outsider, [], { json: true }));
    await expect(run(add, outsider, [dist], { pubkey: `${name}.pub` })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining(`Send your key id ${outsiderId.keyId}`),
    });
    expect(await run(packs, outsider, [])).toMatch(/No packs installed/);
  });
});
