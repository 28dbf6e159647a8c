import { describe, expect, it } from 'vitest';
import { duplicateDestinations } from './duplicate-destinations';
import { corpus, runRule } from './testing';

describe('duplicateDestinations (KIA1105)', () => {
  it('reports the second destination with the same host and subset', () => {
    const text = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v1}
      weight: 50
    - destination: {host: reviews.default.svc.cluster.local, subset: v1}
      weight: 50`;
    const { diags, snippet } = runRule(duplicateDestinations, text);
    expect(diags.map((d) => [d.code, d.resource, d.path, snippet(d), d.edgeId])).toEqual([
      [
        'KIA1105',
        'VirtualService default/reviews',
        'spec/http[0]/route[1]/destination',
        'destination',
        'route:default/reviews/http/0/1',
      ],
    ]);
  });

  it('accepts different subsets of one host', () => {
    const text = corpus('istio/samples/bookinfo/networking/virtual-service-reviews-80-20.yaml');
    expect(runRule(duplicateDestinations, text).diags).toEqual([]);
  });
});
