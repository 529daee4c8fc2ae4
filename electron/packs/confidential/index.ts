// Confidential packs (FORMAT.md §9): public surface of electron/packs/confidential/.
//   scheme.ts      AES-256-GCM objects, X25519 + HKDF-SHA256 key wrapping, PADMÉ padding
//   header.ts      the sealed pack header (what a plain manifest shows in the clear)
//   seal.ts        publishing: a plain publication → a confidential one
//   open.ts        reading: unwrap the content key, verify and decrypt every object
//   readerKey.ts   reader public keys as text (`briefbook-reader:…`) and their key ids
//   recipients.ts  the `--recipients FILE` format
export { sealPublication, type SealedPublication } from './seal';
export { unsealVersion, type ReaderKeySource, type SealedVersion, type OpenedPack } from './open';
export {
  parseReaderKey,
  readerPublicKey,
  readerKeyFromPrivate,
  READER_KEY_PREFIX,
  type ReaderKey,
  type ReaderPublicKey,
} from './readerKey';
export { parseRecipients, readRecipientsFile, type Recipient } from './recipients';
export { packProtection, protectionLabel, recordProtection, type PackProtection } from './installed';
