import { describe, expect, it } from 'vitest';
import { emptyClusters, ignoredVirtualServices, missingClusters, shadowedRoutes } from './findings';
import { bookinfoText, modelOf } from './test-helpers';
import type { Proxy } from './types';

const productpage: Proxy = {
  kind: 'sidecar',
  namespace: 'default',
  labels: { app: 'productpage', version: 'v1' },
};

describe('findings only the Envoy view gives', () => {
  it('a route to a subset no DestinationRule defines names a cluster CDS never sends (503 NR)', () => {
    // virtual-service-all-v1 routes to subset v1 of every service; without destination-rule-all none exists.
    const without = missingClusters(modelOf(bookinfoText('virtual-service-all-v1')), productpage);
    expect(without.map((m) => [m.cluster, m.why, m.virtualService])).toContainEqual([
      'outbound|9080|v1|reviews.default.svc.cluster.local',
      'subset',
      'default/reviews',
    ]);
    expect(
      missingClusters(modelOf(bookinfoText('virtual-service-all-v1', 'destination-rule-all')), productpage),
    ).toEqual([]);
  });

  it('a subset selecting no workload is a cluster without endpoints (503 UH)', () => {
    // bookinfo.yaml runs reviews v1-v3 only; a v4 subset selects nothing.
    const text = bookinfoText('destination-rule-all').replace(
      '  - name: v3\n    labels:\n      version: v3',
      '  - name: v3\n    labels:\n      version: v3\n  - name: v4\n    labels:\n      version: v4',
    );
    // destination-rule-all also names subsets bookinfo.yaml does not deploy (details v2, ratings v2…).
    const base = [
      'outbound|9080|v2|details.default.svc.cluster.local',
      'outbound|9080|v2|ratings.default.svc.cluster.local',
      'outbound|9080|v2-mysql|ratings.default.svc.cluster.local',
      'outbound|9080|v2-mysql-vm|ratings.default.svc.cluster.local',
    ];
    expect(
      emptyClusters(modelOf(bookinfoText('destination-rule-all')), productpage).map((e) => e.cluster),
    ).toEqual(base);
    const empty = emptyClusters(modelOf(text), productpage).map((e) => e.cluster);
    expect(empty).toEqual([...base, 'outbound|9080|v4|reviews.default.svc.cluster.local']);
  });

  it('says which older VirtualService a sidecar keeps for a host', () => {
    const second = `\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews-canary\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: { host: reviews, subset: v3 }\n`;
    const text = bookinfoText('virtual-service-reviews-80-20') + second;
    expect(ignoredVirtualServices(modelOf(text), productpage)).toEqual([
      {
        virtualService: 'default/reviews-canary',
        host: 'reviews.default.svc.cluster.local',
        port: 9080,
        winner: 'default/reviews',
      },
    ]);
    expect(
      ignoredVirtualServices(modelOf(text), {
        kind: 'gateway',
        namespace: 'istio-system',
        labels: { istio: 'ingressgateway' },
      }),
    ).toEqual([]);
  });

  it('finds a route an earlier prefix always takes', () => {
    const text = `${bookinfoText()}\n---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: ratings }\nspec:\n  hosts: [ratings]\n  http:\n  - name: api\n    match: [{ uri: { prefix: /api } }]\n    route: [{ destination: { host: ratings } }]\n  - name: api-v2\n    match: [{ uri: { prefix: /api/v2 } }, { uri: { prefix: /v2 }, headers: { x: { exact: y } } }]\n    route: [{ destination: { host: ratings } }]\n`;
    expect(shadowedRoutes(modelOf(text), productpage).map((s) => [s.route, s.by, s.virtualHost])).toEqual([
      ['api-v2', 'api', 'ratings.default.svc.cluster.local:9080'],
    ]);
  });
});
