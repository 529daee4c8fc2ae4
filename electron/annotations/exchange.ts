// Export and import of the reader's annotations (and stars) as one JSON document,
// specified in EXPORT_FORMAT.md. Import is a merge keyed by annotation id: the newer
// updatedAt wins, nothing is duplicated, nothing local is deleted, and the whole file
// is validated before anything is written (one transaction, all or nothing).
import { z } from 'zod';
import type { AnnotationExport, ImportReport } from '../../shared/annotationsApi';
import { BriefbookError, type Problem } from '../../shared/errors';
import { Annotation, Instant, ITEM_KINDS, ItemId, PackId } from '../../shared/model';
import type { Db } from '../store/db';
import { placeAnnotation } from './reanchor';
import { deletedRow } from './repo';
import { itemText, readAnnotation, rowToAnnotation, writeAnnotation, type AnnotationRow } from './rows';
import { indexAnnotation } from './searchSeam';

export const EXPORT_FORMAT = 'briefbook-annotations';
export const EXPORT_VERSION = 1;
export const MAX_EXPORT_ANNOTATIONS = 200_000;

const Star = z.object({ packId: PackId, kind: z.enum(ITEM_KINDS), itemId: ItemId, createdAt: Instant }).strict();
type Star = z.infer<typeof Star>;

const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT, { message: `expected "format": "${EXPORT_FORMAT}"` }),
  version: z.literal(EXPORT_VERSION, {
    message: `this Briefbook reads notes files of version ${EXPORT_VERSION}; a newer Briefbook wrote this one, update to import it`,
  }),
  exportedAt: Instant,
  app: z.string().max(200).optional(),
  packs: z
    .array(z.object({ id: PackId, title: z.string().max(300), version: z.number().int().min(0) }).strict())
    .max(10_000)
    .default([]),
  annotations: z.array(Annotation).max(MAX_EXPORT_ANNOTATIONS),
  stars: z.array(Star).max(MAX_EXPORT_ANNOTATIONS).default([]),
});
export type ExportFile = z.infer<typeof ExportFile>;

export function buildExport(db: Db, options: { packId?: string; now: Date; app?: string }): ExportFile {
  const packFilter = options.packId === undefined ? '' : 'WHERE pack_id = @packId';
  const args = options.packId === undefined ? {} : { packId: options.packId };
  const annotations = (
    db.prepare(`SELECT * FROM annotations ${packFilter} ORDER BY created_at, id`).all(args) as AnnotationRow[]
  ).map(rowToAnnotation);
  const stars = (
    db
      .prepare(
        `SELECT pack_id, item_kind, item_id, created_at FROM stars ${packFilter} ORDER BY pack_id, item_kind, item_id`,
      )
      .all(args) as { pack_id: string; item_kind: Star['kind']; item_id: string; created_at: string }[]
  ).map((s) => ({ packId: s.pack_id, kind: s.item_kind, itemId: s.item_id, createdAt: s.created_at }));
  const packIds = new Set([...annotations.map((a) => a.packId), ...stars.map((s) => s.packId)]);
  const packs = (
    db.prepare('SELECT id, title, version FROM packs ORDER BY id').all() as {
      id: string;
      title: string;
      version: number;
    }[]
  ).filter((p) => packIds.has(p.id));
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: options.now.toISOString(),
    ...(options.app ? { app: options.app } : {}),
    packs,
    annotations,
    stars,
  };
}

export function exportAnnotations(db: Db, options: { packId?: string; now: Date; app?: string }): AnnotationExport {
  const file = buildExport(db, options);
  return {
    json: `${JSON.stringify(file, null, 2)}\n`,
    count: file.annotations.length,
    stars: file.stars.length,
    fileName: `briefbook-notes-${options.packId ?? 'all'}-${file.exportedAt.slice(0, 10)}.json`,
  };
}

