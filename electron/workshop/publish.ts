// Publishing from the workshop: the same build as `briefbook pack build` (check,
// encode, sign, write into a dist folder), with what will change told beforehand:
// the version, the key id, and the items added, changed and removed since the
// version already in the dist folder.
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../shared/errors';
import type { Manifest } from '../../shared/manifest';
import { MANIFEST_LIMITS } from '../../shared/manifest';
import type { ItemChange, PublishPlan, PublishResult } from '../../shared/workshopApi';
import { buildPublished } from '../packs/publish/build';
import { readCapped } from '../packs/publish/fetcher';
import { MANIFEST_FILE, parseManifest } from '../packs/publish/manifest';
import { encodePack } from '../packs/publish/objects';
import { readSourceFolder } from '../packs/source/readSource';
import { requireFolder } from './folder';
import { keyStatus, loadSigningKey, publicKeyFile, type ShellProtector } from './keys';

function previousManifest(outDir: string): Manifest | null {
  const bytes = readCapped(path.join(outDir, MANIFEST_FILE), MANIFEST_LIMITS.maxManifestBytes + 1);
  if (!bytes) return null;
  const parsed = parseManifest(bytes);
  return parsed.ok ? parsed.manifest : null;
}

type Entry = { kind: ItemChange['kind']; id: string; sha256: string };

export function diffItems(before: readonly Entry[], after: readonly Entry[]) {
  const key = (e: Entry) => `${e.kind}/${e.id}`;
  const old = new Map(before.map((e) => [key(e), e]));
  const now = new Map(after.map((e) => [key(e), e]));
  const pick = ({ kind, id }: Entry): ItemChange => ({ kind, id });
  return {
    added: after.filter((e) => !old.has(key(e))).map(pick),
    changed: after.filter((e) => old.has(key(e)) && old.get(key(e))!.sha256 !== e.sha256).map(pick),
    removed: before.filter((e) => !now.has(key(e))).map(pick),
  };
}

export function publishPlan(folder: string, outDir: string, dataDir: string, protector?: ShellProtector): PublishPlan {
  const dir = requireFolder(folder);
  const out = path.resolve(outDir);
  const key = keyStatus(dataDir, protector);
  const warnings: string[] = [];
  const empty = { added: [], changed: [], removed: [] };
  let pack;
  try {
    pack = readSourceFolder(dir);
  } catch (err) {
    if (err instanceof BriefbookError)
      return {
        ready: false,
        problems: err.problems.length ? [...err.problems] : [{ file: '.', message: err.message }],
        packId: null,
        version: null,
        previousVersion: null,
        keyId: key.keyId,
        warnings,
        ...empty,
      };
    throw err;
  }
  const problems = [];
  if (fs.existsSync(path.join(out, 'pack.yaml')))
    problems.push({ file: '.', message: `${out} is a pack source folder; choose another folder to publish into` });
  if (out === dir || out.startsWith(dir + path.sep))
    problems.push({ file: '.', message: 'publish into a folder outside the pack source folder' });
  const previous = fs.existsSync(out) ? previousManifest(out) : null;
  if (fs.existsSync(path.join(out, MANIFEST_FILE)) && !previous)
    problems.push({ file: '.', message: `${out} has a manifest.json that cannot be read; choose an empty folder` });
  if (previous && previous.packId !== pack.meta.id)
    problems.push({
      file: '.',
      message: `${out} holds the published pack "${previous.packId}", not "${pack.meta.id}"; use a folder per pack`,
    });
  if (pack.meta.expires && Date.parse(pack.meta.expires) <= Date.now())
    problems.push({
      file: 'pack.yaml',
      field: 'expires',
      message: 'the pack has already expired; readers would refuse it',
    });
  if (!key.exists) warnings.push('Create a publisher key before publishing.');
  if (previous && key.keyId && previous.publisher.keyId !== key.keyId)
    problems.push({
      file: '.',
      message: `version ${previous.version} was signed by key ${previous.publisher.keyId}, not this profile’s key ${key.keyId}; readers would refuse it (publish with the CLI to rotate keys)`,
    });
  const encoded = encodePack(pack);
  return {
    ready: problems.length === 0 && key.exists,
    problems,
    packId: pack.meta.id,
    version: (previous?.version ?? 0) + 1,
    previousVersion: previous?.version ?? null,
    keyId: key.keyId,
    warnings,
    ...diffItems(previous?.items ?? [], encoded.items),
  };
}

export async function publish(
  folder: string,
  outDir: string,
  passphrase: string,
  options: { dataDir: string; briefpack?: boolean; protector?: ShellProtector },
): Promise<PublishResult> {
  const dir = requireFolder(folder);
  const out = path.resolve(outDir);
  const plan = publishPlan(dir, out, options.dataDir, options.protector);
  if (plan.problems.length > 0)
    throw new BriefbookError('invalid-pack', 'The pack cannot be published yet; nothing was written.', plan.problems);
  const key = loadSigningKey(options.dataDir, passphrase, options.protector);
  const previous = fs.existsSync(out) ? previousManifest(out) : null;
  const briefpack = options.briefpack ? `${out.replace(/[\\/]+$/, '')}.briefpack` : undefined;
  const result = await buildPublished(dir, { key, outDir: out, briefpack });
  return {
    packId: result.manifest.packId,
    version: result.manifest.version,
    previousVersion: result.previousVersion,
    keyId: result.manifest.publisher.keyId,
    outDir: result.outDir,
    briefpack: result.briefpack ?? null,
    publicKeyFile: publicKeyFile(options.dataDir),
    ...diffItems(previous?.items ?? [], result.manifest.items),
  };
}
