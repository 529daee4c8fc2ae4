// A small pack source written into a temp folder, keys, and a dump of every table of
// a store, so each test can check that a refused install left the store byte-for-byte
// as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase, type Db } from '../../../electron/store/db';
import { publicKeyFromKeyObject, type PublicKeyInfo } from '../../../electron/packs/publish/keys';
import type { SigningKey } from '../../../electron/packs/publish/build';

export function tempDir(prefix = 'bb-publish-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real PNG of one colour. */
export function makePng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const PACK_ID = 'test-summit-2030';

export function official(id: string, name: string, extra = ''): string {
  return `---
name: ${name}
title: Minister of Examples
organization: Ministry of Tests
country: Japan
photo: photos/${id}.png
languages: [Japanese, English]
tags: [test]
---
${name} is a fictional official. ${extra}
`;
}

/** Write a valid source pack; returns its folder. */
export function writeSource(dir: string, options: { expires?: string } = { expires: '2099-06-30T00:00:00Z' }): string {
  const w = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  w(
    'pack.yaml',
    `id: ${PACK_ID}
title: Test Summit 2030
event:
  name: Test Summit
  location: Tokyo, Japan
  timeZone: Asia/Tokyo
  start: '2030-05-01'
  end: '2030-05-02'
classification: INTERNAL — TEST
${options.expires ? `expires: '${options.expires}'\n` : ''}`,
  );
  w(
    'officials/tanaka-hiroshi.md',
    official('tanaka-hiroshi', 'Tanaka Hiroshi', '田中 浩, with “quotes” and a \\ backslash.'),
  );
  w('officials/lee-ha-eun.md', official('lee-ha-eun', 'Lee Ha-eun', '이하은.'));
  w('photos/tanaka-hiroshi.png', makePng(8, 10, [200, 10, 10]));
  w('photos/lee-ha-eun.png', makePng(6, 6, [10, 10, 200]));
  w(
    'meetings/bilateral.md',
    `---
title: Bilateral with Minister Tanaka
start: 2030-05-01T09:30
end: 2030-05-01T10:15
location: Room 3
participants: [tanaka-hiroshi]
talkingPoints: [cables]
agenda:
  - { time: '09:30', title: Opening, lead: tanaka-hiroshi }
---
Objectives: agree on [cables](../talking-points/cables.md).
`,
  );
  w(
    'talking-points/cables.md',
    `---
title: Cable security
priority: high
meetings: [bilateral]
officials: [tanaka-hiroshi, lee-ha-eun]
---
Say that **repair ships** matter.
`,
  );
  w('notes/context.md', `---\ntitle: Context\ntags: [background]\n---\nBackground brief.\n`);
  return dir;
}

export function makeKey(): SigningKey {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return { privateKey, publicKey: publicKeyFromKeyObject(privateKey) };
}

export function writePub(dir: string, name: string, key: PublicKeyInfo): string {
  const file = path.join(dir, `${name}.pub`);
  fs.writeFileSync(file, key.key.export({ format: 'pem', type: 'spki' }));
  return file;
}

export function openStore(dir: string): Db {
  return openDatabase(path.join(dir, 'briefbook.sqlite3'));
}

/** Every row of every table (including FTS shadow tables) and the schema version, as text. */
export function dumpStore(db: Db): string {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((t) => t.name);
  const out: Record<string, string[]> = { user_version: [String(db.pragma('user_version', { simple: true }))] };
  for (const t of tables) {
    const rows = db
      .prepare(`SELECT * FROM "${t.replace(/"/g, '""')}"`)
      .raw()
      .all() as unknown[][];
    out[t] = rows
      .map((r) =>
        JSON.stringify(
          r.map((v) => (Buffer.isBuffer(v) ? `hex:${v.toString('hex')}` : typeof v === 'bigint' ? String(v) : v)),
        ),
      )
      .sort();
  }
  return JSON.stringify(out, null, 1);
}

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Unix mode for the external attributes (default a regular file). */
  mode?: number;
  /** Uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
  deflate?: boolean;
}

/** A stored (uncompressed) ZIP written byte by byte, so tests can put anything in it. */
export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.data.length;
    const crc = zlib.crc32(e.data);
    const stored = e.deflate ? zlib.deflateRawSync(e.data) : e.data;
    const method = e.deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, stored);
    centrals.push(central, name);
    offset += local.length + name.length + stored.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The entries of a published folder, ready for rawZip. */
export function distEntries(dist: string): RawEntry[] {
  const objects = fs.readdirSync(path.join(dist, 'objects')).sort();
  return [
    { name: 'manifest.json', data: fs.readFileSync(path.join(dist, 'manifest.json')) },
    { name: 'manifest.sig', data: fs.readFileSync(path.join(dist, 'manifest.sig')) },
    ...objects.map((o) => ({ name: `objects/${o}`, data: fs.readFileSync(path.join(dist, 'objects', o)) })),
  ];
}
