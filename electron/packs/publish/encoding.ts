// Canonical bytes for published objects. An item object is canonical JSON of
// {body, data, id, kind}: object keys sorted by UTF-16 code unit, no whitespace, strings
// escaped as JSON.stringify does (this is RFC 8785 for the values items hold: strings,
// arrays, objects, integers). The same item always encodes to the same bytes, so an
// unchanged item keeps its object name from one version to the next.
import type { PackItem } from '../../../shared/model';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot encode a ${typeof value}`);
}

export function encodeItem(item: PackItem): Buffer {
  return Buffer.from(canonicalJson({ kind: item.kind, id: item.id, data: item.data, body: item.body }), 'utf8');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decode UTF-8 strictly; null when the bytes are not valid UTF-8 (or start with a BOM). */
export function decodeUtf8(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The message a key signs to endorse its successor (see FORMAT.md, "Key rotation"). */
export function rotationStatement(fromPublicKey: string, toPublicKey: string): Buffer {
  return Buffer.from(`briefbook-key-rotation/1\n${fromPublicKey}\n${toPublicKey}\n`, 'utf8');
}
