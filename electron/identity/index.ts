// Reader identity: public surface of electron/identity/.
export {
  identityFile,
  identityOptionsFromEnv,
  protectionNote,
  readerIdentity,
  readerKeySource,
  unlockReaderKey,
  PASSPHRASE_ENV,
  type IdentityInfo,
  type IdentityOptions,
  type KeyProtector,
  type Protection,
} from './identity';
