import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPublished, type BuildEvent } from '../../../electron/packs/publish/build';
import { official, makeKey, tempDir, writeSource } from './fixture';

const objectsOf = (dir: string) => fs.readdirSync(path.join(dir, 'objects')).sort();
const fixedTime = new Date('2030-01-01T00:00:00Z');

describe('pack build', () => {
  it('is deterministic: an unchanged source makes the same objects and, at the same time, the same bytes', async () => {
    const dir = tempDir();
    const source = writeSource(path.join(dir, 'src'));
    const key = makeKey();
    const a = await buildPublished(source, {
      key,
      outDir: path.join(dir, 'a'),
      publishedAt: fixedTime,
      briefpack: path.join(dir, 'a.briefpack'),
    });
    const b = await buildPublished(source, {
      key,
      outDir: path.join(dir, 'b'),
      publishedAt: fixedTime,
      briefpack: path.join(dir, 'b.briefpack'),
    });
    expect(objectsOf(path.join(dir, 'a'))).toEqual(objectsOf(path.join(dir, 'b')));
    expect(a.manifestBytes.equals(b.manifestBytes)).toBe(true);
    expect(a.signature.equals(b.signature)).toBe(true); // Ed25519 signatures are deterministic
    expect(fs.readFileSync(path.join(dir, 'a.briefpack')).equals(fs.readFileSync(path.join(dir, 'b.briefpack')))).toBe(
      true,
    );
  });

  it('numbers each build one higher than the version already in the folder, and reuses unchanged objects', async () => {
    const dir = tempDir();
    const source = writeSource(path.join(dir, 'src'));
    const key = makeKey();
    const out = path.join(dir, 'dist');
    const v1 = await buildPublished(source, { key, outDir: out });
    const v2 = await buildPublished(source, { key, outDir: out });
    expect([v1.manifest.version, v2.manifest.version]).toEqual([1, 2]);
    expect(v2.previousVersion).toBe(1);
    expect(v2.written).toBe(0);
    expect(v2.reused).toBe(7);
    expect(v2.removed).toBe(0);
  });

  it('changing one official changes exactly one object', async () => {
    const dir = tempDir();
    const source = writeSource(path.join(dir, 'src'));
    const key = makeKey();
    const out = path.join(dir, 'dist');
    const v1 = await buildPublished(source, { key, outDir: out });
    fs.writeFileSync(
      path.join(source, 'officials/lee-ha-eun.md'),
      official('lee-ha-eun', 'Lee Ha-eun', 'Now speaks French.'),
    );
    const v2 = await buildPublished(source, { key, outDir: out });
    const before = new Set(v1.objects.keys());
    const after = new Set(v2.objects.keys());
    expect([...after].filter((s) => !before.has(s))).toHaveLength(1);
    expect([...before].filter((s) => !after.has(s))).toHaveLength(1);
    expect(v2.written).toBe(1);
    const changed = v2.manifest.items.filter((i) => !before.has(i.sha256));
    expect(changed.map((i) => i.id)).toEqual(['lee-ha-eun']);
  });

  it('removes old objects only after the new manifest is written, keeping the previous version readable', async () => {
    const dir = tempDir();
    const source = writeSource(path.join(dir, 'src'));
    const key = makeKey();
    const out = path.join(dir, 'dist');
    const v1 = await buildPublished(source, { key, outDir: out });
    const edit = (text: string) =>
      fs.writeFileSync(path.join(source, 'notes/context.md'), `---\ntitle: Context\n---\n${text}\n`);
    edit('Second version.');
    const v2events: BuildEvent[] = [];
    const v2 = await buildPublished(source, { key, outDir: out, trace: (e) => v2events.push(e) });
    // v1's note object is still there: a reader holding v1's manifest can finish.
    const v1Note = v1.manifest.items.find((i) => i.id === 'context')!.sha256;
    expect(fs.existsSync(path.join(out, 'objects', v1Note))).toBe(true);
    expect(v2events.filter((e) => e.type === 'object-removed')).toEqual([]);

    edit('Third version.');
    const events: BuildEvent[] = [];
    await buildPublished(source, { key, outDir: out, trace: (e) => events.push(e) });
    const manifestAt = events.findIndex((e) => e.type === 'manifest-written');
    const removals = events.flatMap((e, i) => (e.type === 'object-removed' ? [i] : []));
    const writes = events.flatMap((e, i) => (e.type === 'object-written' ? [i] : []));
    expect(removals).toHaveLength(1);
    expect(events[removals[0]!]).toEqual({ type: 'object-removed', sha256: v1Note });
    expect(Math.min(...removals)).toBeGreaterThan(manifestAt);
    expect(Math.max(...writes)).toBeLessThan(manifestAt);
    const v2Note = v2.manifest.items.find((i) => i.id === 'context')!.sha256;
    expect(fs.existsSync(path.join(out, 'objects', v2Note))).toBe(true);
    expect(fs.existsSync(path.join(out, 'objects', v1Note))).toBe(false);
    // Bundles go the same way: the current and the previous version's stay.
    expect(fs.readdirSync(path.join(out, 'bundles')).sort()).toEqual(['2.bundle', '3.bundle']);
  });

  it('writes every object of the version, in manifest order, into its bundle', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'dist');
    const v1 = await buildPublished(writeSource(path.join(dir, 'src')), { key: makeKey(), outDir: out });
    const bundle = fs.readFileSync(path.join(out, 'bundles', '1.bundle'));
    const records: string[] = [];
    for (let at = 0; at < bundle.length;) {
      const sha = bundle.toString('hex', at, at + 32);
      const size = bundle.readUInt32BE(at + 32);
      expect(bundle.subarray(at + 36, at + 36 + size).equals(fs.readFileSync(path.join(out, 'objects', sha)))).toBe(
        true,
      );
      records.push(sha);
      at += 36 + size;
    }
    expect(records).toEqual([...v1.manifest.items.map((i) => i.sha256), ...v1.manifest.assets.map((a) => a.sha256)]);
  });

  it('refuses to publish another pack into the same folder, or with an unannounced key', async () => {
    const dir = tempDir();
    const source = writeSource(path.join(dir, 'src'));
    const out = path.join(dir, 'dist');
    await buildPublished(source, { key: makeKey(), outDir: out });
    const before = fs.readFileSync(path.join(out, 'manifest.json'));
    await expect(buildPublished(source, { key: makeKey(), outDir: out })).rejects.toThrow(/would refuse it/);
    fs.writeFileSync(
      path.join(source, 'pack.yaml'),
      fs.readFileSync(path.join(source, 'pack.yaml'), 'utf8').replace('test-summit-2030', 'other-pack'),
    );
    await expect(buildPublished(source, { key: makeKey(), outDir: out })).rejects.toThrow(
      /holds the published pack "test-summit-2030"/,
    );
    expect(fs.readFileSync(path.join(out, 'manifest.json')).equals(before)).toBe(true);
  });

  it('refuses to publish a pack that has already expired', async () => {
    const dir = tempDir();
    const source = writeSource(path.join(dir, 'src'), { expires: '2030-01-01T00:00:00Z' });
    await expect(
      buildPublished(source, { key: makeKey(), outDir: path.join(dir, 'dist'), publishedAt: new Date('2031-01-01') }),
    ).rejects.toMatchObject({ code: 'expired' });
    expect(fs.existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  it('refuses a damaged manifest in the folder rather than restarting at version 1', async () => {
    const dir = tempDir();
    const source = writeSource(path.join(dir, 'src'));
    const out = path.join(dir, 'dist');
    const key = makeKey();
    await buildPublished(source, { key, outDir: out });
    fs.writeFileSync(path.join(out, 'manifest.json'), '{"format":');
    await expect(buildPublished(source, { key, outDir: out })).rejects.toMatchObject({ code: 'conflict' });
  });
});
