// The pack data model: one zod schema per thing, types inferred from them, so the
// validator, the store and the UI can never disagree about what a pack contains.
import { z } from 'zod';

export const ITEM_KINDS = ['official', 'meeting', 'talking-point', 'note'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Folder in a pack source that holds each kind of item. */
export const KIND_FOLDERS: Record<ItemKind, string> = {
  official: 'officials',
  meeting: 'meetings',
  'talking-point': 'talking-points',
  note: 'notes',
};

export const KIND_LABELS: Record<ItemKind, { one: string; many: string }> = {
  official: { one: 'Official', many: 'Officials' },
  meeting: { one: 'Meeting', many: 'Meetings' },
  'talking-point': { one: 'Talking point', many: 'Talking points' },
  note: { one: 'Background note', many: 'Background notes' },
};

export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const ItemId = z
  .string()
  .regex(ID_PATTERN, 'ids use lower-case letters, digits and hyphens, at most 64 (e.g. "tanaka-hiroshi")');
export const PackId = ItemId;

/** An IANA zone name that this runtime's Intl knows, e.g. "Asia/Tokyo". */
export function isValidTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z
  .string()
  .refine(isValidTimeZone, { message: 'not a known IANA time zone (e.g. "Asia/Tokyo", "Pacific/Honolulu")' });

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATETIME_RE = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/;

function isRealDate(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const dt = new Date(Date.UTC(y!, m! - 1, d!));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m! - 1 && dt.getUTCDate() === d;
}

/** A calendar day, "2027-03-15". */
export const LocalDate = z
  .string()
  .regex(DATE_RE, 'expected a date like 2027-03-15')
  .refine(isRealDate, { message: 'not a real calendar date' });

/** A wall-clock time in some zone, "2027-03-15T09:30" (the zone is given beside it). */
export const LocalDateTime = z
  .string()
  .regex(LOCAL_DATETIME_RE, 'expected a local date and time like 2027-03-15T09:30')
  .refine(isRealDate, { message: 'not a real calendar date' });

/** An absolute instant with its offset, "2027-04-30T00:00:00Z". */
export const Instant = z.iso.datetime({
  offset: true,
  message: 'expected a date-time with offset like 2027-04-30T00:00:00Z',
});

const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const Tags = z.array(Text(60)).max(50).default([]);
const Refs = z.array(ItemId).max(200).default([]);

export const EventInfo = z
  .object({
    name: Text(200),
    location: Text(200),
    venue: Text(200).optional(),
    timeZone: TimeZone,
    start: LocalDate,
    end: LocalDate,
  })
  .strict()
  .refine((e) => e.end >= e.start, { message: 'event ends before it starts', path: ['end'] });
export type EventInfo = z.infer<typeof EventInfo>;

export const PackMeta = z
  .object({
    id: PackId,
    title: Text(200),
    event: EventInfo,
    classification: Text(120),
    preparedFor: Text(200).optional(),
    expires: Instant.optional(),
  })
  .strict();
export type PackMeta = z.infer<typeof PackMeta>;

export const PhotoPath = z
  .string()
  .regex(
    /^photos\/[A-Za-z0-9._-]+\.(jpe?g|png)$/i,
    'expected a file in photos/, e.g. "photos/tanaka.jpg" (JPEG or PNG)',
  );

export const OfficialData = z
  .object({
    name: Text(200),
    nativeName: Text(200).optional(),
    pronunciation: Text(200).optional(),
    title: Text(300),
    organization: Text(300),
    country: Text(100),
    photo: PhotoPath.optional(),
    languages: Tags,
    tags: Tags,
  })
  .strict();
export type OfficialData = z.infer<typeof OfficialData>;

export const AgendaEntry = z
  .object({
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a 24-hour time like 09:30'),
    title: Text(300),
    lead: ItemId.optional(),
  })
  .strict();
export type AgendaEntry = z.infer<typeof AgendaEntry>;

export const MeetingData = z
  .object({
    title: Text(300),
    start: LocalDateTime,
    end: LocalDateTime,
    timeZone: TimeZone.optional(),
    location: Text(300),
    participants: Refs,
    talkingPoints: Refs,
    agenda: z.array(AgendaEntry).max(100).default([]),
  })
  .strict()
  .refine((m) => m.end > m.start, { message: 'meeting ends before (or when) it starts', path: ['end'] });
export type MeetingData = z.infer<typeof MeetingData>;

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TalkingPointData = z
  .object({
    title: Text(300),
    priority: z.enum(PRIORITIES),
    topic: Text(100).optional(),
    meetings: Refs,
    officials: Refs,
  })
  .strict();
export type TalkingPointData = z.infer<typeof TalkingPointData>;

export const NoteData = z
  .object({
    title: Text(300),
    tags: Tags,
  })
  .strict();
export type NoteData = z.infer<typeof NoteData>;

export const ITEM_SCHEMAS = {
  official: OfficialData,
  meeting: MeetingData,
  'talking-point': TalkingPointData,
  note: NoteData,
} as const;

export type ItemDataByKind = {
  official: OfficialData;
  meeting: MeetingData;
  'talking-point': TalkingPointData;
  note: NoteData;
};

/** One item as stored and shown: front matter, Markdown body, and what it was built from. */
export type PackItem = {
  [K in ItemKind]: { kind: K; id: string; data: ItemDataByKind[K]; body: string };
}[ItemKind];

export type PackItemOf<K extends ItemKind> = Extract<PackItem, { kind: K }>;

/** Display title of any item: the official's name, otherwise its title. */
export function itemTitle(item: Pick<PackItem, 'kind' | 'data'>): string {
  return 'name' in item.data ? item.data.name : item.data.title;
}

export const LIMITS = {
  maxItemBytes: 256 * 1024,
  maxPhotoBytes: 2 * 1024 * 1024,
  maxPhotoPixels: 4096,
  maxItems: 20_000,
  maxPackBytes: 512 * 1024 * 1024,
  maxPackYamlBytes: 64 * 1024,
} as const;

// ---- the reader's own data -------------------------------------------------

export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** W3C Web Annotation style anchor into an item's plain text. */
export const TextAnchor = z
  .object({
    quote: z.string().min(1).max(5000),
    prefix: z.string().max(64),
    suffix: z.string().max(64),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .strict()
  .refine((a) => a.end > a.start, { message: 'anchor end must be after its start', path: ['end'] });
export type TextAnchor = z.infer<typeof TextAnchor>;

export const ItemRef = z.object({ packId: PackId, kind: z.enum(ITEM_KINDS), itemId: ItemId }).strict();
export type ItemRef = z.infer<typeof ItemRef>;

export const ANNOTATION_STATUSES = ['anchored', 'orphaned'] as const;

export const Annotation = z
  .object({
    id: z.uuid(),
    packId: PackId,
    kind: z.enum(ITEM_KINDS),
    itemId: ItemId,
    /** A highlight has an anchor; an item note has none and annotates the whole item. */
    anchor: TextAnchor.nullable(),
    color: z.enum(HIGHLIGHT_COLORS).nullable(),
    note: z.string().max(20_000),
    status: z.enum(ANNOTATION_STATUSES),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .strict();
export type Annotation = z.infer<typeof Annotation>;
