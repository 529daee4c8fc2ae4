// The .briefpack: the published directory in one ZIP file (manifest.json,
// manifest.sig, objects/<sha256>), for USB sticks and e-mail. ZIP because every
// platform can list it, and yazl/yauzl are small, maintained, dependency-free, and
// yauzl reads from the central directory with random access (no need to unpack) and
// checks each entry's size against its header. Entries are written in a fixed order
// with a fixed date, so the same publication makes the same file.
//
// Reading refuses the whole archive when any entry is not exactly one of those names
// (so "..", absolute paths, backslashes and anything else never reach a path), is a
// link or encrypted, is duplicated, or declares a size beyond the limits; every entry
// is read through a byte cap and yauzl refuses data that disagrees with its header.
import fs from 'node:fs';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { BriefbookError, type Problem } from '../../../shared/errors';
import { MANIFEST_LIMITS, SEALED_LIMITS } from '../../../shared/manifest';
import { LIMITS } from '../../../shared/model';
import { readCapped, type PackFetcher } from './fetcher';
import { MANIFEST_FILE, OBJECTS_DIR, SIGNATURE_FILE } from './manifest';

export const BRIEFPACK_EXTENSION = '.briefpack';
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Room for ZIP headers and the central directory on top of the objects. */
const MAX_ARCHIVE_BYTES = LIMITS.maxPackBytes + MANIFEST_LIMITS.maxManifestBytes + 64 * 1024 * 1024;
const MAX_ENTRIES = LIMITS.maxItems + MANIFEST_LIMITS.maxAssets + 3;
const ENTRY_NAME = /^(manifest\.json|manifest\.sig|objects\/[0-9a-f]{64})$/;

export interface BriefpackContent {
  manifest: Buffer;
  signature: Buffer;
  objects: ReadonlyMap<string, Buffer>;
}

