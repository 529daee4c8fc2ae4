// Errors that cross the API boundary carry a stable code and a message that tells
// the user what went wrong and what to do about it.

export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'invalid-pack',
  'bad-signature',
  'rollback',
  'expired',
  'network',
  'offline',
  'conflict',
  'unauthorized',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class BriefbookError extends Error {
  readonly code: ErrorCode;
  /** Per-file problems, when a whole folder or manifest was checked at once. */
  readonly problems: readonly Problem[];

  constructor(code: ErrorCode, message: string, problems: readonly Problem[] = []) {
    super(message);
    this.name = 'BriefbookError';
    this.code = code;
    this.problems = problems;
  }
}

/** One thing wrong with one file, phrased for the person who has to fix it. */
export interface Problem {
  /** Path relative to the pack folder (or an object name), e.g. "meetings/bilateral-usa.md". */
  file: string;
  line?: number;
  /** Field path, e.g. "participants[2]". */
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

export interface SerializedError {
  code: ErrorCode;
  message: string;
  problems: Problem[];
}

export function serializeError(err: unknown): SerializedError {
  if (err instanceof BriefbookError) {
    return { code: err.code, message: err.message, problems: [...err.problems] };
  }
  return {
    code: 'internal',
    message: 'Something went wrong inside Briefbook. Details were written to the log.',
    problems: [],
  };
}

export function deserializeError(e: SerializedError): BriefbookError {
  return new BriefbookError(e.code, e.message, e.problems);
}
