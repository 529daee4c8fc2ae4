// The core: the one implementation of the API contract, over one profile's database.
// Used as-is by the Electron shell (IPC), the browser host (HTTP) and the CLI.
import fs from 'node:fs';
import path from 'node:path';
import {
  EXPORTS_FOLDER,
  type AppInfo,
  type ApiEventListener,
  type BriefbookApi,
  type ChooseFolderRequest,
} from '../../shared/api';
import { BriefbookError } from '../../shared/errors';
import { openDatabase, DB_FILE_NAME, type Db } from '../store/db';
import { getItem, getPackContents, getPhoto, listPacks } from '../store/packsRepo';
import { getSettings, markRead, setStarred, updateSettings } from '../store/userData';
import { installBundledSample } from '../packs/publish/sample';
import { assetsDir } from '../platform/assets';
import { createEventHub, type EventHub } from './events';
import { exportPdf } from '../pdf/exportPdf';
import { prepareSearchSoon, search } from '../search/index';
import * as annotations from '../annotations/index';
import type { ReaderKey } from '../packs/confidential/index';
import { assertReadable, createSyncService, setupSync, type SyncService } from '../sync/index';
import { syncApi } from '../sync/api';
import { identityOptionsFromEnv, readerIdentity, readerKeySource, type KeyProtector } from '../identity/index';
import { workshopApi } from '../workshop/api';

export interface CoreOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  /** better_sqlite3.node built for Electron's ABI, when running inside Electron from a checkout. */
  nativeBinding?: string;
  /** Install the bundled sample pack when the data folder is new. */
  installSample?: boolean;
  now?: () => Date;
  /** Sync subscriptions shortly after opening and then periodically (default: in the app and the browser host, not the CLI). */
  backgroundSync?: boolean;
  /** Get search ready in the background after opening and after packs change (default: in the app and the browser host, not the CLI). */
  prepareSearch?: boolean;
  /**
   * Protects this computer's reader key with the OS keychain (the Electron shell passes
   * safeStorage's encryptString/decryptString when isEncryptionAvailable()). Without it the
   * key is protected by a passphrase (BRIEFBOOK_IDENTITY_PASSPHRASE) or only by file permissions.
   */
  keyProtector?: KeyProtector;
  /** The system's folder picker (the Electron shell's dialog); resolves null when cancelled. */
  chooseFolder?: (request: ChooseFolderRequest) => Promise<string | null>;
}

export interface Core {
  api: BriefbookApi;
  db: Db;
  events: EventHub;
  dataDir: string;
  sync: SyncService;
  /** This computer's reader key for confidential packs (unlocked on first use). */
  readerKey: () => ReaderKey;
  onEvent(listener: ApiEventListener): () => void;
  close(): void;
}

export const VERSION = process.env.BRIEFBOOK_VERSION ?? '0.0.0-dev';

