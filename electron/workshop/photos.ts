// A photo for an official, from bytes the author picked: checked exactly as the pack
// checker checks photos (a real JPEG or PNG, at most 2 MB and 4096 px a side), saved
// as photos/<official id>.<ext>, and set as the official's photo. The app's renderer
// scales and re-encodes large pictures before sending them; the core only validates.
import fs from 'node:fs';
import path from 'node:path';
import { BriefbookError } from '../../shared/errors';
import { inspectPhoto } from '../packs/photos';
import { itemFile, updateItemFile } from './folder';
import { writeFileAtomic } from './sourceFile';

export function importPhoto(
  dir: string,
  officialId: string,
  fileName: string,
  base64: string,
): { photo: string; width: number; height: number } {
  if (!fs.existsSync(path.join(dir, itemFile('official', officialId))))
    throw new BriefbookError('not-found', `There is no official "${officialId}" in this pack.`);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new BriefbookError('invalid-input', `${fileName || 'The file'} is empty.`);
  const check = inspectPhoto(fileName, bytes);
  if (!check.ok) throw new BriefbookError('invalid-input', `${fileName || 'The photo'}: ${check.message}`);
  const ext = check.asset.mime === 'image/png' ? 'png' : 'jpg';
  const rel = `photos/${officialId}.${ext}`;
  writeFileAtomic(path.join(dir, rel), bytes);
  updateItemFile(dir, 'official', officialId, { photo: rel }, undefined);
  return { photo: rel, width: check.asset.width, height: check.asset.height };
}
