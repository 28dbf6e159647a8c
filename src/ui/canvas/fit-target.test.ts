import { describe, expect, it } from 'vitest';
import { FIT_ALL_MAX, FIT_FIRST, FIT_FIRST_MIN_ZOOM, fitTarget, startViewport } from './fit-target';

describe('fit target', () => {
  it('fits small graphs whole', () => {
    const ids = Array.from({ length: FIT_ALL_MAX }, (_, i) => `n${i}`);
    expect(fitTarget(new Map(), ids)).toBeUndefined();
  });

  it('frames the top rows of a big graph, top to bottom then left to right', () => {
    const ids = Array.from({ length: FIT_ALL_MAX + 10 }, (_, i) => `n${i}`);
    // Three columns; rows 100 apart, listed bottom first.
    const positions = new Map(ids.map((id, i) => [id, { x: (i % 3) * 400, y: (ids.length - i) * 100 }]));
    const first = fitTarget(positions, ids) ?? [];
    expect(first).toHaveLength(FIT_FIRST);
    expect(first[0]).toBe(ids.at(-1));
    const ys = first.map((id) => positions.get(id)?.y ?? 0);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
  });

  it('shows the start from its top-left corner, at a zoom where names stay readable', () => {
    const tall = startViewport({ x: 400, y: 0, width: 1000, height: 3000 }, 500, 700, 20);
    expect(tall.zoom).toBe(FIT_FIRST_MIN_ZOOM);
    expect(tall).toEqual({ x: 20 - 400 * FIT_FIRST_MIN_ZOOM, y: 20, zoom: FIT_FIRST_MIN_ZOOM });
    expect(startViewport({ x: 0, y: 0, width: 100, height: 100 }, 500, 700, 20).zoom).toBe(1);
  });
});