export function openCore(options: CoreOptions): Core {
  const dataDir = path.resolve(options.dataDir);
  const dbFile = path.join(dataDir, DB_FILE_NAME);
  const isNew = !fs.existsSync(dbFile);
  const db = openDatabase(dbFile, { nativeBinding: options.nativeBinding });
  const events = createEventHub();
  const now = options.now ?? (() => new Date());
  const exportsDir = path.join(dataDir, EXPORTS_FOLDER);
  annotations.setupAnnotations();
  setupSync();
  const identityOptions = { ...identityOptionsFromEnv(), protector: options.keyProtector };
  const readerKey = readerKeySource(dataDir, identityOptions);
  const sync = createSyncService({ db, dataDir, emit: events.emit, now, readerKey });
  // Expired packs are locked and purged with or without a network.
  sync.enforceExpiry();
  if (options.backgroundSync ?? options.transport !== 'direct') sync.start();

  if (isNew && options.installSample) installSamplePack(db, now());
  const stopPreparingSearch =
    (options.prepareSearch ?? options.transport !== 'direct') ? keepSearchReady(db, events) : null;

  const api: BriefbookApi = {
    appInfo: async () => ({
      version: VERSION,
      dataDir,
      transport: options.transport,
      canChooseFolders: options.chooseFolder !== undefined,
    }),
    chooseFolder: async (request) => {
      if (!options.chooseFolder)
        throw new BriefbookError(
          'invalid-input',
          'There is no folder picker here (Briefbook is running in a browser). Type the folder’s full path instead.',
        );
      return { folder: await options.chooseFolder(request) };
    },
    identity: async () => {
      const { file: _file, ...shown } = readerIdentity(dataDir, identityOptions);
      return shown;
    },
    listPacks: async () => listPacks(db),
    getPack: async ({ packId }) => (assertReadable(db, packId, now()), getPackContents(db, packId)),
    getItem: async ({ packId, kind, itemId }) => (assertReadable(db, packId, now()), getItem(db, packId, kind, itemId)),
    getPhoto: async ({ packId, path: photoPath }) => (
      assertReadable(db, packId, now()),
      getPhoto(db, packId, photoPath)
    ),
    getSettings: async () => getSettings(db),
    updateSettings: async (patch) => updateSettings(db, patch),
    setStarred: async ({ starred, ...ref }) => ({ starred: setStarred(db, ref, starred, now()) }),
    markRead: async (ref) => ({ readAt: markRead(db, ref, now()) }),
    exportPdf: async (p) => {
      // A window writes PDFs only into the data folder's exports/, and the reader saves a
      // copy from there: a page that was ever subverted must not be able to replace any
      // file the reader can write (a rename over it) with a PDF. The CLI writes where it is told.
      const outPath = path.resolve(exportsDir, p.outPath);
      if (path.dirname(outPath) !== exportsDir)
        throw new BriefbookError(
          'invalid-input',
          `The app saves PDFs only in its exports folder (${exportsDir}), not at ${outPath}. Give a file name there and save a copy from the export dialog.`,
        );
      fs.mkdirSync(exportsDir, { recursive: true });
      return exportPdf(db, { ...p, outPath, now: now(), onProgress: events.emit });
    },
    readExport: async ({ fileName }) => {
      const file = path.join(exportsDir, fileName);
      if (path.dirname(file) !== exportsDir || !fs.existsSync(file))
        throw new BriefbookError('not-found', `There is no export called "${fileName}".`);
      const bytes = fs.readFileSync(file);
      const mime = fileName.toLowerCase().endsWith('.pdf') ? 'application/pdf' : 'application/json';
      return { fileName, mime, base64: bytes.toString('base64'), bytes: bytes.length };
    },
    search: async (params) => search(db, params),
    listAnnotations: async (filter) => annotations.listAnnotations(db, filter),
    getAnnotation: async ({ id }) => annotations.getAnnotation(db, id),
    createAnnotation: async (p) => annotations.createAnnotation(db, p, now()),
    updateAnnotation: async (p) => annotations.updateAnnotation(db, p, now()),
    deleteAnnotation: async (p) => annotations.deleteAnnotation(db, p, now()),
    restoreAnnotation: async (p) => annotations.restoreAnnotation(db, p),
    reattachAnnotation: async (p) => annotations.reattachAnnotation(db, p, now()),
    exportAnnotations: async ({ packId }) =>
      annotations.exportAnnotations(db, { packId, now: now(), app: `Briefbook ${VERSION}` }),
    ...syncApi({
      db,
      dataDir,
      sync,
      emit: events.emit,
      now,
      readerKey,
      exportNotes: (packId) => annotations.exportAnnotations(db, { packId, now: now(), app: `Briefbook ${VERSION}` }),
    }),
    ...workshopApi({ db, dataDir, emit: events.emit, keyProtector: options.keyProtector }),
    importAnnotations: async ({ json, restoreDeleted }) => {
      const report = annotations.importAnnotations(db, json, { restoreDeleted });
      events.emit({ type: 'annotations-changed', packId: null });
      return report;
    },
  };

  return {
    api,
    db,
    events,
    dataDir,
    sync,
    readerKey,
    onEvent: events.on,
    close: () => {
      stopPreparingSearch?.();
      sync.stop();
      db.close();
    },
  };
}

/**
 * Gets search ready now and again after packs change, so the reader's first keystroke
 * does not rebuild indexes. The warm-up queries run until one preparation has finished
 * them: V8 keeps what it compiled, so after a sync only the indexes need rebuilding.
 */
function keepSearchReady(db: Db, events: EventHub): () => void {
  let warmedUp = false;
  const start = (): (() => void) => {
    let cancelled = false;
    const preparing = prepareSearchSoon(db, { warmUp: !warmedUp });
    void preparing.done.then(() => {
      if (!cancelled) warmedUp = true;
    });
    return () => {
      cancelled = true;
      preparing.cancel();
    };
  };
  let cancel = start();
  const unsubscribe = events.on((event) => {
    if (event.type !== 'packs-changed') return;
    cancel();
    cancel = start();
  });
  return () => {
    unsubscribe();
    cancel();
  };
}

function installSamplePack(db: Db, now: Date): void {
  // Through the signed path, with the sample key that is trusted for the sample pack only.
  const dir = assetsDir();
  try {
    installBundledSample(db, dir, now);
  } catch (err) {
    // A broken sample must not stop the app from opening an empty library.
    console.error(
      `[briefbook] could not install the sample pack from ${dir}:`,
      err instanceof Error ? err.message : err,
    );
  }
}
