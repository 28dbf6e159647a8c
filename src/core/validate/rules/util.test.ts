import { describe, expect, it } from 'vitest';
import { cachedBy, cappedList, formatCount, selectorKey } from './util';

describe('message lists', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [2994, '2,994'],
    [1234567, '1,234,567'],
  ])('formatCount(%i) is %s', (n, want) => {
    expect(formatCount(n)).toBe(want);
  });

  it('lists up to six names in full, else five and a count', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(cappedList(names, 2)).toBe('a, b');
    expect(cappedList(names, 6)).toBe('a, b, c, d, e, f');
    expect(cappedList(names, 7)).toBe('a, b, c, d, e and 2 more');
    expect(cappedList(names, 2999)).toBe('a, b, c, d, e and 2,994 more');
    expect(cappedList(names, 2, 'or')).toBe('a or b');
    expect(cappedList(names, 2000, 'or')).toBe('a or b or c or d or e (or 1,995 others)');
  });
});

describe('cachedBy', () => {
  it('calls the function once per key', () => {
    let calls = 0;
    const f = cachedBy(selectorKey, (ns: string, sel: Record<string, string>) => {
      calls++;
      return `${ns}:${Object.keys(sel).length}`;
    });
    expect(f('default', { app: 'a', version: 'v1' })).toBe('default:2');
    expect(f('default', { version: 'v1', app: 'a' })).toBe('default:2');
    expect(f('prod', { app: 'a', version: 'v1' })).toBe('prod:2');
    expect(calls).toBe(2);
  });
});
