// Quick find over one pack's names and titles (fuse.js, typo-tolerant, so "Sigehiro"
// finds Shigehiro and native-script names match too). Full-text search across packs
// belongs to the core's search service; this index is deliberately small.
import Fuse from 'fuse.js';
import type { ItemKind } from '../../shared/model';
import type { PackIndex } from './packIndex';

export interface QuickFindEntry {
  kind: ItemKind;
  id: string;
  title: string;
  subtitle: string;
  keys: string[];
}

const cache = new WeakMap<PackIndex, Fuse<QuickFindEntry>>();

function entries(index: PackIndex): QuickFindEntry[] {
  return [
    ...index.officials.map((o) => ({
      kind: 'official' as const,
      id: o.id,
      title: o.data.name,
      subtitle: [o.data.nativeName, o.data.title, o.data.organization].filter(Boolean).join(' · '),
      keys: [o.data.name, o.data.nativeName ?? '', o.data.organization, o.data.country],
    })),
    ...index.meetings.map((m) => ({
      kind: 'meeting' as const,
      id: m.meeting.id,
      title: m.meeting.title,
      subtitle: m.meeting.data.location,
      keys: [m.meeting.title, m.meeting.data.location],
    })),
    ...index.talkingPoints.map((t) => ({
      kind: 'talking-point' as const,
      id: t.id,
      title: t.title,
      subtitle: [t.data.priority, t.data.topic].filter(Boolean).join(' · '),
      keys: [t.title, t.data.topic ?? ''],
    })),
    ...index.notes.map((n) => ({
      kind: 'note' as const,
      id: n.id,
      title: n.title,
      subtitle: n.data.tags.join(', '),
      keys: [n.title, ...n.data.tags],
    })),
  ];
}

export function quickFind(index: PackIndex, query: string, limit = 12): QuickFindEntry[] {
  let fuse = cache.get(index);
  if (!fuse) {
    fuse = new Fuse(entries(index), { keys: ['keys'], threshold: 0.35, ignoreLocation: true });
    cache.set(index, fuse);
  }
  return fuse.search(query.trim(), { limit }).map((r) => r.item);
}