/** Parse and check an export file; every problem is reported at once, with where it is. */
export function parseExport(json: string): ExportFile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new BriefbookError(
      'invalid-input',
      `This is not a Briefbook notes export: it is not valid JSON (${(err as Error).message}).`,
    );
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== EXPORT_FORMAT) {
    throw new BriefbookError(
      'invalid-input',
      `This is not a Briefbook notes export (it has no "format": "${EXPORT_FORMAT}"). Export notes with \`briefbook notes export\` or from My notes.`,
    );
  }
  const parsed = ExportFile.safeParse(raw);
  const problems: Problem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 50)) problems.push(problemAt(issue.path, issue.message));
  } else {
    const seen = new Set<string>();
    parsed.data.annotations.forEach((a, i) => {
      const at = (field: string, message: string) => problems.push(problemAt(['annotations', i, field], message));
      if (seen.has(a.id)) at('id', `the id ${a.id} appears twice in the file`);
      seen.add(a.id);
      if (a.updatedAt < a.createdAt) at('updatedAt', 'is before createdAt');
      if (a.anchor !== null) {
        if (a.color === null) at('color', 'a highlight needs a colour');
        if (a.anchor.end - a.anchor.start !== a.anchor.quote.length)
          at(
            'anchor',
            `end - start (${a.anchor.end - a.anchor.start}) must equal the quote's length (${a.anchor.quote.length})`,
          );
      } else if (a.note.trim() === '') at('note', 'a note on a whole item cannot be empty');
    });
  }
  if (problems.length > 0) {
    throw new BriefbookError(
      'invalid-input',
      `The notes file has ${problems.length}${problems.length >= 50 ? '+' : ''} problem(s); nothing was imported.`,
      problems,
    );
  }
  return parsed.data!;
}

function problemAt(path: readonly PropertyKey[], message: string): Problem {
  const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
  return { file: 'notes file', ...(field ? { field } : {}), message };
}

/**
 * Merge a parsed export into this profile. Per annotation id: absent here → added;
 * here and the file's copy is newer → updated; otherwise unchanged. An annotation the
 * reader deleted here after the file's copy was last edited stays deleted unless
 * `restoreDeleted`. Each added or updated annotation is placed in the installed text.
 */
export function importExport(db: Db, file: ExportFile, options: { restoreDeleted?: boolean } = {}): ImportReport {
  return db.transaction((): ImportReport => {
    const report: ImportReport = {
      total: file.annotations.length,
      added: 0,
      updated: 0,
      unchanged: 0,
      skippedDeleted: 0,
      orphaned: 0,
      starsAdded: 0,
    };
    for (const incoming of file.annotations) {
      const local = readAnnotation(db, incoming.id);
      if (local) {
        if (incoming.updatedAt <= local.updatedAt) {
          report.unchanged++;
          continue;
        }
        report.updated++;
      } else {
        const deletion = deletedRow(db, incoming.id);
        if (deletion && deletion.deletedAt >= incoming.updatedAt && !options.restoreDeleted) {
          report.skippedDeleted++;
          continue;
        }
        if (deletion) db.prepare('DELETE FROM annotation_deletions WHERE id = ?').run(incoming.id);
        report.added++;
      }
      const text = itemText(db, incoming);
      // An item that is not installed: keep the annotation exactly as exported; it is
      // placed when its pack is installed (the install hook sees the item as added).
      const annotation = text === null ? incoming : placeAnnotation(incoming, text).annotation;
      if (annotation.status === 'orphaned') report.orphaned++;
      writeAnnotation(db, annotation);
      indexAnnotation(db, annotation);
    }
    const insertStar = db.prepare(
      'INSERT INTO stars (pack_id, item_kind, item_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
    );
    for (const s of file.stars) report.starsAdded += insertStar.run(s.packId, s.kind, s.itemId, s.createdAt).changes;
    return report;
  })();
}

export function importAnnotations(db: Db, json: string, options: { restoreDeleted?: boolean } = {}): ImportReport {
  return importExport(db, parseExport(json), options);
}
