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
import { sealedEncryption, type Manifest } from '../../../shared/manifest';
import type { Db } from '../../store/db';

export type PackProtection =
  { encrypted: false; label: string } | { encrypted: true; recipients: number; label: string };

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

/** How an installed pack was published: encrypted to readers, or public. */
export function packProtection(
  db: Db,
  pack: { id: string; version: number; publishedAt: string | null },
): PackProtection {
  const file = fileFor(db);
  const entry = file
    ? read(file).packs[pack.id]?.find((e) => e.version === pack.version && e.publishedAt === pack.publishedAt)
    : undefined;
  if (entry)
    return { encrypted: true, recipients: entry.recipients, label: protectionLabel({ encrypted: true, ...entry }) };
  return { encrypted: false, label: protectionLabel({ encrypted: false }) };
}
