import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addShare, evenly, normalise, rebalance, removeShare } from './weights';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('weights', () => {
  it('splits evenly, earlier entries taking the remainder', () => {
    expect(evenly(3)).toEqual([34, 33, 33]);
    expect(evenly(0)).toEqual([]);
  });

  it('normalises with largest remainders; zeros and gaps split evenly', () => {
    expect(normalise([80, 60])).toEqual([57, 43]);
    expect(normalise([1, 1, 1])).toEqual([34, 33, 33]);
    expect(normalise([undefined, undefined])).toEqual([50, 50]);
    expect(normalise([30, undefined])).toEqual([100, 0]);
  });

  it('rebalances the others proportionally and keeps locked ones', () => {
    expect(rebalance([50, 30, 20], 0, 80)).toEqual([80, 12, 8]);
    expect(rebalance([50, 30, 20], 0, 80, [1])).toEqual([70, 30, 0]);
    expect(rebalance([90, 10], 1, 40)).toEqual([60, 40]);
    expect(rebalance([100, 0, 0], 0, 40)).toEqual([40, 30, 30]);
  });

  it('adds and removes shares', () => {
    expect(addShare([undefined])).toEqual([50, 50]);
    expect(addShare([80, 20])).toEqual([54, 13, 33]);
    expect(removeShare([54, 13, 33], 2)).toEqual([81, 19]);
  });

  it('always yields integers summing to 100 with locked weights kept (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 6 }),
        fc.nat(),
        fc.integer({ min: -20, max: 150 }),
        fc.array(fc.nat()),
        (raw, at, value, lockPicks) => {
          const w = normalise(raw);
          const changed = at % w.length;
          const locked = [...new Set(lockPicks.map((p) => p % w.length))].filter((i) => i !== changed);
          const out = rebalance(w, changed, value, locked);
          expect(sum(out)).toBe(100);
          expect(out.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
          if (locked.length < w.length - 1) for (const i of locked) expect(out[i]).toBe(w[i]);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });
});
