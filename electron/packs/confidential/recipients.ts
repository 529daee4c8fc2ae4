// The recipients file of `pack build --recipients FILE`: one reader key per line, each
// named by a `# comment` (on the same line, or on the comment line just above it), so
// the list of people who can read a pack stays reviewable:
//
//   # Jane Doe, Minister's office
//   briefbook-reader:Q2F…=
//   briefbook-reader:Zm9…=   # John Roe, delegation lead
//
// Names stay on the publisher's computer: nothing of the file but the keys' effect
// reaches the published pack.
import fs from 'node:fs';
import { BriefbookError, type Problem } from '../../../shared/errors';
import { SEALED_LIMITS } from '../../../shared/manifest';
import { parseReaderKey, type ReaderPublicKey } from './readerKey';

export interface Recipient {
  key: ReaderPublicKey;
  name: string;
  line: number;
}

const MAX_FILE_BYTES = 1024 * 1024;

export function parseRecipients(text: string, file = 'recipients'): Recipient[] {
  const problems: Problem[] = [];
  const out: Recipient[] = [];
  const seen = new Map<string, number>();
  let pendingName: string | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      pendingName = null;
      return;
    }
    if (trimmed.startsWith('#')) {
      pendingName = trimmed.replace(/^#+/, '').trim() || null;
      return;
    }
    const hash = trimmed.indexOf('#');
    const keyText = (hash >= 0 ? trimmed.slice(0, hash) : trimmed).trim();
    const name = (hash >= 0 ? trimmed.slice(hash + 1).trim() : '') || pendingName;
    pendingName = null;
    let key: ReaderPublicKey;
    try {
      key = parseReaderKey(keyText);
    } catch (err) {
      problems.push({ file, line, message: (err as Error).message });
      return;
    }
    if (!name) {
      problems.push({
        file,
        line,
        message: `name the reader of key ${key.keyId} in a comment (\`${keyText.slice(0, 24)}… # Jane Doe\`), so the list can be reviewed`,
      });
      return;
    }
    const dup = seen.get(key.text);
    if (dup !== undefined) {
      problems.push({ file, line, message: `key ${key.keyId} is already listed on line ${dup}` });
      return;
    }
    seen.set(key.text, line);
    out.push({ key, name, line });
  });
  if (out.length === 0 && problems.length === 0)
    problems.push({ file, message: 'lists no reader keys; a confidential pack needs at least one reader' });
  if (out.length > SEALED_LIMITS.maxRecipients)
    problems.push({ file, message: `lists ${out.length} readers; the limit is ${SEALED_LIMITS.maxRecipients}` });
  if (problems.length > 0)
    throw new BriefbookError(
      'invalid-input',
      problems.length === 1
        ? `The recipients file has a problem; nothing was written.`
        : `The recipients file has ${problems.length} problems; nothing was written.`,
      problems,
    );
  return out;
}

export function readRecipientsFile(file: string): Recipient[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new BriefbookError('invalid-input', `No recipients file at ${file}.`);
  }
  if (!stat.isFile() || stat.size > MAX_FILE_BYTES)
    throw new BriefbookError('invalid-input', `${file} is not a recipients file (a small text file of reader keys).`);
  return parseRecipients(fs.readFileSync(file, 'utf8'), file);
}
