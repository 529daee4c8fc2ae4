// What gets indexed for each item: one search document per item, plus one per agenda
// entry of a meeting (so a hit can deep-link to the entry) and one per annotation.
// The same builder runs at indexing and when a hit's snippet is cut, so both always
// see the same text.
import type { SearchKind } from '../../shared/api';
import type { PackItem } from '../../shared/model';

export type { SearchKind };

export const KIND_CODES: Record<SearchKind, number> = {
  official: 1,
  meeting: 2,
  'talking-point': 3,
  note: 4,
  annotation: 5,
};

/** A search document: three weighted text fields and what a hit on it points at. */
export interface SearchDoc {
  kind: SearchKind;
  /** The item a hit opens (for an annotation, the annotated item). */
  itemKind: PackItem['kind'];
  itemId: string;
  annotationId: string | null;
  agendaIndex: number | null;
  title: string;
  subtitle: string;
  country: string | null;
  /** Person names in every script given (officials only): the fuzzy name index's input. */
  names: string;
  /** Short descriptive text: roles, titles, places, tags. */
  heading: string;
  /** Long text. For items it is exactly the item's plain text, so offsets into it are anchors. */
  body: string;
}

export function itemDocs(item: PackItem, plainText: string): SearchDoc[] {
  const base = { itemKind: item.kind, itemId: item.id, annotationId: null, agendaIndex: null, country: null };
  switch (item.kind) {
    case 'official': {
      const d = item.data;
      return [
        {
          ...base,
          kind: 'official',
          title: d.name,
          subtitle: [`${d.title}, ${d.organization}`, d.country].join(' · '),
          country: d.country,
          names: [d.name, d.nativeName, d.pronunciation].filter(Boolean).join('\n'),
          heading: [d.title, d.organization, d.country, ...d.tags, ...d.languages].join('\n'),
          body: plainText,
        },
      ];
    }
    case 'meeting': {
      const d = item.data;
      const meeting: SearchDoc = {
        ...base,
        kind: 'meeting',
        title: d.title,
        subtitle: `${d.start.replace('T', ' ')} · ${d.location}`,
        names: '',
        heading: [d.title, d.location].join('\n'),
        body: plainText,
      };
      const agenda = d.agenda.map((entry, index): SearchDoc => ({
        ...base,
        kind: 'meeting',
        agendaIndex: index,
        title: d.title,
        subtitle: `${entry.time} · ${entry.title}`,
        names: '',
        heading: entry.title,
        body: '',
      }));
      return [meeting, ...agenda];
    }
    case 'talking-point': {
      const d = item.data;
      return [
        {
          ...base,
          kind: 'talking-point',
          title: d.title,
          subtitle: [`${d.priority} priority`, d.topic].filter(Boolean).join(' · '),
          names: '',
          heading: [d.title, d.topic ?? ''].join('\n'),
          body: plainText,
        },
      ];
    }
    case 'note': {
      const d = item.data;
      return [
        {
          ...base,
          kind: 'note',
          title: d.title,
          subtitle: d.tags.join(', '),
          names: '',
          heading: [d.title, ...d.tags].join('\n'),
          body: plainText,
        },
      ];
    }
  }
}

/** An annotation row as stored by migration 001 (the fields search needs). */
export interface AnnotationRow {
  id: string;
  pack_id: string;
  item_kind: string;
  item_id: string;
  quote: string | null;
  note: string;
}

export function annotationDoc(row: AnnotationRow, itemTitle: string | null): SearchDoc {
  const quote = row.quote ?? '';
  return {
    kind: 'annotation',
    itemKind: row.item_kind as PackItem['kind'],
    itemId: row.item_id,
    annotationId: row.id,
    agendaIndex: null,
    title: row.note.trim() ? firstLine(row.note) : quote ? `“${firstLine(quote)}”` : 'Note',
    subtitle: itemTitle ? `Your note on ${itemTitle}` : 'Your note (its item is no longer in the pack)',
    country: null,
    names: '',
    heading: quote,
    body: row.note,
  };
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
