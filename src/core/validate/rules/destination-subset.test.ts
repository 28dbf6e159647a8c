import { describe, expect, it } from 'vitest';
import { destinationSubset } from './destination-subset';
import { corpus, runRule, summary } from './testing';

const BOOKINFO = corpus('istio/samples/bookinfo/platform/kube/bookinfo.yaml');
const DR_ALL = corpus('istio/samples/bookinfo/networking/destination-rule-all.yaml');

describe('destinationSubset (IST0101 subset)', () => {
  it('reports the Istio test data findings at the subset value', () => {
    const found = summary(
      destinationSubset,
      corpus('istio-analyzer-testdata/virtualservice_destinationrules.yaml'),
    );
    expect(found).toEqual([
      'IST0101 VirtualService default/reviews-bogussubset spec/http[0]/route[0]/destination/subset «bogus»',
      'IST0101 VirtualService default/reviews-mirror-bogussubset spec/http[0]/mirror/subset «bogus»',
    ]);
  });

  it('says which subsets exist and offers addSubset with the version label', () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v4}`;
    const { diags, snippet } = runRule(destinationSubset, `${BOOKINFO}\n---\n${DR_ALL}\n---\n${vs}`);
    expect(diags).toHaveLength(1);
    const d = diags[0]!;
    expect(snippet(d)).toBe('v4');
    expect(d.edgeId).toBe('route:default/reviews/http/0/0');
    expect(d.message).toBe(
      'Subset "v4" is not defined by any DestinationRule for host reviews.default.svc.cluster.local (defined: v1, v2, v3). Add it to DestinationRule default/reviews or use one of those.',
    );
    expect(d.fixes?.[0]?.intent).toEqual({
      type: 'addSubset',
      drRef: 'DestinationRule default/reviews',
      name: 'v4',
      labels: { version: 'v4' },
    });
  });

  it('offers createDestinationRule when the host has no DestinationRule', () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
    - destination: {host: reviews, subset: v2}`;
    const { diags } = runRule(destinationSubset, `${BOOKINFO}\n---\n${vs}`);
    expect(diags.map((d) => d.fixes?.[0]?.intent)).toEqual([
      {
        type: 'createDestinationRule',
        namespace: 'default',
        name: 'reviews',
        host: 'reviews',
        subsets: [{ name: 'v2', labels: { version: 'v2' } }],
      },
    ]);
  });

  it('accepts every bookinfo virtual service with destination-rule-all', () => {
    const vs = corpus('istio/samples/bookinfo/networking/virtual-service-reviews-jason-v2-v3.yaml');
    expect(summary(destinationSubset, `${DR_ALL}\n---\n${vs}`)).toEqual([]);
  });
});
