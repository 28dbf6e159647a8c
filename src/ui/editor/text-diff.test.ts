import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spliceBetween } from './text-diff';

const apply = (before: string, s: { start: number; end: number; text: string }) =>
  before.slice(0, s.start) + s.text + before.slice(s.end);

describe('spliceBetween', () => {
  it('finds the changed span only', () => {
    expect(spliceBetween('weight: 90\nweight: 10\n', 'weight: 80\nweight: 20\n')).toEqual({
      start: 8,
      end: 20,
      text: '80\nweight: 2',
    });
    expect(spliceBetween('abc', 'abc')).toEqual({ start: 3, end: 3, text: '' });
    expect(spliceBetween('', 'x: 1\n')).toEqual({ start: 0, end: 0, text: 'x: 1\n' });
    expect(spliceBetween('aaa', 'aa')).toEqual({ start: 2, end: 3, text: '' });
  });

  it('keeps surrogate pairs whole', () => {
    const s = spliceBetween('a🚀b', 'a🚁b');
    expect(s.text).toBe('🚁');
    expect(apply('a🚀b', s)).toBe('a🚁b');
  });

  it('always rebuilds the new text from the old one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        const s = spliceBetween(a, b);
        expect(apply(a, s)).toBe(b);
        expect(s.start).toBeLessThanOrEqual(s.end);
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
