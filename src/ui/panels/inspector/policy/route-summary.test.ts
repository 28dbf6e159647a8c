import { describe, expect, it } from 'vitest';
import { readRouteForm } from '../../../../core/policy/route-form';
import { featureSummaries } from './route-summary';

describe('featureSummaries', () => {
  it('names the delegate VirtualService, and says off without one', () => {
    expect(
      featureSummaries(readRouteForm({ delegate: { name: 'reviews', namespace: 'nsA' } })).delegate,
    ).toBe('nsA/reviews');
    expect(featureSummaries(readRouteForm({ delegate: { name: 'reviews' } })).delegate).toBe('reviews');
    expect(featureSummaries(readRouteForm({ route: [] })).delegate).toBe('off');
  });
  it('summarises a mirror with its percentage', () => {
    const f = readRouteForm({ mirror: { host: 'reviews', subset: 'v3' }, mirrorPercentage: { value: 50 } });
    expect(featureSummaries(f).mirror).toBe('reviews (v3) 50%');
  });
});
