import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unionOf } from './union-count';

const bucket = (items: number[]) => {
  const sorted = [...new Set(items)].sort((a, b) => a - b);
  const set = new Set(sorted);
  return { items: sorted, has: (i: number) => set.has(i) };
};

describe('unionOf', () => {
  it('gives the size and first items of the union, as a Set of everything would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 8 }),
        (lists, headSize) => {
          const all = [...new Set(lists.flat())].sort((a, b) => a - b);
          expect(unionOf(lists.map(bucket), headSize)).toEqual({
            count: all.length,
            head: all.slice(0, headSize),
          });
        },
      ),
      { seed: 20261124, numRuns: 1000 },
    );
  });

  it('counts 3,000 shared items plus one own item per query without walking the big bucket', () => {
    const shared = bucket(Array.from({ length: 3000 }, (_, i) => i + 10));
    let asked = 0;
    const counting = { items: shared.items, has: (i: number) => (asked++, shared.has(i)) };
    expect(unionOf([counting, bucket([3]), bucket([3, 20])], 2)).toEqual({ count: 3001, head: [3, 10] });
    expect(asked).toBe(3); // 3, 3, 20: only the small buckets' items are looked up
  });
});
