// Which installed packs arrived encrypted, so they can be labelled "confidential, encrypted
// to N readers" and the others "public (not encrypted)".
//
// Kept beside the database, in <data>/confidential/installed.json, as facts about
// publications that never change: "pack P version V published at T was encrypted to N
// readers". A label is shown only when the installed row has exactly that version and
// publication time, so an entry written by an install that then rolled back is ignored.
// (A table written in the install transaction would be better; it needs a migration
// numbered after 006, see the issue note.) Packs installed by a Briefbook without this file
// were necessarily plain: earlier versions refused confidential packs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PackOrigin, PackProtection } from '../../../shared/api';
import { sealedEncryption, type Manifest } from '../../../shared/manifest';
import type { Db } from '../../store/db';

export type { PackProtection };

interface Entry {
  version: number;
  publishedAt: string;
  recipients: number;
}
type InstalledFile = { format: 1; packs: Record<string, Entry[]> };

const KEEP = 8;

function fileFor(db: Db): string | null {
  if (!db.name || db.name === ':memory:') return null;
  return path.join(path.dirname(db.name), 'confidential', 'installed.json');
}

function read(file: string): InstalledFile {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as InstalledFile;
    if (json.format === 1 && typeof json.packs === 'object' && json.packs) return json;
  } catch {
    // Missing or unreadable: no confidential installs known.
  }
  return { format: 1, packs: {} };
}

/**
 * The file as last read, by path, with the stat it was read at: every pack summary asks
 * (the library, each opened pack), and the file changes only when an install replaces it
 * (a rename: new inode and mtime), so a stat decides whether to read it again.
 */
const cache = new Map<string, { stamp: string; data: InstalledFile }>();

function readCached(file: string): InstalledFile {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) {
    cache.delete(file);
    return { format: 1, packs: {} };
  }
  const stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.data;
  const data = read(file);
  cache.set(file, { stamp, data });
  return data;
}

/** Record a confidential install (called inside the install transaction, before it commits). */
export function recordProtection(db: Db, manifest: Manifest): void {
  const sealed = sealedEncryption(manifest);
  const file = fileFor(db);
  if (!sealed || !file) return;
  const data = read(file);
  const entries = (data.packs[manifest.packId] ?? []).filter(
    (e) => !(e.version === manifest.version && e.publishedAt === manifest.publishedAt),
  );
  entries.push({ version: manifest.version, publishedAt: manifest.publishedAt, recipients: sealed.recipients.length });
  data.packs[manifest.packId] = entries.slice(-KEEP);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(data)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

export function protectionLabel(p: { encrypted: boolean; recipients?: number }): string {
  return p.encrypted
    ? `confidential, encrypted to ${p.recipients} reader${p.recipients === 1 ? '' : 's'}`
    : 'public (not encrypted)';
}

const LOCAL_DRAFT: PackProtection = { encrypted: false, label: 'local draft (not encrypted)' };

/** How an installed pack was published: encrypted to readers, or public; a local draft was not published. */
export function packProtection(
  db: Db,
  pack: { id: string; version: number; publishedAt: string | null; origin?: PackOrigin },
): PackProtection {
  if (pack.origin === 'local-draft') return LOCAL_DRAFT;
  const file = fileFor(db);
  const entry = file
    ? readCached(file).packs[pack.id]?.find((e) => e.version === pack.version && e.publishedAt === pack.publishedAt)
    : undefined;
  if (entry)
    return { encrypted: true, recipients: entry.recipients, label: protectionLabel({ encrypted: true, ...entry }) };
  return { encrypted: false, label: protectionLabel({ encrypted: false }) };
}
