import { describe, expect, it } from 'vitest';
import {
  bestFit,
  FIT_ALL_MAX,
  FIT_FIRST,
  FIT_FIRST_MIN_ZOOM,
  FIT_MAX_ZOOM,
  fitTarget,
  fitViewport,
  freeAreas,
  READABLE_ZOOM,
  startViewport,
} from './fit-target';

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

describe('fitViewport', () => {
  it('never zooms below the readable floor: a wide graph is shown from its left edge', () => {
    const v = fitViewport(
      { x: 100, y: 0, width: 3000, height: 200 },
      { x: 0, y: 50, width: 700, height: 600 },
      16,
    );
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(v.x).toBeCloseTo(16 - 100 * READABLE_ZOOM);
    // It fits vertically, so it is centred there, below the top band.
    expect(v.y).toBeCloseTo(50 + 16 + (568 - 200 * READABLE_ZOOM) / 2);
  });
  it('does not blow a tiny graph up past the ceiling', () => {
    expect(
      fitViewport({ x: 0, y: 0, width: 50, height: 50 }, { x: 0, y: 0, width: 900, height: 900 }).zoom,
    ).toBe(FIT_MAX_ZOOM);
  });
  it('keeps the graph out of the overlays: above the map for a wide graph, beside it for a tall one', () => {
    const areas = freeAreas(
      { width: 800, height: 700 },
      { top: 60, bottomLeft: { width: 40, height: 130 }, bottomRight: { width: 200, height: 130 } },
    );
    const wide = bestFit({ x: 0, y: 0, width: 700, height: 300 }, areas);
    const wideBottom = wide.y + 300 * wide.zoom;
    expect(wideBottom).toBeLessThanOrEqual(700 - 130);
    const tall = bestFit({ x: 0, y: 0, width: 300, height: 900 }, areas);
    expect(tall.x).toBeGreaterThanOrEqual(40);
    expect(tall.x + 300 * tall.zoom).toBeLessThanOrEqual(800 - 200);
    expect(tall.y).toBeGreaterThanOrEqual(60);
  });
});
