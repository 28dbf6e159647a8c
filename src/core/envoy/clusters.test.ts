import { describe, expect, it } from 'vitest';
import { buildClusters } from './clusters';
import { bookinfoText, modelOf } from './test-helpers';
import type { Proxy } from './types';

const productpage: Proxy = {
  kind: 'sidecar',
  namespace: 'default',
  labels: { app: 'productpage', version: 'v1' },
};

describe('clusters (bookinfo, destination-rule-all)', () => {
  const clusters = buildClusters(modelOf(bookinfoText('destination-rule-all')), productpage);
  const byName = new Map(clusters.map((c) => [c.name, c]));

  it('has the default cluster and one per subset for each service port', () => {
    const reviews = clusters.filter((c) => c.serviceFqdn === 'reviews.default.svc.cluster.local');
    expect(reviews.map((c) => c.name)).toEqual([
      'outbound|9080||reviews.default.svc.cluster.local',
      'outbound|9080|v1|reviews.default.svc.cluster.local',
      'outbound|9080|v2|reviews.default.svc.cluster.local',
      'outbound|9080|v3|reviews.default.svc.cluster.local',
    ]);
    expect(reviews.every((c) => c.destinationRule === 'default/reviews' && c.type === 'EDS')).toBe(true);
  });

  it('names the workloads behind each subset and the mTLS SNI', () => {
    const v2 = byName.get('outbound|9080|v2|reviews.default.svc.cluster.local');
    expect(v2?.workloads).toEqual(['Deployment default/reviews-v2']);
    expect(byName.get('outbound|9080||reviews.default.svc.cluster.local')?.workloads).toHaveLength(3);
    expect(v2?.sni).toBe('outbound_.9080_.v2_.reviews.default.svc.cluster.local');
  });

  it('adds the inbound cluster of the proxy own service and the special clusters', () => {
    expect(byName.get('inbound|9080||')).toMatchObject({ direction: 'inbound', type: 'ORIGINAL_DST' });
    expect(byName.has('PassthroughCluster') && byName.has('BlackHoleCluster')).toBe(true);
  });
});

const POLICY = `
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop }
spec: { selector: { app: api }, ports: [{ name: http, port: 80 }, { name: http-admin, port: 9000 }] }
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: api-root, namespace: istio-system }
spec:
  host: api.shop.svc.cluster.local
  trafficPolicy: { loadBalancer: { simple: RANDOM } }
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: { name: api, namespace: shop }
spec:
  host: api
  trafficPolicy:
    loadBalancer: { simple: ROUND_ROBIN }
    connectionPool: { tcp: { maxConnections: 10 } }
    portLevelSettings:
    - port: { number: 9000 }
      loadBalancer: { simple: LEAST_REQUEST }
  subsets:
  - name: v1
    labels: { version: v1 }
    trafficPolicy:
      outlierDetection: { consecutive5xxErrors: 3 }
      portLevelSettings:
      - port: { number: 80 }
        tls: { mode: DISABLE }
  - name: v2
    labels: { version: v2 }
    trafficPolicy:
      loadBalancer: { simple: RANDOM }
`;

describe('traffic policy precedence and DestinationRule choice', () => {
  const model = modelOf(POLICY);
  const fromShop = buildClusters(model, { kind: 'sidecar', namespace: 'shop', labels: {} });
  const get = (name: string) => fromShop.find((c) => c.name === name);

  it('prefers the service namespace rule over the root namespace one', () => {
    expect(get('outbound|80||api.shop.svc.cluster.local')?.destinationRule).toBe('shop/api');
  });

  it('DR port-level settings replace the DR top level wholesale', () => {
    expect(get('outbound|80||api.shop.svc.cluster.local')?.trafficPolicy).toEqual({
      loadBalancer: { simple: 'ROUND_ROBIN' },
      connectionPool: { tcp: { maxConnections: 10 } },
    });
    expect(get('outbound|9000||api.shop.svc.cluster.local')?.trafficPolicy).toEqual({
      loadBalancer: { simple: 'LEAST_REQUEST' },
    });
  });

  it('subset fields override per component; subset port-level replaces pool, LB, outlier and TLS', () => {
    expect(get('outbound|9000|v1|api.shop.svc.cluster.local')?.trafficPolicy).toEqual({
      loadBalancer: { simple: 'LEAST_REQUEST' },
      outlierDetection: { consecutive5xxErrors: 3 },
    });
    expect(get('outbound|80|v1|api.shop.svc.cluster.local')?.trafficPolicy).toEqual({
      tls: { mode: 'DISABLE' },
    });
    expect(get('outbound|80|v1|api.shop.svc.cluster.local')?.sni).toBeUndefined();
    expect(get('outbound|80|v2|api.shop.svc.cluster.local')?.trafficPolicy).toEqual({
      loadBalancer: { simple: 'RANDOM' },
      connectionPool: { tcp: { maxConnections: 10 } },
    });
  });

  it('a DestinationRule exported nowhere else still applies in its own namespace only', () => {
    const text = POLICY.replace('  host: api\n', '  host: api\n  exportTo: ["."]\n');
    const fromOther = buildClusters(modelOf(text), { kind: 'sidecar', namespace: 'web', labels: {} });
    expect(fromOther.find((c) => c.name === 'outbound|80||api.shop.svc.cluster.local')?.destinationRule).toBe(
      'istio-system/api-root',
    );
    expect(fromOther.some((c) => c.subset === 'v1')).toBe(false);
  });
});
