// The workshop's part of the core: the methods of shared/workshopApi.ts, over source
// folders on disk (the files stay the source of truth), the profile's publisher key,
// and the store (for previewing a draft).
import fs from 'node:fs';
import path from 'node:path';
import type { ApiEvent, BriefbookApi } from '../../shared/api';
import type { WorkshopApiResults, workshopApiParams } from '../../shared/workshopApi';
import { readSourceFolder } from '../packs/source/readSource';
import type { Db } from '../store/db';
import { installPack } from '../store/install';
import {
  createItemFile,
  createPackFolder,
  deleteItemFile,
  readState,
  renameItemFile,
  requireFolder,
  updateItemFile,
  updatePackFile,
} from './folder';
import { commitImport, previewImport } from './importOfficials';
import { createKey, keyStatus, type ShellProtector } from './keys';
import { importPhoto } from './photos';
import { publish, publishPlan } from './publish';
import { writeFileAtomic } from './sourceFile';

export interface WorkshopContext {
  db: Db;
  dataDir: string;
  emit: (event: ApiEvent) => void;
  /** The Electron shell's OS keychain (safeStorage); without it the key is protected by a passphrase. */
  keyProtector?: ShellProtector;
}

type WorkshopApi = Pick<BriefbookApi, keyof typeof workshopApiParams>;

const MAX_RECENT = 8;

function recentFile(dataDir: string): string {
  return path.join(dataDir, 'workshop', 'recent.json');
}

function readRecent(dataDir: string): string[] {
  try {
    const list: unknown = JSON.parse(fs.readFileSync(recentFile(dataDir), 'utf8'));
    return Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string').slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

function remember(dataDir: string, folder: string): void {
  const list = [folder, ...readRecent(dataDir).filter((f) => f !== folder)].slice(0, MAX_RECENT);
  try {
    writeFileAtomic(recentFile(dataDir), Buffer.from(`${JSON.stringify(list, null, 2)}\n`));
  } catch {
    // the list of recent folders is a convenience
  }
}

export function workshopApi(ctx: WorkshopContext): WorkshopApi {
  const { dataDir, keyProtector } = ctx;
  const open = (folder: string): WorkshopApiResults['workshopOpen'] => {
    const state = readState(folder);
    remember(dataDir, state.folder);
    return state;
  };
  return {
    workshopOpen: async ({ folder }) => open(folder),
    workshopRecent: async () => ({
      folders: readRecent(dataDir).filter((f) => fs.existsSync(path.join(f, 'pack.yaml'))),
    }),
    workshopCreate: async ({ folder, id, title }) => open(createPackFolder(folder, id, title)),
    workshopUpdatePack: async ({ folder, data }) => {
      const written = updatePackFile(requireFolder(folder), data);
      return { ...readState(folder), written };
    },
    workshopCreateItem: async ({ folder, kind, id, title }) => {
      createItemFile(requireFolder(folder), kind, id, title);
      return readState(folder);
    },
    workshopUpdateItem: async ({ folder, kind, id, data, body }) => {
      const written = updateItemFile(requireFolder(folder), kind, id, data, body);
      return { ...readState(folder), written };
    },
    workshopRenameItem: async ({ folder, kind, id, newId }) => {
      const rewritten = renameItemFile(requireFolder(folder), kind, id, newId);
      return { ...readState(folder), rewritten };
    },
    workshopDeleteItem: async ({ folder, kind, id }) => {
      deleteItemFile(requireFolder(folder), kind, id);
      return readState(folder);
    },
    workshopImportPhoto: async ({ folder, officialId, fileName, base64 }) => {
      const result = importPhoto(requireFolder(folder), officialId, fileName, base64);
      return { ...readState(folder), ...result };
    },
    workshopPreviewImport: async ({ folder, csv, xlsx, mapping }) => previewImport(folder, { csv, xlsx }, mapping),
    workshopCommitImport: async ({ folder, csv, xlsx, mapping, expect }) => {
      const report = await commitImport(folder, { csv, xlsx }, mapping, expect);
      return { ...report, state: readState(folder) };
    },
    workshopKeyStatus: async () => keyStatus(dataDir, keyProtector),
    workshopCreateKey: async ({ passphrase }) => createKey(dataDir, passphrase, keyProtector),
    workshopPublishPlan: async ({ folder, outDir }) => publishPlan(folder, outDir, dataDir, keyProtector),
    workshopPublish: async ({ folder, outDir, passphrase, briefpack }) =>
      publish(folder, outDir, passphrase, { dataDir, briefpack, protector: keyProtector }),
    workshopPreviewDraft: async ({ folder }) => {
      const dir = requireFolder(folder);
      const pack = readSourceFolder(dir);
      const result = installPack(ctx.db, pack, { origin: 'local-draft', source: dir });
      ctx.emit({ type: 'packs-changed' });
      return { packId: result.packId, version: result.version };
    },
  };
}
