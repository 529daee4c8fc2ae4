// The one contract between the UI and the core. Every call the renderer can make is
// a key of `apiParams` (its parameters' schema) and of `ApiResults` (what it returns).
// Transports (Electron IPC, the loopback browser host) loop over `API_METHODS`; the
// core validates every call's parameters against `apiParams` before running it.
import { z } from 'zod';
import {
  ItemRef,
  ITEM_KINDS,
  ItemId,
  LocalDate,
  PackId,
  TimeZone,
  type EventInfo,
  type ItemDataByKind,
  type ItemKind,
  type PackItem,
} from './model';
import { annotationApiParams, type AnnotationApiResults } from './annotationsApi';
import { API_METHOD_NAMES, IPC_CHANNELS, type ApiMethodName } from './apiMethods';
import { syncApiParams, type SyncApiResults } from './syncApi';
import { workshopApiParams, type WorkshopApiResults } from './workshopApi';

// ---- results ---------------------------------------------------------------

export type PackOrigin = 'local-draft' | 'signed';

/**
 * How an installed pack was published: confidential (encrypted to named readers, FORMAT.md
 * §9) or not encrypted (public material, or a local draft). `label` is the wording the CLI
 * and the app show, e.g. "confidential, encrypted to 3 readers", "public (not encrypted)".
 */
export type PackProtection =
  { encrypted: false; label: string } | { encrypted: true; recipients: number; label: string };

export interface PackSummary {
  id: string;
  title: string;
  event: EventInfo;
  classification: string;
  preparedFor: string | null;
  expires: string | null;
  version: number;
  origin: PackOrigin;
  /** Where it was installed from: a folder, a .briefpack file or a URL. */
  source: string;
  publisherKeyId: string | null;
  publishedAt: string | null;
  installedAt: string;
  counts: Record<ItemKind, number>;
  /** Confidential or public; derived from what was recorded at install (no migration). */
  protection: PackProtection;
}

/** An item without its body, for lists. */
export type ItemSummary = {
  [K in ItemKind]: { kind: K; id: string; title: string; data: ItemDataByKind[K] };
}[ItemKind];

export interface PackContents {
  pack: PackSummary;
  items: ItemSummary[];
}

export type ItemDetail = PackItem & {
  packId: string;
  title: string;
  starred: boolean;
  readAt: string | null;
};

export interface PhotoData {
  mime: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
  dataUrl: string;
}

// ---- search ----------------------------------------------------------------

export const SEARCH_KINDS = [...ITEM_KINDS, 'annotation'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A piece of a snippet; `match` pieces are what the query matched, for highlighting without HTML. */
export interface SnippetSegment {
  text: string;
  match: boolean;
}

/**
 * Where in the item a hit points: an agenda entry of a meeting, or a range of the
 * item's plain text (`plainTextOf`, the same offsets annotations use).
 */
export type SearchAnchor = { type: 'agenda'; index: number } | { type: 'text'; start: number; end: number };

export interface SearchHit {
  kind: SearchKind;
  packId: string;
  /** The item to open. For an annotation, the annotated item (which may no longer be installed). */
  itemKind: ItemKind;
  itemId: string;
  /** Set when kind is 'annotation'. */
  annotationId?: string;
  title: string;
  subtitle: string;
  /** Higher is better; comparable within one result list only. */
  score: number;
  snippet: SnippetSegment[];
  anchor?: SearchAnchor;
}

export interface SearchResults {
  /** Ranked best first; the UI groups them by kind, keeping this order within each group. */
  hits: SearchHit[];
  tookMs: number;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  transport: 'electron' | 'browser-host' | 'direct';
  /** Whether chooseFolder opens the system's folder picker (the desktop app); elsewhere paths are typed. */
  canChooseFolders: boolean;
}

/** What the system's folder picker is asked: its title, and where it starts. */
export const ChooseFolderParams = z
  .object({
    title: z.string().trim().min(1).max(200),
    defaultPath: z.string().max(4096).optional(),
  })
  .strict();
export type ChooseFolderRequest = z.infer<typeof ChooseFolderParams>;

export const THEMES = ['system', 'light', 'dark'] as const;

export const Settings = z
  .object({
    theme: z.enum(THEMES),
    /** Base text size in CSS pixels. */
    textSize: z.number().int().min(12).max(28),
    /** The reader's home zone; null follows the computer's. */
    homeTimeZone: TimeZone.nullable(),
    /** Where the reader was, so the app reopens there. */
    lastLocation: z.string().max(500).nullable(),
  })
  .strict();
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  textSize: 16,
  homeTimeZone: null,
  lastLocation: null,
};

// ---- PDF export ------------------------------------------------------------

/** What a PDF brief covers: everything, one venue day, one meeting card, or some officials' profiles. */
export const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('day'), date: LocalDate }).strict(),
  z.object({ kind: z.literal('meeting'), id: ItemId }).strict(),
  z.object({ kind: z.literal('officials'), ids: z.array(ItemId).min(1).max(500) }).strict(),
]);
export type ExportScope = z.infer<typeof ExportScope>;

export const ExportPdfParams = z
  .object({
    packId: PackId,
    scope: ExportScope,
    /** Include the reader's highlights and notes, and an index of them. */
    notes: z.boolean(),
    paper: z.enum(['a4', 'letter']),
    /** The reader's name, printed diagonally on every page with the export date. */
    watermark: z.string().trim().min(1).max(120).optional(),
    /**
     * The .pdf to write: a file name in the data folder's exports/ (or a path there). The
     * core refuses any other folder; the reader saves a copy from there (readExport).
     */
    outPath: z
      .string()
      .max(4096)
      .regex(/\.pdf$/i, 'the file name must end in .pdf'),
  })
  .strict();

