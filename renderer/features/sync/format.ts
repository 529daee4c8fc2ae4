// Wording for sync: relative times, key ids, sentences. Pure, so unit-tested.

export function ago(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} days ago`;
}

export function sentence(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export const KEY_ID_RE = /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/;

/** A key id as people read it out: lower case, groups of four joined by dashes. */
export function normaliseKeyId(input: string): string {
  const hex = input.toLowerCase().replace(/[^0-9a-f]/g, '');
  return hex.length === 16 ? (hex.match(/.{4}/g) ?? []).join('-') : input.trim().toLowerCase();
}

const SPKI_ED25519_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** The 32 raw key bytes of a pasted .pub file (PEM SPKI) or bare base64 key; null if it is neither. */
export function rawPublicKey(text: string): Uint8Array<ArrayBuffer> | null {
  const t = text.trim();
  let b64: string;
  if (/^[A-Za-z0-9+/]{43}=$/.test(t)) b64 = t;
  else {
    const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(t);
    if (!pem) return null;
    b64 = pem[1]!.replace(/\s+/g, '');
  }
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  if (bytes.length === 32) return bytes;
  if (bytes.length === 44 && SPKI_ED25519_PREFIX.every((b, i) => bytes[i] === b)) return bytes.slice(12);
  return null;
}

/** The publisher key id (first 16 hex digits of SHA-256 of the raw key, in groups of four), as the core computes it. */
export async function keyIdOfText(text: string): Promise<string | null> {
  const raw = rawPublicKey(text);
  if (!raw || !globalThis.crypto?.subtle) return null;
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', raw));
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return (hex.match(/.{4}/g) ?? []).join('-');
}
