// The sync part of the API contract (merged into shared/api.ts): subscribe by URL,
// sync now, status (including "offline — last synced 3 h ago"), what changed since
// the reader last read each item, expiry, and removing a pack.
import { z } from 'zod';
import type { ErrorCode } from './errors';
import { PackId, type ItemKind } from './model';

export type SyncPackStatus = 'installed' | 'up-to-date' | 'failed';

export type SyncResult =
  | {
      packId: string;
      status: 'installed';
      version: number;
      previousVersion: number | null;
      added: number;
      changed: number;
      removed: number;
      downloadedObjects: number;
      downloadedBytes: number;
      message: string;
    }
  | { packId: string; status: 'up-to-date'; version: number | null; message: string }
  | { packId: string; status: 'failed'; code: ErrorCode; message: string };

export interface SyncReport {
  startedAt: string;
  finishedAt: string;
  results: SyncResult[];
  /** Packs purged because they expired. */
  purged: string[];
}

/** Expiry as the reader sees it: warned ahead, locked at `expires`, purged a day later. */
export interface ExpiryInfo {
  expires: string | null;
  state: 'none' | 'ok' | 'expiring' | 'locked';
  /** When the content is removed from this computer (the reader's notes stay). */
  purgeAt: string | null;
}

export interface SubscriptionStatus {
  packId: string;
  title: string | null;
  url: string;
  version: number | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: { code: ErrorCode; message: string; at: string } | null;
  expiry: ExpiryInfo;
  /** Added, changed and removed items the reader has not opened (or dismissed) yet. */
  unreadChanges: number;
}

export interface SyncStatus {
  /** 'offline' when the last attempt found no network; the app keeps working from the store. */
  state: 'never' | 'idle' | 'syncing' | 'offline' | 'error';
  /** One line for a status bar, e.g. "offline — last synced 3 h ago". */
  message: string;
  lastSuccessAt: string | null;
  progress: { packId: string; objectsDone: number; objectsTotal: number; bytesDone: number; bytesTotal: number } | null;
  subscriptions: SubscriptionStatus[];
  /** Every installed pack's expiry, subscribed or not. */
  expiries: ({ packId: string; title: string } & ExpiryInfo)[];
}

export interface DiffLine {
  op: 'same' | 'added' | 'removed' | 'skipped';
  text: string;
}

export interface ChangedItem {
  kind: ItemKind;
  id: string;
  title: string;
  /** The pack version that last changed it; null when not recorded. */
  version: number | null;
  /** Against the version the reader last opened; null when they had not opened it. */
  diff: { lines: DiffLine[]; added: number; removed: number } | null;
}

export interface PackChanges {
  packId: string;
  added: { kind: ItemKind; id: string; title: string; version: number }[];
  changed: ChangedItem[];
  /** Removed by the publisher; the reader's notes on them are kept (orphaned). */
  removed: { kind: ItemKind; id: string; title: string; version: number; annotations: number }[];
}

export const syncApiParams = {
  addSubscription: z
    .object({
      url: z.string().min(1).max(2000),
      /** The content of the publisher's .pub file, or the raw key in base64. */
      publisherKey: z.string().max(4000).optional(),
      /** Or only the key id the publisher read out (e.g. "3f9a-12bc-77e0-9d41"). */
      keyId: z.string().max(40).optional(),
      repin: z.boolean().optional(),
    })
    .strict(),
  removeSubscription: z.object({ packId: PackId }).strict(),
  syncNow: z.object({ packId: PackId.optional() }).strict(),
  syncStatus: z.object({}).strict(),
  packChanges: z.object({ packId: PackId }).strict(),
  dismissChanges: z.object({ packId: PackId }).strict(),
  removePack: z.object({ packId: PackId }).strict(),
  exportBeforePurge: z.object({ packId: PackId }).strict(),
} as const;

export interface SyncApiResults {
  addSubscription: SyncResult & { keyId: string; url: string };
  removeSubscription: { removed: boolean };
  syncNow: SyncReport;
  syncStatus: SyncStatus;
  packChanges: PackChanges;
  dismissChanges: { dismissed: number };
  removePack: { removed: boolean };
  /** The reader's notes on the pack in the annotations export format, to save before it is purged. */
  exportBeforePurge: { fileName: string; json: string; count: number };
}
