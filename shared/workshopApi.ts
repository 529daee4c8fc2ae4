// The workshop part of the API contract (merged into shared/api.ts): a chief of staff
// opens or creates a pack *source folder*, edits it through forms (each save rewrites
// only the fields that changed, keeping comments and unknown keys), imports officials
// from a spreadsheet, checks it live with the same checker as `briefbook pack check`,
// previews it as a local draft and publishes it signed.
import { z } from 'zod';
import type { Problem } from './errors';
import { ITEM_KINDS, ItemId, PackId, type ItemKind } from './model';

/** An absolute folder path the user typed (the browser host has no folder picker). */
const FolderPath = z.string().trim().min(1, 'give the folder path').max(4096);
const Fields = z.record(z.string().max(100), z.unknown());

/** One item file as the forms see it: its front matter as plain values, and its body. */
export interface WorkshopItem {
  kind: ItemKind;
  id: string;
  /** Relative to the folder, e.g. "officials/tanaka-hiroshi.md". */
  file: string;
  title: string;
  /** The front matter as written (not defaulted); null when the file cannot be parsed. */
  data: Record<string, unknown> | null;
  body: string;
  /** Why the forms cannot edit this file (fix it by hand); the problem list says where. */
  unreadable: string | null;
}

export interface WorkshopState {
  folder: string;
  /** pack.yaml as written; null when it is missing or cannot be parsed. */
  pack: Record<string, unknown> | null;
  items: WorkshopItem[];
  /** Photo files in photos/. */
  photos: string[];
  /** Every problem `briefbook pack check` would report; empty means the pack can be published. */
  problems: Problem[];
  checkedAt: string;
}

