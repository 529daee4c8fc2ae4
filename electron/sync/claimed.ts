// The publisher key a manifest names, read before its signature is checked. Used only
// when the reader gave a key id instead of a key: the named key is trusted if its id
// (computed from the key itself) is exactly the one the reader confirmed, and the
// signature is then checked with it as with any pinned key.
import { MANIFEST_LIMITS, PublicKeyBase64 } from '../../shared/manifest';
import { decodeUtf8 } from '../packs/publish/encoding';
import { publicKeyFromBase64, type PublicKeyInfo } from '../packs/publish/keys';

export function claimedPublisher(bytes: Buffer): PublicKeyInfo | null {
  if (bytes.length > MANIFEST_LIMITS.maxManifestBytes) return null;
  const text = decodeUtf8(bytes);
  if (text === null) return null;
  try {
    const json = JSON.parse(text) as { publisher?: { publicKey?: unknown } } | null;
    const key = PublicKeyBase64.safeParse(json?.publisher?.publicKey);
    return key.success ? publicKeyFromBase64(key.data) : null;
  } catch {
    return null;
  }
}
