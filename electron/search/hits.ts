// From ranked document ids to the hits shown: one hit per item (its best document),
// each with a snippet and a deep-link anchor. Documents and their items' texts are read
// in one batched statement rather than one or two per hit, for the hits returned and a
// few spare: at 50 hits, per-row statements cost more than everything else a query does.
import type { SearchAnchor, SearchHit, SearchKind } from '../../shared/api';
import type { Db } from '../store/db';
import type { SearchDoc } from './docs';
import { stmt } from './statements';
import { cutSnippet, distinctMatches, type Matcher } from './snippet';

export interface Ranked {
  docId: number;
  score: number;
}

interface DocRow {
  rowid: number;
  pack_id: string;
  kind: SearchKind;
  item_kind: SearchDoc['itemKind'];
  item_id: string;
  annotation_id: string | null;
  agenda_index: number | null;
  title: string;
  subtitle: string;
  names: string;
  heading: string;
  /** The item's plain text, read only for a document of the item itself (not an agenda entry or annotation). */
  plain_text: string | null;
}

interface AnnotationRow {
  id: string;
  note: string;
  start_pos: number | null;
  end_pos: number | null;
}

/**
 * Documents are read this many beyond what is still needed, for the ones that fold
 * into an item already shown (an agenda entry of a meeting hit too). Each comes with
 * its item's text, so few: when more fold, another batch is read.
 */
const SPARE = 2;

export function makeHits(db: Db, ranked: readonly Ranked[], limit: number, matcher: Matcher): SearchHit[] {
  const chosen: { doc: DocRow; score: number }[] = [];
  const seen = new Set<string>();
  for (let at = 0; at < ranked.length && chosen.length < limit;) {
    const batch = ranked.slice(at, at + limit - chosen.length + SPARE);
    at += batch.length;
    const docs = docsById(db, batch);
    for (const { docId, score } of batch) {
      const doc = docs.get(docId);
      if (!doc) continue;
      const key = `${doc.pack_id}/${doc.item_kind}/${doc.item_id}/${doc.annotation_id ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      chosen.push({ doc, score });
      if (chosen.length >= limit) break;
    }
  }
  const notes = annotations(
    db,
    chosen.map((c) => c.doc),
  );
  return chosen.map(({ doc, score }) => toHit(doc, score, notes, matcher));
}

type DocTuple = [
  rowid: number,
  pack_id: string,
  kind: SearchKind,
  item_kind: SearchDoc['itemKind'],
  item_id: string,
  annotation_id: string | null,
  agenda_index: number | null,
  title: string,
  subtitle: string,
  names: string,
  heading: string,
  plain_text: string | null,
];

function docsById(db: Db, batch: readonly Ranked[]): Map<number, DocRow> {
  // The item's plain text in the same statement: one pass over the ids, no second
  // lookup of the documents' items. Rows as arrays: named row objects cost more. The
  // item is read by the rowid its document holds (migration 007), checked to be the same
  // item; through its key only if it is not.
  const rows = stmt(
    db,
    `SELECT d.rowid, d.pack_id, d.kind, d.item_kind, d.item_id, d.annotation_id, d.agenda_index, d.title, d.subtitle,
            d.names, d.heading,
            CASE WHEN d.kind <> 'annotation' AND d.agenda_index IS NULL THEN coalesce(
              (SELECT i.plain_text FROM items i
                WHERE i.rowid = d.item_rowid AND i.pack_id = d.pack_id AND i.kind = d.item_kind AND i.id = d.item_id),
              (SELECT i.plain_text FROM items i WHERE i.pack_id = d.pack_id AND i.kind = d.item_kind AND i.id = d.item_id)
            ) END AS plain_text
       FROM search_docs d WHERE d.rowid IN (SELECT value FROM json_each(?))`,
  )
    .raw()
    .all(JSON.stringify(batch.map((r) => r.docId))) as DocTuple[];
  const out = new Map<number, DocRow>();
  for (const r of rows) {
    const [rowid, pack_id, kind, item_kind, item_id, annotation_id, agenda_index, title, subtitle, names, heading] = r;
    out.set(rowid, {
      rowid,
      pack_id,
      kind,
      item_kind,
      item_id,
      annotation_id,
      agenda_index,
      title,
      subtitle,
      names,
      heading,
      plain_text: r[11],
    });
  }
  return out;
}

function annotations(db: Db, docs: readonly DocRow[]): Map<string, AnnotationRow> {
  const ids = docs.filter((d) => d.annotation_id !== null).map((d) => d.annotation_id);
  if (ids.length === 0) return new Map();
  const rows = stmt(
    db,
    'SELECT id, note, start_pos, end_pos FROM annotations WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids)) as AnnotationRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

function toHit(doc: DocRow, score: number, notes: Map<string, AnnotationRow>, matcher: Matcher): SearchHit {
  const hit: SearchHit = {
    kind: doc.kind,
    packId: doc.pack_id,
    itemKind: doc.item_kind,
    itemId: doc.item_id,
    title: doc.title,
    subtitle: doc.subtitle,
    score: Math.round(score * 1e4) / 1e4,
    snippet: [],
  };
  if (doc.annotation_id) hit.annotationId = doc.annotation_id;
  const annotation = doc.annotation_id ? (notes.get(doc.annotation_id) ?? null) : null;
  const fields = {
    names: doc.kind === 'annotation' ? '' : asList(doc.names),
    heading: asList(doc.heading),
    // An agenda entry's text is its heading; the item's body belongs to its own document.
    body: annotation
      ? annotation.note
      : doc.kind !== 'annotation' && doc.agenda_index !== null
        ? ''
        : (doc.plain_text ?? ''),
  };
  // The field showing the most of the query; on a tie the longer text, which says more.
  const options = (['body', 'heading', 'names'] as const).map((field) => {
    const text = fields[field];
    const ranges = matcher.find(text, field === 'names');
    return { field, text, ranges, count: distinctMatches(text, ranges) };
  });
  const best = options.reduce((a, b) => (b.count > a.count ? b : a));
  const shown = best.count > 0 ? best : (options.find((o) => o.text.trim()) ?? best);
  const { segments, first } = cutSnippet(shown.text, shown.ranges);
  hit.snippet = segments;
  let anchor: SearchAnchor | undefined;
  if (doc.agenda_index !== null) anchor = { type: 'agenda', index: doc.agenda_index };
  else if (annotation && annotation.start_pos !== null && annotation.end_pos !== null)
    anchor = { type: 'text', start: annotation.start_pos, end: annotation.end_pos };
  else if (doc.kind !== 'annotation' && shown.field === 'body' && first && best.count > 0)
    anchor = { type: 'text', start: first[0], end: first[1] };
  if (anchor) hit.anchor = anchor;
  return hit;
}

/**
 * A field of one value per line (an official's title, organisation, country, topics)
 * as the snippet shows it: "Director · Agency · United States", not one run-on sentence.
 * Only the body's offsets become anchors, so these may change length.
 */
function asList(field: string): string {
  return field.includes('\n')
    ? field
        .split('\n')
        .filter((line) => line.trim())
        .join(' · ')
    : field;
}
