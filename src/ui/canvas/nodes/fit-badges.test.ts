import { describe, expect, it } from 'vitest';
import { badgeWidth, fitBadges } from './fit-badges';

describe('fitBadges', () => {
  it('keeps every badge that fits', () => {
    expect(fitBadges(['pool', 'outlier'], 200)).toBe(2);
    expect(fitBadges([], 10)).toBe(0);
  });
  it('summarises the rest, leaving room for the "+N" badge', () => {
    const [pool, outlier, mtls] = ['pool', 'outlier', 'mTLS'].map(badgeWidth) as [number, number, number];
    const all = pool + outlier + mtls + 6;
    expect(fitBadges(['pool', 'outlier', 'mTLS'], all)).toBe(3);
    // One px short of all three: the first two and "+1" (36 px) if they fit, else only the first.
    const two = 36 + 3 + pool + 3 + outlier;
    expect(fitBadges(['pool', 'outlier', 'mTLS'], all - 1)).toBe(two <= all - 1 ? 2 : 1);
    expect(fitBadges(['pool', 'outlier', 'mTLS'], 36 + 3 + pool)).toBe(1);
  });
  it('summarises all when not even the first fits beside "+N"', () => {
    expect(fitBadges(['hash: cookie user'], 60)).toBe(0);
  });
  it('estimates on the wide side of 12 px text, capitals and digits included', () => {
    // Badge widths measured in Chromium (DejaVu Sans, text + 12 px of padding and border).
    const measured: Record<string, number> = {
      outlier: 50.6,
      'least request': 90.5,
      mTLS: 45.3,
      '1 port': 48,
      MMMM: 53.4,
      WWW: 47.6,
      'mirror 50%': 79.2,
      'timeout 10s': 84.1,
      'respond 503': 87.2,
      'round robin': 81.2,
      'hash: cookie user': 117.6,
    };
    for (const [label, px] of Object.entries(measured))
      expect(badgeWidth(label), label).toBeGreaterThanOrEqual(px);
  });
});
