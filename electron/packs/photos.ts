// Photos are untrusted bytes: accept only real JPEG or PNG whose header parses and
// whose dimensions are bounded, whatever the file name claims.
import { imageSize } from 'image-size';
import crypto from 'node:crypto';
import { LIMITS } from '../../shared/model';
import type { PhotoAsset } from './types';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type PhotoCheck = { ok: true; asset: PhotoAsset } | { ok: false; message: string };

/**
 * SHA-256 in lower-case hex, one-shot (crypto.hash, Node 20.12+: about half the cost of
 * createHash().update().digest() on small objects, which matters 10 000 times a pack).
 */
export const sha256Hex: (bytes: Uint8Array) => string =
  typeof crypto.hash === 'function'
    ? (bytes) => crypto.hash('sha256', bytes, 'hex')
    : (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

export function inspectPhoto(path: string, bytes: Buffer): PhotoCheck {
  if (bytes.length > LIMITS.maxPhotoBytes) {
    return {
      ok: false,
      message: `photo is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${LIMITS.maxPhotoBytes / 1048576} MB (export it smaller)`,
    };
  }
  let mime: PhotoAsset['mime'];
  if (bytes.subarray(0, 8).equals(PNG_MAGIC)) mime = 'image/png';
  else if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) mime = 'image/jpeg';
  else
    return {
      ok: false,
      message: 'not a JPEG or PNG image (its bytes are something else; re-export it as JPEG or PNG)',
    };
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    return { ok: false, message: 'the image is damaged: its header cannot be read (re-export it)' };
  }
  const { width, height } = size;
  if (!width || !height || (size.type !== 'png' && size.type !== 'jpg')) {
    return { ok: false, message: 'the image is damaged: it has no readable dimensions (re-export it)' };
  }
  if (width > LIMITS.maxPhotoPixels || height > LIMITS.maxPhotoPixels) {
    return {
      ok: false,
      message: `photo is ${width}×${height} pixels; the limit is ${LIMITS.maxPhotoPixels} on each side`,
    };
  }
  return { ok: true, asset: { path, bytes, mime, width, height, sha256: sha256Hex(bytes) } };
}
