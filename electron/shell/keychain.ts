// The OS keychain for the core's private keys (reader identity, workshop publisher
// key), through Electron's safeStorage. On Linux without a secret service safeStorage
// falls back to 'basic_text', a hard-coded key: that is no keychain, so we say none
// exists and the core asks for a passphrase instead.
import { safeStorage } from 'electron';
import type { KeyProtector } from '../identity/index';

export function osKeychain(platform: NodeJS.Platform = process.platform): KeyProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && ['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend()))
    return undefined;
  return {
    protect: (bytes) => safeStorage.encryptString(bytes.toString('base64')),
    unprotect: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'base64'),
  };
}
