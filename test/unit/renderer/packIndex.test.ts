import { describe, expect, it } from 'vitest';
import type { PackContents } from '../../../shared/api';
import { packIndex } from '../../../renderer/lib/packIndex';

const official = (id: string, name: string) => ({
  kind: 'official' as const,
  id,
  title: name,
  data: { name, title: 'Minister', organization: 'Ministry', country: 'Japan', languages: [], tags: [] },
});
const meeting = (id: string, start: string, end: string, participants: string[], talkingPoints: string[] = []) => ({
  kind: 'meeting' as const,
  id,
  title: id,
  data: { title: id, start, end, location: 'Room 1', participants, talkingPoints, agenda: [] },
});
const point = (id: string, priority: 'high' | 'medium' | 'low', meetings: string[], officials: string[]) => ({
  kind: 'talking-point' as const,
  id,
  title: id,
  data: { title: id, priority, meetings, officials },
});

const contents: PackContents = {
  pack: {
    id: 'p',
    title: 'Pack',
    event: {
      name: 'Summit',
      location: 'Honolulu',
      timeZone: 'Pacific/Honolulu',
      start: '2027-03-15',
      end: '2027-03-16',
    },
    classification: 'CONFIDENTIAL',
    preparedFor: null,
    expires: null,
    version: 1,
    origin: 'local-draft',
    source: '/tmp/p',
    publisherKeyId: null,
    publishedAt: null,
    installedAt: '2027-01-01T00:00:00Z',
    counts: { official: 2, meeting: 3, 'talking-point': 3, note: 0 },
    protection: { encrypted: false, label: 'local draft (not encrypted)' },
  },
  items: [
    official('tanaka', 'Tanaka Hiroshi'),
    official('lee', 'Lee Ha-eun'),
    meeting('supper', '2027-03-15T22:30', '2027-03-16T00:30', ['tanaka'], ['cables']),
    meeting('breakfast', '2027-03-16T07:30', '2027-03-16T08:15', ['lee', 'tanaka']),
    meeting('clash', '2027-03-16T08:00', '2027-03-16T09:00', ['lee']),
    point('cables', 'medium', [], ['tanaka']),
    point('export', 'high', ['breakfast', 'supper'], ['tanaka', 'lee']),
    point('visas', 'low', ['breakfast'], []),
  ],
};

describe('packIndex', () => {
  const index = packIndex(contents);

  it('orders meetings by instant and keeps an after-midnight end on the start day', () => {
    expect(index.meetings.map((m) => [m.meeting.id, m.day])).toEqual([
      ['supper', '2027-03-15'],
      ['breakfast', '2027-03-16'],
      ['clash', '2027-03-16'],
    ]);
    expect(index.days).toEqual(['2027-03-15', '2027-03-16']);
  });

  it('marks overlapping meetings', () => {
    expect(index.meeting.get('breakfast')?.clashesWith).toEqual(['clash']);
    expect(index.meeting.get('supper')?.clashesWith).toEqual([]);
  });

  it('links both ways, whichever side declared the link, in priority order', () => {
    expect(index.talkingPointsForMeeting.get('supper')?.map((t) => t.id)).toEqual(['export', 'cables']);
    expect(index.talkingPointsForMeeting.get('breakfast')?.map((t) => t.id)).toEqual(['export', 'visas']);
    expect(index.meetingsOf.get('tanaka')?.map((m) => m.meeting.id)).toEqual(['supper', 'breakfast']);
    expect(index.talkingPointsForOfficial.get('tanaka')?.map((t) => t.id)).toEqual(['export', 'cables']);
  });

  it('is computed once per contents object', () => {
    expect(packIndex(contents)).toBe(index);
  });
});
