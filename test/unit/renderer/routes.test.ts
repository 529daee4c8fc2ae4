import { describe, expect, it } from 'vitest';
import { formatRoute, href, parseHash, type Route } from '../../../renderer/lib/routes';

describe('hash routes', () => {
  const cases: [string, Route][] = [
    ['#/', { name: 'library' }],
    ['#/settings', { name: 'settings' }],
    ['#/pack/sample', { name: 'pack', packId: 'sample' }],
    ['#/pack/sample/schedule', { name: 'list', packId: 'sample', list: 'schedule', query: {} }],
    [
      '#/pack/sample/schedule/2027-03-16',
      { name: 'list', packId: 'sample', list: 'schedule', query: {}, day: '2027-03-16' },
    ],
    [
      '#/pack/sample/officials?country=Japan',
      { name: 'list', packId: 'sample', list: 'officials', query: { country: 'Japan' } },
    ],
    [
      '#/pack/sample/official/tanaka-hiroshi',
      { name: 'item', packId: 'sample', kind: 'official', itemId: 'tanaka-hiroshi' },
    ],
    ['#/pack/sample/talking-point/dfft', { name: 'item', packId: 'sample', kind: 'talking-point', itemId: 'dfft' }],
  ];

  it.each(cases)('%s round-trips', (hash, route) => {
    expect(parseHash(hash)).toEqual(route);
    expect(formatRoute(route)).toBe(hash);
  });

  it('treats an empty hash as the library and the old meetings list as the schedule', () => {
    expect(parseHash('')).toEqual({ name: 'library' });
    expect(parseHash('#/pack/sample/meetings')).toMatchObject({ name: 'list', list: 'schedule' });
  });

  it('refuses ids and kinds that cannot exist', () => {
    expect(parseHash('#/pack/Sample/official/x').name).toBe('not-found');
    expect(parseHash('#/pack/sample/person/x').name).toBe('not-found');
    expect(parseHash('#/pack/sample/official/../../etc').name).toBe('not-found');
    expect(parseHash('#/pack/sample/schedule/tomorrow').name).toBe('not-found');
  });

  it('leaves empty filters out of links', () => {
    expect(href.list('sample', 'officials', { country: '', org: 'FCC' })).toBe('#/pack/sample/officials?org=FCC');
  });
});
