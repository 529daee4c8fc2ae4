// The annotation part of the API contract (spread into `apiParams` and `ApiResults`
// in api.ts). Every call commits at once: there is no "save" and nothing lives only in
// renderer memory. Export and import carry JSON text, not file paths, so they work the
// same over Electron IPC and the browser host; the CLI reads and writes the files.
import { z } from 'zod';
import { type Annotation, ANNOTATION_STATUSES, HIGHLIGHT_COLORS, ITEM_KINDS, ItemId, ItemRef, PackId } from './model';

/** The longest note a reader can write (matches Annotation.note). */
export const MAX_NOTE_LENGTH = 20_000;
/** The largest export file import accepts, in characters of JSON. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;
/** How long a deleted annotation can still be restored (undo, "recently deleted"). */
export const RESTORE_WINDOW_DAYS = 30;

const Position = z.number().int().min(0).max(10_000_000);
const Note = z.string().max(MAX_NOTE_LENGTH, `a note holds at most ${MAX_NOTE_LENGTH} characters`);
const Color = z.enum(HIGHLIGHT_COLORS, { message: `a colour is one of ${HIGHLIGHT_COLORS.join(', ')}` });

/** A selection in the item's plain text (`plainTextOf`), with the text the reader saw there. */
const Selection = {
  start: Position.optional(),
  end: Position.optional(),
  /** What the screen showed at start..end; if the item changed meanwhile the call fails with `conflict`. */
  quote: z.string().max(5000).optional(),
};

const bothOrNeither = (p: { start?: number; end?: number }) => (p.start === undefined) === (p.end === undefined);
const bothOrNeitherMessage = { message: 'give both start and end of the selection, or neither', path: ['end'] };

export const annotationApiParams = {
  /** All annotations matching every given filter. Orphaned includes those whose item is no longer installed. */
  listAnnotations: z
    .object({
      packId: PackId.optional(),
      kind: z.enum(ITEM_KINDS).optional(),
      itemId: ItemId.optional(),
      /** 'highlight' = on a text selection; 'item-note' = on the whole item. */
      type: z.enum(['highlight', 'item-note']).optional(),
      color: Color.optional(),
      status: z.enum(ANNOTATION_STATUSES).optional(),
      /** Words to find in the note or the quoted text (case-insensitive substring). */
      text: z.string().max(200).optional(),
      limit: z.number().int().min(1).max(10_000).default(1000),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  getAnnotation: z.object({ id: z.uuid() }).strict(),
  /** With start/end: a highlight (colour defaults to yellow). Without: a note on the whole item. */
  createAnnotation: ItemRef.extend({ ...Selection, color: Color.nullable().optional(), note: Note.default('') })
    .strict()
    .refine(bothOrNeither, bothOrNeitherMessage),
  /** Edit the note and/or recolour. */
  updateAnnotation: z.object({ id: z.uuid(), note: Note.optional(), color: Color.nullable().optional() }).strict(),
  /** The reader's delete. Returns the deleted annotation; restoreAnnotation undoes it within the restore window. */
  deleteAnnotation: z.object({ id: z.uuid() }).strict(),
  restoreAnnotation: z.object({ id: z.uuid() }).strict(),
  /** Attach an (orphaned) annotation to a new selection, optionally in another item. */
  reattachAnnotation: z
    .object({
      id: z.uuid(),
      packId: PackId.optional(),
      kind: z.enum(ITEM_KINDS).optional(),
      itemId: ItemId.optional(),
      ...Selection,
    })
    .strict()
    .refine(bothOrNeither, bothOrNeitherMessage),
  exportAnnotations: z.object({ packId: PackId.optional() }).strict(),
  importAnnotations: z
    .object({
      /** The text of an export file (see electron/annotations/EXPORT_FORMAT.md). */
      json: z.string().max(MAX_IMPORT_CHARS, 'the file is larger than 64 MB; that is not a Briefbook notes export'),
      /** Also bring back annotations this profile deleted (default: keep them deleted). */
      restoreDeleted: z.boolean().default(false),
    })
    .strict(),
} as const;

/** An annotation as lists show it: with where it lives, and whether that still exists. */
export type AnnotationView = Annotation & {
  packTitle: string | null;
  itemTitle: string | null;
  /** False when the item (or its whole pack) is no longer installed; status is then 'orphaned'. */
  itemAvailable: boolean;
};

export interface AnnotationList {
  annotations: AnnotationView[];
  /** How many match the filters (for paging). */
  total: number;
}

export interface DeletedAnnotation {
  annotation: Annotation;
  /** Until when restoreAnnotation({ id }) brings it back. */
  restorableUntil: string;
}

export interface AnnotationExport {
  json: string;
  count: number;
  stars: number;
  /** A file name to suggest in a save dialog, e.g. "briefbook-notes-g20-2027-2027-03-14.json". */
  fileName: string;
}

export interface ImportReport {
  /** In the file. */
  total: number;
  added: number;
  /** The file's copy was newer than this profile's. */
  updated: number;
  /** Already here, same or newer. */
  unchanged: number;
  /** Deleted here after the file's copy was last edited: kept deleted (see restoreDeleted). */
  skippedDeleted: number;
  /** Of the added and updated: how many could not be placed in the installed text. */
  orphaned: number;
  starsAdded: number;
}

export interface AnnotationApiResults {
  listAnnotations: AnnotationList;
  getAnnotation: AnnotationView;
  createAnnotation: Annotation;
  updateAnnotation: Annotation;
  deleteAnnotation: DeletedAnnotation;
  restoreAnnotation: Annotation;
  reattachAnnotation: Annotation;
  exportAnnotations: AnnotationExport;
  importAnnotations: ImportReport;
}
