// Updates as the reader sees them: only what changed crosses the network (requests
// counted on a 127.0.0.1 server), what changed is listed with a readable diff against
// the version they read, their notes survive, and an expired pack is locked and then
// purged on this computer's clock, with no network.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { startFaultServer, type FaultServer } from '../../fixtures/faultServer';
import { generatePack, publishPack } from '../../fixtures/syncPacks';
import { makePublisher, NOW, openReader, stagedObjects, subscribeReader, type Publisher, type Reader } from './helpers';

let server: FaultServer;
let publisher: Publisher;
const readers: Reader[] = [];

beforeAll(async () => {
  publisher = makePublisher();
  server = await startFaultServer(publisher.dir);
});
afterAll(() => server.close());
afterEach(() => {
  while (readers.length) readers.pop()!.close();
  fs.rmSync(publisher.dir, { recursive: true, force: true });
  publisher.versions.length = 0;
  server.reset();
});

function reader(now?: () => Date): Reader {
  const r = openReader(undefined, now);
  readers.push(r);
  return r;
}

const ref = (itemId: string, kind: 'note' | 'official' = 'note') => ({ packId: 'sync-summit', kind, itemId });

describe('an update', () => {
  it('where 1 of 500 items changed downloads one object plus the manifest and its signature', async () => {
    const v1 = publisher.publish(500);
    const r = reader();
    await subscribeReader(r, server.url, publisher.key);
    const v2 = publisher.publish(500, { revised: new Set([321]) });
    const changedObject = v2.objects.filter((o) => !v1.objects.includes(o));
    expect(changedObject).toHaveLength(1);
    server.reset();

    const report = await r.sync.syncNow();
    expect(report.results[0]).toMatchObject({ status: 'installed', version: 2, changed: 1, added: 0, removed: 0 });
    expect(server.requests.map((q) => `${q.status} ${q.path}`)).toEqual([
      '200 /manifest.json',
      '200 /manifest.sig',
      `200 /objects/${changedObject[0]}`,
    ]);
    expect(report.results[0]).toMatchObject({ downloadedObjects: 1 });
    expect(stagedObjects(r.dataDir)).toEqual([]);
    const item = await r.core.api.getItem(ref('note-321'));
    expect(item.body).toMatch(/Revised in revision 1/);

    // Nothing new: one conditional request, answered 304.
    server.reset();
    expect((await r.sync.syncNow()).results[0]!.status).toBe('up-to-date');
    expect(server.requests.map((q) => q.status)).toEqual([304]);
  });

  it('reuses the installed items even when the rows do not know their objects, and fetches nothing it holds', async () => {
    publisher.publish(120);
    const r = reader();
    await subscribeReader(r, server.url, publisher.key);
    // As a data folder from before items.object_sha256 (with that version's cache file), or rows a source folder wrote.
    r.core.db.prepare('UPDATE items SET object_sha256 = NULL').run();
    fs.mkdirSync(`${r.dataDir}/sync/items`, { recursive: true });
    fs.writeFileSync(`${r.dataDir}/sync/items/sync-summit.json`, '{"format":1,"objects":{}}');
    const v2 = publisher.publish(120, { revised: new Set([7, 70]) });
    server.reset();
    const out = (await r.sync.syncNow()).results[0]!;
    expect(out).toMatchObject({ status: 'installed', changed: 2, downloadedObjects: 2 });
    expect(server.objectRequests().sort()).toEqual(
      v2.objects.filter((o) => !publisher.versions[0]!.objects.includes(o)).sort(),
    );
    expect(fs.existsSync(`${r.dataDir}/sync/items`)).toBe(false);
    // Every row learns its object again, so the next update reuses every unchanged item.
    const objects = new Map(v2.manifest.items.map((e) => [`${e.kind}/${e.id}`, e.sha256]));
    const rows = r.core.db.prepare('SELECT kind, id, object_sha256 AS object FROM items').all() as {
      kind: string;
      id: string;
      object: string | null;
    }[];
    expect(rows).toHaveLength(120);
    for (const row of rows) expect(row.object).toBe(objects.get(`${row.kind}/${row.id}`));
  });

  it('checks again what unchanged items point at when something they may name has gone', async () => {
    // note-39 links to official-0 in its text.
    const linking = (n: number) => {
      const pack = generatePack(n);
      const note = pack.items.find((it) => it.id === 'note-39')!;
      note.body += '\n\nSee [Official 0](../officials/official-0.md).';
      return pack;
    };
    publishPack(linking(40), publisher.dir, { version: 1, key: publisher.key });
    const r = reader();
    await subscribeReader(r, server.url, publisher.key);
    const snapshot = () => r.core.db.prepare('SELECT kind, id, sha256 FROM items ORDER BY kind, id').all();
    const before = snapshot();
    // meeting-2, point-4 and note-39 are unchanged; official-0, whom they name, is dropped.
    const dropped = linking(41);
    dropped.items = dropped.items.filter((it) => it.id !== 'official-0');
    publishPack(dropped, publisher.dir, { version: 2, key: publisher.key });
    let out = (await r.sync.syncNow()).results[0]!;
    expect(out).toMatchObject({ status: 'failed', code: 'invalid-pack' });
    expect(out.status === 'failed' && out.message).toMatch(
      /meeting-2.md: participants\[0\]: no official with id "official-0"/,
    );
    expect(out.status === 'failed' && out.message).toMatch(
      /note-39.md: links to officials\/official-0.md, which is not in the pack/,
    );
    expect(snapshot()).toEqual(before);

    // An unchanged official whose photo is no longer published is refused too.
    const noPhoto = linking(41);
    noPhoto.photos.delete('photos/p1.png');
    publishPack(noPhoto, publisher.dir, { version: 3, key: publisher.key });
    out = (await r.sync.syncNow()).results[0]!;
    expect(out).toMatchObject({ status: 'failed', code: 'invalid-pack' });
    expect(out.status === 'failed' && out.message).toMatch(/official-1.md: photo: "photos\/p1.png" is not among/);
    expect(snapshot()).toEqual(before);
  });
});

