import { describe, expect, it } from 'vitest';
import { bounds, frameFor, toFlow, toOverview, visibleArea } from './overview-geometry';

describe('overview geometry', () => {
  it('bounds every box, and nothing for none', () => {
    expect(bounds([])).toBeUndefined();
    expect(
      bounds([
        { x: 10, y: 20, width: 100, height: 50 },
        { x: -40, y: 300, width: 10, height: 10 },
      ]),
    ).toEqual({ x: -40, y: 20, width: 150, height: 290 });
  });

  it('fits the content inside the overview, centred, and maps points both ways', () => {
    const content = { x: 100, y: 0, width: 1000, height: 500 };
    const f = frameFor(content, 200, 200, 0);
    expect(f.scale).toBeCloseTo(0.2);
    const shown = toOverview(f, content);
    expect(shown.x).toBeCloseTo(0);
    expect(shown.width).toBeCloseTo(200);
    expect(shown.y).toBeCloseTo(50);
    expect(shown.height).toBeCloseTo(100);
    const back = toFlow(f, 100, 100);
    expect(back.x).toBeCloseTo(600);
    expect(back.y).toBeCloseTo(250);
  });

  it('turns a viewport transform into the flow area it shows', () => {
    expect(visibleArea([-200, 100, 2], 800, 600)).toEqual({ x: 100, y: -50, width: 400, height: 300 });
  });
});