export const IMPORT_FIELDS = [
  'id',
  'name',
  'nativeName',
  'pronunciation',
  'title',
  'organization',
  'country',
  'languages',
  'tags',
  'body',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column header → official field, or null to ignore the column. */
const Mapping = z.record(z.string().max(200), z.enum(IMPORT_FIELDS).nullable());

export interface ImportRow {
  /** Row number in the spreadsheet (the header is row 1). */
  row: number;
  action: 'create' | 'update';
  id: string;
  name: string;
  /** Fields this row sets. */
  changes: Record<string, unknown>;
  /** How the existing official was matched, for updates: by id or by name. */
  matchedBy?: 'id' | 'name';
}

export interface RefusedRow {
  row: number;
  name: string;
  reasons: string[];
}

export interface ImportPreview {
  headers: string[];
  mapping: Record<string, ImportField | null>;
  rows: ImportRow[];
  refused: RefusedRow[];
  /** Rows with no content, not counted. */
  blank: number;
}

export interface ImportReport {
  created: string[];
  updated: string[];
  refused: RefusedRow[];
  state: WorkshopState;
}

export interface KeyStatus {
  exists: boolean;
  keyId: string | null;
  /** Where the public key (.pub) is, to give to readers with the key id. */
  publicKeyFile: string | null;
  publicKeyPem: string | null;
  /** How the private key is protected on this computer (null: no key yet). */
  protection: 'passphrase' | 'os-keychain' | null;
  /** The desktop app's OS keychain is there: a new key needs no passphrase. */
  keychainAvailable: boolean;
  /** Said to the user: what protects the key, and what to do. */
  note: string;
}

export interface ItemChange {
  kind: ItemKind;
  id: string;
}

export interface PublishPlan {
  ready: boolean;
  problems: Problem[];
  packId: string | null;
  version: number | null;
  previousVersion: number | null;
  keyId: string | null;
  added: ItemChange[];
  changed: ItemChange[];
  removed: ItemChange[];
  /** Things to know before publishing (e.g. a different key signed the previous version). */
  warnings: string[];
}

export interface PublishResult {
  packId: string;
  version: number;
  previousVersion: number | null;
  keyId: string;
  outDir: string;
  briefpack: string | null;
  publicKeyFile: string;
  added: ItemChange[];
  changed: ItemChange[];
  removed: ItemChange[];
}

const Kind = z.enum(ITEM_KINDS);
/** One of the two: the sheet saved as CSV, or the .xlsx workbook's bytes in base64 (first sheet). */
const Sheet = { csv: z.string().max(5_000_000).optional(), xlsx: z.string().max(5_000_000).optional() };

export const workshopApiParams = {
  /** Open a source folder (the one with pack.yaml) and check it. */
  workshopOpen: z.object({ folder: FolderPath }).strict(),
  /** Folders opened before, most recent first. */
  workshopRecent: z.object({}).strict(),
  /** Start a new pack in a folder that has no pack.yaml yet (made if missing). */
  workshopCreate: z.object({ folder: FolderPath, id: PackId, title: z.string().trim().min(1).max(200) }).strict(),
  /** Change pack.yaml fields; a null value removes an optional field. Unchanged fields are not touched. */
  workshopUpdatePack: z.object({ folder: FolderPath, data: Fields }).strict(),
  workshopCreateItem: z
    .object({ folder: FolderPath, kind: Kind, id: ItemId, title: z.string().trim().min(1).max(300) })
    .strict(),
  /** Change an item's front matter fields (null removes one) and/or its body; writes nothing when nothing changed. */
  workshopUpdateItem: z
    .object({
      folder: FolderPath,
      kind: Kind,
      id: ItemId,
      data: Fields.optional(),
      body: z.string().max(300_000).optional(),
    })
    .strict(),
  /** Rename an item's file and every reference to it in the pack. */
  workshopRenameItem: z.object({ folder: FolderPath, kind: Kind, id: ItemId, newId: ItemId }).strict(),
  workshopDeleteItem: z.object({ folder: FolderPath, kind: Kind, id: ItemId }).strict(),
  /** A JPEG or PNG (base64) saved as photos/<official id>.<ext> and set as the official's photo. */
  workshopImportPhoto: z
    .object({
      folder: FolderPath,
      officialId: ItemId,
      fileName: z.string().max(300),
      base64: z.string().max(3_000_000),
    })
    .strict(),
  /** What a spreadsheet of officials (CSV text, or an .xlsx file in base64) would do; writes nothing. */
  workshopPreviewImport: z.object({ folder: FolderPath, ...Sheet, mapping: Mapping.optional() }).strict(),
  /** Write the rows the preview accepted. Refused if the folder changed since (`expect` differs). */
  workshopCommitImport: z
    .object({
      folder: FolderPath,
      ...Sheet,
      mapping: Mapping,
      expect: z.object({ create: z.array(ItemId), update: z.array(ItemId) }).strict(),
    })
    .strict(),
  workshopKeyStatus: z.object({}).strict(),
  /** Make the publisher key: in the OS keychain where there is one, else protected by this passphrase (10+ characters). */
  workshopCreateKey: z.object({ passphrase: z.string().max(1000).optional() }).strict(),
  /** What publishing into outDir would do: version, key id, items added/changed/removed, problems. */
  workshopPublishPlan: z.object({ folder: FolderPath, outDir: FolderPath }).strict(),
  workshopPublish: z
    .object({
      folder: FolderPath,
      outDir: FolderPath,
      /** Ignored when the key is in the OS keychain. */
      passphrase: z.string().max(1000),
      briefpack: z.boolean().optional(),
    })
    .strict(),
  /** Install the folder as an unsigned local draft, to read it as an executive will. */
  workshopPreviewDraft: z.object({ folder: FolderPath }).strict(),
} as const;

export interface WorkshopApiResults {
  workshopOpen: WorkshopState;
  workshopRecent: { folders: string[] };
  workshopCreate: WorkshopState;
  workshopUpdatePack: WorkshopState & { written: boolean };
  workshopCreateItem: WorkshopState;
  workshopUpdateItem: WorkshopState & { written: boolean };
  workshopRenameItem: WorkshopState & { rewritten: string[] };
  workshopDeleteItem: WorkshopState;
  workshopImportPhoto: WorkshopState & { photo: string; width: number; height: number };
  workshopPreviewImport: ImportPreview;
  workshopCommitImport: ImportReport;
  workshopKeyStatus: KeyStatus;
  workshopCreateKey: KeyStatus;
  workshopPublishPlan: PublishPlan;
  workshopPublish: PublishResult;
  workshopPreviewDraft: { packId: string; version: number };
}
