// Sync installs a pack from objects it kept on disk (VerifiedObjects.onDisk): each item is
// checked, dropped, and decoded again from its bytes when installed, so memory does not
// grow with the pack. That must install exactly what decoding in memory installs, and
// bytes that change on disk between the check and the install must stop the install.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/api/core';
import { sha256Hex } from '../../../electron/packs/photos';
import { installVerifiedPack } from '../../../electron/packs/publish/install';
import { OBJECTS_DIR } from '../../../electron/packs/publish/manifest';
import { decodePack, verifyManifest, type VerifiedObjects } from '../../../electron/packs/publish/verify';
import { tempDir } from '../../fixtures/sourcePack';
import { dumpStore } from '../../fixtures/storeDump';
import { generatePack, makeKey, publishPack, type Published } from '../../fixtures/syncPacks';

const now = () => new Date('2027-03-10T12:00:00Z');
const key = makeKey();
const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

function core(): Core {
  const c = openCore({ dataDir: tempDir('bb-ondisk-'), transport: 'direct', now });
  cores.push(c);
  return c;
}

function publish(version: number, revised = new Set<number>()): { pub: Published; files: Map<string, Buffer> } {
  const dir = tempDir('bb-ondisk-dist-');
  const pub = publishPack(generatePack(60, { revised, revision: version }), dir, { version, key });
  const files = new Map(pub.objects.map((sha) => [sha, fs.readFileSync(path.join(dir, OBJECTS_DIR, sha))]));
  return { pub, files };
}

/** Like sync's staging: every read goes back to the bytes and checks their hash. */
function onDisk(files: Map<string, Buffer>): VerifiedObjects & { reads: number } {
  const kept = {
    onDisk: true,
    reads: 0,
    get(sha: string) {
      kept.reads++;
      const bytes = files.get(sha);
      return bytes && sha256Hex(bytes) === sha ? Buffer.from(bytes) : undefined;
    },
  };
  return kept;
}

function install(c: Core, pub: Published, objects: VerifiedObjects) {
  const verified = verifyManifest(pub.manifestBytes, pub.signature, { publicKey: key.publicKey }, { now: now() });
  const pack = decodePack(verified, objects);
  return () =>
    installVerifiedPack(c.db, { verified, pack, location: 'test', objectCount: 0, totalBytes: 0 }, { now: now() });
}

describe('a pack installed from objects on disk', () => {
  it('stores exactly what the same pack decoded in memory stores, and reads the objects again to do it', () => {
    const { pub, files } = publish(1);
    const fromMemory = core();
    const fromDisk = core();
    install(fromMemory, pub, files)();
    const kept = onDisk(files);
    install(fromDisk, pub, kept)();
    const dump = (c: Core) => {
      const d = dumpStore(c.db);
      delete d.packs; // installed_at and the data folder differ
      return d;
    };
    expect(dump(fromDisk)).toEqual(dump(fromMemory));
    // Checked once, then read again to be installed: no item was held between the two.
    const items = pub.manifest.items.length;
    expect(kept.reads).toBeGreaterThanOrEqual(2 * items);
  });

  it('refuses bytes that changed on disk after they were checked, and leaves the store as it was', () => {
    const c = core();
    const first = publish(1);
    install(c, first.pub, first.files)();
    const before = dumpStore(c.db);

    const second = publish(2, new Set([3, 17, 40]));
    const changed = second.pub.objects.filter((sha) => !first.files.has(sha));
    expect(changed.length).toBeGreaterThan(0);
    const apply = install(c, second.pub, onDisk(second.files));
    // Between the check and the install, one object's bytes are altered on disk.
    const victim = changed[0]!;
    const altered = Buffer.from(second.files.get(victim)!);
    altered.writeUInt8(altered.readUInt8(altered.length - 3) ^ 1, altered.length - 3);
    second.files.set(victim, altered);

    expect(apply).toThrow(/can no longer be read/);
    expect(dumpStore(c.db)).toEqual(before);
  });
});