describe('what changed', () => {
  it('lists added, changed and removed items with a diff against the version read, and keeps the notes', async () => {
    publisher.publish(40);
    const r = reader();
    await subscribeReader(r, server.url, publisher.key);
    const api = r.core.api;
    // The reader opened two notes, starred one and wrote a note on another.
    await api.markRead(ref('note-30'));
    await api.markRead(ref('note-35'));
    await api.setStarred({ ...ref('note-30'), starred: true });
    const onRemoved = await api.createAnnotation({ ...ref('note-35'), note: 'Ask about the cable repair.' });
    const onChanged = await api.createAnnotation({ ...ref('note-30'), note: 'Check the roster.' });

    // v2: note-30 and note-31 revised (only note-30 was read), note-35 removed, note-40 added.
    const next = generatePack(41, { revised: new Set([30, 31]) });
    next.items = next.items.filter((it) => it.id !== 'note-35');
    publishPack(next, publisher.dir, { version: 2, key: publisher.key });
    const out = (await r.sync.syncNow()).results[0]!;
    expect(out).toMatchObject({ status: 'installed', added: 1, changed: 2, removed: 1 });

    const changes = await api.packChanges({ packId: 'sync-summit' });
    expect(changes.added.map((a) => a.id)).toEqual(['note-40']);
    expect(changes.removed).toEqual([{ kind: 'note', id: 'note-35', title: 'Note 35', version: 2, annotations: 1 }]);
    const byId = new Map(changes.changed.map((c) => [c.id, c]));
    expect([...byId.keys()].sort()).toEqual(['note-30', 'note-31']);
    // Read before: a readable line diff, the new sentence added, the rest shortened to context.
    const diff = byId.get('note-30')!.diff!;
    expect(diff.added).toBeGreaterThanOrEqual(1);
    expect(
      diff.lines
        .filter((l) => l.op === 'added')
        .map((l) => l.text)
        .join('\n'),
    ).toMatch(/Revised in revision 1: the position on item 30 has changed\./);
    expect(diff.lines.some((l) => l.op === 'skipped' || l.op === 'same')).toBe(true);
    // Never opened: listed as changed, nothing to diff against.
    expect(byId.get('note-31')!.diff).toBeNull();
    expect((await r.sync.status()).subscriptions[0]!.unreadChanges).toBe(4);

    // Opening the changed item clears it; dismissing clears the removed one.
    await api.markRead(ref('note-30'));
    await api.markRead(ref('note-40'));
    const after = await api.packChanges({ packId: 'sync-summit' });
    expect(after.changed.map((c) => c.id)).toEqual(['note-31']);
    expect(after.added).toEqual([]);
    expect((await api.dismissChanges({ packId: 'sync-summit' })).dismissed).toBe(1);
    expect((await api.packChanges({ packId: 'sync-summit' })).removed).toEqual([]);

    // The reader's data survived: the star and both notes, the one on the removed item orphaned.
    expect((await api.getItem(ref('note-30'))).starred).toBe(true);
    const notes = (await api.listAnnotations({ packId: 'sync-summit' })).annotations;
    const byNote = new Map(notes.map((n) => [n.id, n]));
    expect(byNote.get(onChanged.id)).toMatchObject({ itemAvailable: true, note: 'Check the roster.' });
    expect(byNote.get(onRemoved.id)).toMatchObject({ itemAvailable: false, note: 'Ask about the cable repair.' });
  });
});

