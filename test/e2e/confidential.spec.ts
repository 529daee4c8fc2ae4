// A reader's library says which books came encrypted to named readers and which are
// public material: a publisher builds the sample pack (under another id) with --recipients
// naming this computer's reader key, the reader adds it, and the library card says
// "Confidential · encrypted to 2 readers" beside the bundled sample's "Public · not encrypted".
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, expectAccessible, saveScreenshot, test } from './support/fixtures';
import { LibraryPage } from './pages/LibraryPage';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [path.join(root, 'dist/cli.cjs'), ...args], { encoding: 'utf8' });

const TITLE = 'Confidential Briefing Book';

test('the library labels a confidential book and a public one', async ({ page, host }, testInfo) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefbook-e2e-conf-'));
  try {
    const source = path.join(dir, 'source');
    fs.cpSync(path.join(root, 'assets/sample-pack'), source, { recursive: true });
    const yaml = fs
      .readFileSync(path.join(source, 'pack.yaml'), 'utf8')
      .replace(/^id: .*$/m, 'id: e2e-confidential-summit')
      .replace(/^title: .*$/m, `title: ${TITLE}`);
    fs.writeFileSync(path.join(source, 'pack.yaml'), yaml);
    const me = JSON.parse(cli('identity', '--json', '--data', host.dataDir)) as { publicKey: string };
    const colleague = crypto.generateKeyPairSync('x25519').publicKey.export({ format: 'der', type: 'spki' });
    const colleagueKey = `briefbook-reader:${colleague.subarray(-32).toString('base64')}`;
    const recipients = path.join(dir, 'readers.txt');
    fs.writeFileSync(recipients, `${me.publicKey} # The reader of this test\n${colleagueKey} # A colleague\n`);
    cli('keygen', '--out', path.join(dir, 'publisher'));
    const out = path.join(dir, 'published');
    cli('pack', 'build', source, '--key', path.join(dir, 'publisher.key'), '--out', out, '--recipients', recipients);
    cli('add', out, '--pubkey', path.join(dir, 'publisher.pub'), '--data', host.dataDir);

    const library = new LibraryPage(page);
    await library.open(host.url);
    await expect(library.pack(TITLE).locator('.pack-protection')).toHaveText('Confidential · encrypted to 2 readers');
    await expect(library.pack(/Trilateral Leaders/).locator('.pack-protection')).toHaveText('Public · not encrypted');
    await expectAccessible(page, 'library with a confidential book');
    await saveScreenshot(page, 'confidential-library', testInfo);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
