import { describe, expect, it } from 'vitest';
import { meshHostConflicts } from './mesh-host-conflicts';
import { corpus, summary } from './testing';

describe('meshHostConflicts (IST0109)', () => {
  it('reports each mesh-bound VirtualService claiming a host another one claims, honouring exportTo', () => {
    const found = summary(
      meshHostConflicts,
      corpus('istio-analyzer-testdata/virtualservice_conflictingmeshgatewayhosts.yaml'),
    );
    expect(found).toEqual([
      'IST0109 VirtualService foo/productpage spec/hosts[0] «productpage»',
      'IST0109 VirtualService foo/bogus-productpage spec/hosts[0] «productpage»',
      'IST0109 VirtualService foo/ratings spec/hosts[0] «ratings»',
      'IST0109 VirtualService bar/ratings spec/hosts[0] «ratings.foo.svc.cluster.local»',
      'IST0109 VirtualService bar/ratings spec/hosts[1] «google.com»',
      'IST0109 VirtualService team2/ratings spec/hosts[1] «google.com»',
      'IST0109 VirtualService team3/ratings spec/hosts[0] «ratings»',
      'IST0109 VirtualService team4/ratings spec/hosts[0] «ratings.team3.svc.cluster.local»',
    ]);
  });

  it('accepts one VirtualService per host (bookinfo all-v1)', () => {
    expect(
      summary(meshHostConflicts, corpus('istio/samples/bookinfo/networking/virtual-service-all-v1.yaml')),
    ).toEqual([]);
  });
});