/** Write the archive to a temporary file beside `file`, then rename it into place. */
export async function writeBriefpack(file: string, content: BriefpackContent): Promise<void> {
  const zip = new yazl.ZipFile();
  const opts = (compress: boolean) => ({ mtime: FIXED_DATE, mode: 0o100644, compress, forceDosTimestamp: true });
  zip.addBuffer(content.manifest, MANIFEST_FILE, opts(true));
  zip.addBuffer(content.signature, SIGNATURE_FILE, opts(false));
  for (const sha of [...content.objects.keys()].sort()) {
    const bytes = content.objects.get(sha)!;
    // Photos are already compressed; item JSON deflates well.
    const isImage = bytes[0] === 0x89 || bytes[0] === 0xff;
    zip.addBuffer(bytes, `${OBJECTS_DIR}/${sha}`, opts(!isImage));
  }
  zip.end();
  const tmp = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.${process.pid}.tmp`);
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(tmp, { mode: 0o644 });
    zip.outputStream.on('error', reject).pipe(out).on('error', reject).on('close', resolve);
  });
  fs.renameSync(tmp, file);
}

export function looksLikeBriefpack(file: string): boolean {
  const head = readCapped(file, 4);
  return head !== null && head.equals(ZIP_MAGIC);
}

function entryProblem(entry: yauzl.Entry, seen: Set<string>): string | null {
  const raw = entry.fileNameRaw;
  const name = raw.toString('latin1');
  if (raw.some((b) => b < 0x20 || b > 0x7e)) return 'has a name with control or non-ASCII characters';
  if (name.includes('\\')) return 'has a backslash in its name (Windows paths are not allowed)';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').some((seg) => seg === '..' || seg === '.')) return 'climbs out of the archive ("..")';
  const unixType = (entry.externalFileAttributes >>> 16) & 0o170000;
  if (unixType === 0o120000) return 'is a symbolic link';
  if (name === `${OBJECTS_DIR}/` && unixType !== 0o100000) return null; // the folder entry itself
  if (!ENTRY_NAME.test(name))
    return 'is not a manifest or an object (only manifest.json, manifest.sig and objects/<sha256>)';
  if (unixType !== 0 && unixType !== 0o100000) return 'is not a regular file';
  if (seen.has(name)) return 'appears twice';
  if ((entry.generalPurposeBitFlag & 0x1) !== 0) return 'is encrypted';
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    return `uses compression method ${entry.compressionMethod} (only stored and deflate)`;
  const limit =
    name === MANIFEST_FILE
      ? MANIFEST_LIMITS.maxManifestBytes
      : name === SIGNATURE_FILE
        ? MANIFEST_LIMITS.signatureBytes
        : Math.max(LIMITS.maxPhotoBytes, MANIFEST_LIMITS.maxItemObjectBytes, SEALED_LIMITS.maxHeaderBytes);
  if (entry.uncompressedSize > limit) return `declares ${entry.uncompressedSize} bytes; the limit is ${limit}`;
  return null;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(
      file,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true, strictFileNames: true },
      (err, zip) => (err ? reject(err) : resolve(zip)),
    ),
  );
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) return reject(err);
      const chunks: Buffer[] = [];
      let got = 0;
      stream.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        got += chunk.length;
        if (got > limit) {
          stream.destroy();
          resolve(Buffer.concat(chunks).subarray(0, limit));
        }
      });
      stream.on('end', () => resolve(Buffer.concat(chunks)));
      stream.on('error', reject);
    });
  });
}

const damaged = (file: string, detail: string, problems: Problem[] = []) =>
  new BriefbookError('invalid-pack', `${file} is not a usable .briefpack: ${detail}. Nothing was installed.`, problems);

/** Open a .briefpack for reading through the PackFetcher interface. */
export async function openBriefpack(file: string): Promise<PackFetcher> {
  const location = path.resolve(file);
  const stat = fs.lstatSync(location, { throwIfNoEntry: false });
  if (!stat || !stat.isFile()) throw new BriefbookError('invalid-input', `${location} is not a file.`);
  if (stat.size > MAX_ARCHIVE_BYTES)
    throw damaged(
      location,
      `it is ${Math.ceil(stat.size / 1048576)} MB; the limit is ${Math.floor(MAX_ARCHIVE_BYTES / 1048576)} MB`,
    );
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(location);
  } catch (err) {
    throw damaged(location, `it is not a readable ZIP archive (${(err as Error).message})`);
  }
  try {
    if (zip.entryCount > MAX_ENTRIES + 1)
      throw damaged(location, `it has ${zip.entryCount} entries; the limit is ${MAX_ENTRIES}`);
    let entries: yauzl.Entry[];
    try {
      entries = await readEntries(zip);
    } catch (err) {
      throw damaged(location, `its directory is damaged (${(err as Error).message})`);
    }
    const byName = new Map<string, yauzl.Entry>();
    const problems: Problem[] = [];
    for (const entry of entries) {
      const name = entry.fileNameRaw.toString('latin1');
      const problem = entryProblem(entry, new Set(byName.keys()));
      if (problem) problems.push({ file: JSON.stringify(name).slice(1, -1), message: problem });
      else if (name !== `${OBJECTS_DIR}/`) byName.set(name, entry);
    }
    if (problems.length > 0)
      throw damaged(
        location,
        `${problems.length} archive entr${problems.length === 1 ? 'y is' : 'ies are'} refused`,
        problems,
      );

    const read = async (name: string, limit: number): Promise<Buffer | null> => {
      const entry = byName.get(name);
      if (!entry) return null;
      try {
        return await readEntry(zip, entry, limit);
      } catch (err) {
        throw damaged(location, `entry ${name} is damaged (${(err as Error).message})`, [
          { file: name, message: `its data disagrees with its header: ${(err as Error).message}` },
        ]);
      }
    };
    const fetcher: PackFetcher = {
      location,
      async fetchManifest() {
        const manifest = await read(MANIFEST_FILE, MANIFEST_LIMITS.maxManifestBytes + 1);
        if (!manifest) throw damaged(location, `it has no ${MANIFEST_FILE}`);
        const signature = await read(SIGNATURE_FILE, MANIFEST_LIMITS.signatureBytes + 1);
        if (!signature)
          throw new BriefbookError(
            'bad-signature',
            `${location} has no ${SIGNATURE_FILE}: the pack is not signed. Nothing was installed.`,
            [{ file: SIGNATURE_FILE, message: 'missing' }],
          );
        return { manifest, signature };
      },
      fetchObject: (sha256, maxBytes) => read(`${OBJECTS_DIR}/${sha256}`, maxBytes + 1),
      async close() {
        zip.close();
      },
    };
    return fetcher;
  } catch (err) {
    zip.close();
    throw err;
  }
}
