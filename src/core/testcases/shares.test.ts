import { describe, expect, it } from 'vitest';
import { formatShares, parseShares } from './shares';

describe('parseShares', () => {
  it('reads the string form: a lone name after a subset is another subset of the same host', () => {
    expect(parseShares('reviews v1 80%, v2 20%')).toEqual({
      shares: [
        { host: 'reviews', subset: 'v1', percent: 80 },
        { host: 'reviews', subset: 'v2', percent: 20 },
      ],
      error: undefined,
    });
  });

  it('reads a name alone after a host alone as another host', () => {
    expect(parseShares('reviews 50%, ratings 50%').shares).toEqual([
      { host: 'reviews', subset: undefined, percent: 50 },
      { host: 'ratings', subset: undefined, percent: 50 },
    ]);
  });

  it('a lone entry without a percentage is all of the traffic', () => {
    expect(parseShares('reviews v2').shares).toEqual([{ host: 'reviews', subset: 'v2', percent: 100 }]);
  });

  it('reads the map form with numbers or percent strings', () => {
    expect(parseShares({ 'reviews v1': 80, 'reviews v2': '20%' }).shares).toEqual([
      { host: 'reviews', subset: 'v1', percent: 80 },
      { host: 'reviews', subset: 'v2', percent: 20 },
    ]);
  });

  it('rejects what it cannot read, saying what', () => {
    expect(parseShares('reviews v1, v2 20%').error).toMatch(/cannot read "reviews v1"/);
    expect(parseShares({ 'reviews v1 extra': 80 }).error).toMatch(/reviews v1 extra/);
    expect(parseShares(42).error).toMatch(/map or a string/);
    expect(parseShares(' , ').error).toBe('shares: empty');
  });

  it('formatShares writes what parseShares reads back', () => {
    const shares = [
      { host: 'reviews', subset: 'v1', percent: 33.333333 },
      { host: 'reviews', subset: 'v2', percent: 66.666667 },
      { host: 'ratings', subset: undefined, percent: 0 },
    ];
    const text = formatShares(shares);
    // A host without a subset is written first: after `v2 …` a lone `ratings` would read as a subset.
    expect(text).toBe('ratings 0%, reviews v1 33.33%, v2 66.67%');
    expect(parseShares(text).shares.map((s) => [s.host, s.subset])).toEqual([
      ['ratings', undefined],
      ['reviews', 'v1'],
      ['reviews', 'v2'],
    ]);
  });
});
