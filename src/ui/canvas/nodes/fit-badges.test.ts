import { describe, expect, it } from 'vitest';
import { badgeWidth, fitBadges } from './fit-badges';

describe('fitBadges', () => {
  it('keeps every badge that fits', () => {
    expect(fitBadges(['pool', 'outlier'], 200)).toBe(2);
    expect(fitBadges([], 10)).toBe(0);
  });
  it('summarises the rest, leaving room for the "+N" badge', () => {
    // pool (42) + outlier (64) + mTLS (42) with gaps: 154 > 120; pool, outlier and "+1" (30): 142 > 120.
    expect(fitBadges(['pool', 'outlier', 'mTLS'], 120)).toBe(1);
    expect(fitBadges(['pool', 'outlier', 'mTLS'], 150)).toBe(2);
  });
  it('summarises all when not even the first fits beside "+N"', () => {
    expect(fitBadges(['hash: cookie user'], 60)).toBe(0);
  });
  it('estimates on the wide side of 12 px text', () => {
    // "outlier" at 12 px sans-serif is about 40 px of text; with padding a badge must be counted wider.
    expect(badgeWidth('outlier')).toBeGreaterThanOrEqual(52);
  });
});
