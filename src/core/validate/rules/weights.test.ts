import { describe, expect, it } from 'vitest';
import { corpus, runRule, summary } from './testing';
import { weights } from './weights';

const vs = (route: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
${route}`;

describe('weights (ITS0101, KIA1104)', () => {
  it('errors on a negative weight, at the weight', () => {
    const text = vs(`    - destination: {host: reviews, subset: v1}
      weight: -10
    - destination: {host: reviews, subset: v2}
      weight: 110`);
    const { diags, snippet } = runRule(weights, text);
    expect(diags.map((d) => [d.code, d.severity, d.path, snippet(d), d.edgeId])).toEqual([
      ['ITS0101', 'error', 'spec/http[0]/route[0]/weight', '-10', 'route:default/reviews/http/0/0'],
    ]);
    expect(diags[0]?.fixes?.[0]?.intent).toEqual({
      type: 'normaliseWeights',
      vsRef: 'VirtualService default/reviews',
      protocol: 'http',
      routeIndex: 0,
    });
  });

  it('errors when several destinations weigh 0 in total', () => {
    const text = vs(`    - destination: {host: reviews, subset: v1}
    - destination: {host: reviews, subset: v2}
      weight: 0`);
    expect(summary(weights, text)).toEqual([
      'ITS0101 VirtualService default/reviews spec/http[0]/route «route»',
    ]);
  });

  it('warns when weights do not add up to 100, naming the shares Istio uses', () => {
    const text = vs(`    - destination: {host: reviews, subset: v1}
      weight: 60
    - destination: {host: reviews, subset: v2}
      weight: 60`);
    const { diags } = runRule(weights, text);
    expect(diags.map((d) => [d.code, d.severity, d.path])).toEqual([
      ['KIA1104', 'warning', 'spec/http[0]/route'],
    ]);
    expect(diags[0]?.message).toContain('add up to 120, not 100; Istio scales them to 50% / 50%');
  });

  it('warns when a lone destination has a weight under 100', () => {
    const text = vs(`    - destination: {host: reviews, subset: v1}
      weight: 80`);
    expect(summary(weights, text)).toEqual([
      'KIA1104 VirtualService default/reviews spec/http[0]/route[0]/weight «80»',
    ]);
  });

  it('accepts the bookinfo splits', () => {
    for (const f of [
      'virtual-service-reviews-90-10.yaml',
      'virtual-service-reviews-50-v3.yaml',
      'virtual-service-all-v1.yaml',
    ]) {
      expect(summary(weights, corpus(`istio/samples/bookinfo/networking/${f}`))).toEqual([]);
    }
  });
});