export interface ExportPdfResult {
  path: string;
  pages: number;
  bytes: number;
}

/** The folder under the data folder where the app writes every export; the reader saves a copy from it. */
export const EXPORTS_FOLDER = 'exports';

/** A file from the data folder's exports/, for a browser (which has no file access) to save a copy. */
export interface ExportFile {
  fileName: string;
  mime: 'application/pdf' | 'application/json';
  base64: string;
  bytes: number;
}

/**
 * This computer's reader key: the reader sends `publicKey` (and reads `keyId` out by
 * phone) to the chief of staff, who encrypts confidential packs to it.
 */
export interface ReaderIdentity {
  /** Short fingerprint, e.g. "3f9a-12bc-77e0-9d41". */
  keyId: string;
  /** The whole public key, one line: `briefbook-reader:<base64>`. */
  publicKey: string;
  protection: 'os-keychain' | 'passphrase' | 'file-only';
  /** One sentence on how the private key is protected, to show as it is. */
  protectionNote: string;
  createdAt: string;
}

// ---- parameters ------------------------------------------------------------

const None = z.object({}).strict();

export const apiParams = {
  appInfo: None,
  /** The system's folder picker (only where appInfo.canChooseFolders); null when the reader cancels. */
  chooseFolder: ChooseFolderParams,
  /** This computer's reader key for confidential packs (made on first use). */
  identity: None,
  listPacks: None,
  getPack: z.object({ packId: PackId }).strict(),
  getItem: z.object({ packId: PackId, kind: z.enum(ITEM_KINDS), itemId: ItemId }).strict(),
  getPhoto: z.object({ packId: PackId, path: z.string().max(200) }).strict(),
  getSettings: None,
  updateSettings: Settings.partial().strict(),
  setStarred: ItemRef.extend({ starred: z.boolean() }).strict(),
  markRead: ItemRef,
  /** Writes a printable PDF brief; progress arrives as 'export-progress' events. */
  exportPdf: ExportPdfParams,
  /** A file the app wrote into the data folder's exports/ (by bare name only), as base64. */
  readExport: z
    .object({
      fileName: z
        .string()
        .max(200)
        .regex(/^[^/\\]+\.(pdf|json)$/i, 'a file name in the exports folder, ending in .pdf or .json'),
    })
    .strict(),
  /** Type-ahead and full search over every installed pack and the reader's notes. Never fails on odd input. */
  search: z
    .object({
      query: z.string().max(1000),
      packId: PackId.optional(),
      kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
      country: z.string().max(100).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    })
    .strict(),
  ...annotationApiParams,
  ...syncApiParams,
  ...workshopApiParams,
} as const;

export type ApiMethod = keyof typeof apiParams;
/** The same names as shared/apiMethods.ts (which the preload bundles without the schemas). */
export const API_METHODS: readonly ApiMethod[] = API_METHOD_NAMES;
// Compile-time: the name list and the contract hold exactly the same methods.
type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameMethods: SameUnion<ApiMethod, ApiMethodName> = true;
void sameMethods;

export interface ApiResults extends AnnotationApiResults, SyncApiResults, WorkshopApiResults {
  appInfo: AppInfo;
  chooseFolder: { folder: string | null };
  identity: ReaderIdentity;
  listPacks: PackSummary[];
  getPack: PackContents;
  getItem: ItemDetail;
  getPhoto: PhotoData;
  getSettings: Settings;
  updateSettings: Settings;
  setStarred: { starred: boolean };
  markRead: { readAt: string };
  exportPdf: ExportPdfResult;
  readExport: ExportFile;
  search: SearchResults;
}

// A compile-time check that every method has a result type and vice versa.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyMethodHasAResult: Exact<ApiMethod, keyof ApiResults> = true;
void _everyMethodHasAResult;

export type ApiParams<M extends ApiMethod> = z.input<(typeof apiParams)[M]>;
export type ApiResult<M extends ApiMethod> = ApiResults[M];

export type BriefbookApi = {
  [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResult<M>>;
};

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiParams, name);
}

// ---- events pushed from the core -------------------------------------------

export type ApiEvent =
  | { type: 'packs-changed' }
  | {
      type: 'sync-progress';
      packId: string;
      objectsDone: number;
      objectsTotal: number;
      bytesDone: number;
      bytesTotal: number;
    }
  | { type: 'sync-finished'; packId: string; ok: boolean; message: string }
  | {
      type: 'export-progress';
      packId: string;
      outPath: string;
      pages: number;
      itemsDone: number;
      itemsTotal: number;
      done: boolean;
    }
  /** Annotations changed other than by the caller's own edit (an import, a pack update). */
  | { type: 'annotations-changed'; packId: string | null };

export type ApiEventListener = (event: ApiEvent) => void;

/** What a transport gives the renderer: typed calls plus an event subscription. */
export interface ApiClient {
  api: BriefbookApi;
  onEvent(listener: ApiEventListener): () => void;
}

/** The Electron preload exposes exactly this on `window.briefbookIpc`. */
export interface IpcBridge {
  invoke(method: string, params: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  onEvent(listener: (event: unknown) => void): () => void;
}

export { IPC_CHANNELS };