describe('expiry', () => {
  it('warns, then locks the pack, then purges it a day later with no network; the notes stay', async () => {
    let clock = NOW;
    const r = reader(() => clock);
    publisher.publish(30, { expires: '2027-03-20T00:00:00Z' });
    await subscribeReader(r, server.url, publisher.key);
    const api = r.core.api;
    const note = await api.createAnnotation({ ...ref('note-20'), note: 'Keep this.' });
    await api.setStarred({ ...ref('note-21'), starred: true });
    const expiry = () => r.sync.status().subscriptions[0]!.expiry;
    expect(expiry().state).toBe('ok');

    clock = new Date('2027-03-18T00:00:00Z');
    expect(expiry()).toMatchObject({ state: 'expiring', purgeAt: '2027-03-21T00:00:00.000Z' });
    expect((await api.getPack({ packId: 'sync-summit' })).items).toHaveLength(30);

    // The network is gone from here on.
    await server.close();
    try {
      clock = new Date('2027-03-20T00:00:01Z');
      expect(expiry().state).toBe('locked');
      await expect(api.getPack({ packId: 'sync-summit' })).rejects.toMatchObject({ code: 'expired' });
      await expect(api.getItem(ref('note-20'))).rejects.toMatchObject({ code: 'expired' });
      // The reader can still take their notes with them.
      const exported = await api.exportBeforePurge({ packId: 'sync-summit' });
      expect(exported.count).toBe(1);
      expect(exported.json).toContain('Keep this.');
      // A sync (offline) does not purge before the day is over.
      clock = new Date('2027-03-20T23:59:00Z');
      const offline = await r.sync.syncNow();
      expect(offline.purged).toEqual([]);
      expect(offline.results[0]!.status).toBe('failed');
      expect(r.core.db.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 30 });

      // 24 h after expiry: purged at start-up or before a sync, with no network.
      clock = new Date('2027-03-21T00:00:01Z');
      expect(r.sync.enforceExpiry()).toEqual(['sync-summit']);
      expect(await api.listPacks({})).toEqual([]);
      for (const table of ['items', 'pack_assets', 'item_versions', 'pack_changes'])
        expect(r.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
      const notes = (await api.listAnnotations({ packId: 'sync-summit' })).annotations;
      expect(notes.map((n) => [n.id, n.itemAvailable])).toEqual([[note.id, false]]);
      expect(r.core.db.prepare('SELECT count(*) AS n FROM stars').get()).toEqual({ n: 1 });
      // Nothing left to purge; the next sync reports the same status, offline.
      expect((await r.sync.syncNow()).purged).toEqual([]);
    } finally {
      server = await startFaultServer(publisher.dir);
    }
  });
});
