import { describe, expect, it } from 'vitest';
import { clampProblems, clampSide, COLLAPSE_BELOW, defaultSizes, readSizes } from './pane-sizes';

describe('pane sizes', () => {
  it('leave the canvas at least half of a 1440 px window by default', () => {
    const d = defaultSizes(1440);
    // Three columns of nodes (3 × 184 + 2 × 76 px) at the readable zoom (0.84), with margins, need ~625 px.
    expect(1440 - d.left - d.right).toBeGreaterThanOrEqual(690);
    expect(d.left).toBeGreaterThanOrEqual(300);
  });
  it('collapse a pane dragged narrower than the threshold, and keep room for the canvas', () => {
    expect(clampSide(COLLAPSE_BELOW - 1, 300, 1440)).toBe(0);
    expect(clampSide(COLLAPSE_BELOW + 1, 300, 1440)).toBe(200);
    expect(clampSide(5000, 300, 1440)).toBe(1440 - 300 - 320);
  });
  it('keep the problems panel between a strip and most of the column', () => {
    expect(clampProblems(10, 700)).toBe(80);
    expect(clampProblems(900, 700)).toBe(540);
  });
  it('read stored sizes and refuse anything else', () => {
    expect(readSizes('{"left":0,"right":320,"problems":200}')).toEqual({
      left: 0,
      right: 320,
      problems: 200,
    });
    expect(readSizes('{"left":-1,"right":320,"problems":200}')).toBeUndefined();
    expect(readSizes('{"left":"wide"}')).toBeUndefined();
    expect(readSizes('not json')).toBeUndefined();
    expect(readSizes(null)).toBeUndefined();
  });
});
