import { describe, expect, it } from 'vitest';
import { buildRoutes } from './routes';
import { buildSidecarRoutes } from './sidecar-routes';
import { DEFAULT_ENV } from './env';
import { bookinfoText, modelOf } from './test-helpers';
import type { Proxy, RouteConfiguration } from './types';

const productpage: Proxy = {
  kind: 'sidecar',
  namespace: 'default',
  labels: { app: 'productpage', version: 'v1' },
};
const ingress: Proxy = { kind: 'gateway', namespace: 'istio-system', labels: { istio: 'ingressgateway' } };

function vhost(rc: RouteConfiguration[], config: string, name: string) {
  return rc.find((c) => c.name === config)?.virtualHosts.find((v) => v.name === name);
}

describe('sidecar routes (bookinfo, reviews 80/20)', () => {
  const model = modelOf(bookinfoText('destination-rule-all', 'virtual-service-reviews-80-20'));
  const rc = buildRoutes(model, productpage);

  it('names the route configuration by port and the virtual hosts <fqdn>:<port>, sorted, catch-all last', () => {
    expect(rc.map((c) => c.name)).toEqual(['9080']);
    expect(rc[0]?.virtualHosts.map((v) => v.name)).toEqual([
      'details.default.svc.cluster.local:9080',
      'productpage.default.svc.cluster.local:9080',
      'ratings.default.svc.cluster.local:9080',
      'reviews.default.svc.cluster.local:9080',
      'allow_any',
    ]);
  });

  it('gives Kubernetes short forms as domains, without :port forms', () => {
    expect(vhost(rc, '9080', 'reviews.default.svc.cluster.local:9080')?.domains).toEqual([
      'reviews.default.svc.cluster.local',
      'reviews.default.svc.cluster.local.',
      'reviews',
      'reviews.default.svc',
      'reviews.default',
    ]);
    const other = buildRoutes(model, { kind: 'sidecar', namespace: 'other', labels: {} });
    expect(vhost(other, '9080', 'reviews.default.svc.cluster.local:9080')?.domains).not.toContain('reviews');
  });

  it('routes reviews by weight to subset clusters and others to their default cluster', () => {
    const r = vhost(rc, '9080', 'reviews.default.svc.cluster.local:9080')?.routes;
    expect(r).toHaveLength(1);
    expect(r?.[0]?.route).toEqual({
      weightedClusters: [
        { name: 'outbound|9080|v1|reviews.default.svc.cluster.local', weight: 80 },
        { name: 'outbound|9080|v2|reviews.default.svc.cluster.local', weight: 20 },
      ],
    });
    expect(r?.[0]?.virtualService).toBe('default/reviews');
    const d = vhost(rc, '9080', 'details.default.svc.cluster.local:9080')?.routes[0];
    expect(d).toMatchObject({
      name: 'default',
      route: { cluster: 'outbound|9080||details.default.svc.cluster.local' },
    });
    expect(d?.virtualService).toBeUndefined();
  });

  it('ends with block_all (502) under REGISTRY_ONLY', () => {
    const strict = buildRoutes(model, productpage, { outboundTrafficPolicy: 'REGISTRY_ONLY' });
    const last = strict[0]?.virtualHosts.at(-1);
    expect(last?.name).toBe('block_all');
    expect(last?.routes[0]?.directResponse).toEqual({ status: 502 });
  });
});

const TWO_VS = `
apiVersion: v1
kind: Service
metadata: { name: reviews, namespace: default }
spec: { selector: { app: reviews }, ports: [{ name: http, port: 9080 }] }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: reviews-new, namespace: default, creationTimestamp: "2024-05-01T00:00:00Z" }
spec:
  hosts: [reviews]
  http:
  - route: [{ destination: { host: reviews, subset: v3 } }]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: reviews-old, namespace: default, creationTimestamp: "2020-01-01T00:00:00Z" }
spec:
  hosts: [reviews]
  http:
  - name: jason
    match:
    - name: hdr
      headers: { end-user: { exact: jason } }
      sourceLabels: { app: productpage }
    - uri: { prefix: /only-from-ratings }
      sourceLabels: { app: ratings }
    route: [{ destination: { host: reviews, subset: v2 } }]
  - name: rest
    route: [{ destination: { host: reviews, subset: v1 } }]
  - name: never
    route: [{ destination: { host: reviews, subset: v9 } }]
`;

describe('which VirtualService a sidecar keeps', () => {
  const model = modelOf(TWO_VS);

  it('keeps the oldest VirtualService for a host and reports the other', () => {
    const { routes, ignored } = buildSidecarRoutes(model, productpage, DEFAULT_ENV);
    const r = vhost(routes, '9080', 'reviews.default.svc.cluster.local:9080')?.routes ?? [];
    expect(r.map((x) => x.virtualService)).toEqual(['default/reviews-old', 'default/reviews-old']);
    expect(ignored).toEqual([
      {
        virtualService: 'default/reviews-new',
        host: 'reviews.default.svc.cluster.local',
        port: 9080,
        winner: 'default/reviews-old',
      },
    ]);
  });

  it('drops matches whose sourceLabels the proxy lacks, names routes rule.match, stops after a catch-all', () => {
    const r =
      vhost(buildRoutes(model, productpage), '9080', 'reviews.default.svc.cluster.local:9080')?.routes ?? [];
    expect(r.map((x) => x.name)).toEqual(['jason.hdr', 'rest']);
    expect(r[0]?.match).toEqual({ prefix: '/', headers: [{ name: 'end-user', exact: 'jason' }] });
    const fromRatings = buildRoutes(model, {
      kind: 'sidecar',
      namespace: 'default',
      labels: { app: 'ratings' },
    });
    const r2 = vhost(fromRatings, '9080', 'reviews.default.svc.cluster.local:9080')?.routes ?? [];
    expect(r2.map((x) => [x.name, x.match.prefix])).toEqual([
      ['jason', '/only-from-ratings'],
      ['rest', '/'],
    ]);
  });

  it('orders VirtualServices without a timestamp by text, after those with one', () => {
    const text = TWO_VS.replace(/, creationTimestamp: "[^"]+"/g, '');
    const { ignored } = buildSidecarRoutes(modelOf(text), productpage, DEFAULT_ENV);
    expect(ignored[0]?.winner).toBe('default/reviews-new');
    const named = buildSidecarRoutes(modelOf(text), productpage, { ...DEFAULT_ENV, untimedOrder: 'name' });
    expect(named.ignored[0]?.winner).toBe('default/reviews-new');
    const oneDated = TWO_VS.replace(', creationTimestamp: "2020-01-01T00:00:00Z"', '').replace(
      '2024-05-01',
      '2030-01-01',
    );
    expect(buildSidecarRoutes(modelOf(oneDated), productpage, DEFAULT_ENV).ignored[0]?.winner).toBe(
      'default/reviews-new',
    );
  });
});

const DELEGATE = `
apiVersion: networking.istio.io/v1
kind: Gateway
metadata: { name: gw, namespace: istio-system }
spec:
  selector: { istio: ingressgateway }
  servers: [{ port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] }]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: web, namespace: istio-system }
spec:
  hosts: [shop.example.com]
  gateways: [gw]
  http:
  - name: catchall
    route: [{ destination: { host: web.shop.svc.cluster.local } }]
  - name: unreachable
    route: [{ destination: { host: web.shop.svc.cluster.local } }]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: root, namespace: istio-system }
spec:
  hosts: [shop.example.com]
  gateways: [gw]
  http:
  - name: api
    match: [{ uri: { prefix: /api } }]
    timeout: 5s
    delegate: { name: api, namespace: shop }
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: { name: api, namespace: shop }
spec:
  http:
  - name: v2
    match: [{ uri: { prefix: /api/v2 } }]
    route: [{ destination: { host: api, subset: v2 } }]
  - name: outside
    match: [{ uri: { prefix: /other } }]
    route: [{ destination: { host: api } }]
  - name: rest
    route: [{ destination: { host: api, port: { number: 8080 } }, weight: 100 }, { destination: { host: api, subset: canary }, weight: 0 }]
`;

describe('gateway routes', () => {
  it('merges delegates into the root, drops conflicting matches, inherits fields, moves catch-alls last', () => {
    const rc = buildRoutes(modelOf(DELEGATE), ingress);
    expect(rc.map((c) => c.name)).toEqual(['http.80']);
    const routes = vhost(rc, 'http.80', 'shop.example.com:80')?.routes ?? [];
    expect(routes.map((r) => [r.name, r.match.prefix, r.timeout])).toEqual([
      ['api-v2', '/api/v2', '5s'],
      ['api-rest', '/api', '5s'],
      ['catchall', '/', undefined],
    ]);
    expect(routes[0]?.route).toEqual({ cluster: 'outbound|80|v2|api.shop.svc.cluster.local' });
    // 0-weight destinations are dropped: one left is a plain cluster.
    expect(routes[1]?.route).toEqual({ cluster: 'outbound|8080||api.shop.svc.cluster.local' });
    expect(routes[0]?.source?.via).toEqual({ ref: 'VirtualService istio-system/root', httpIndex: 0 });
  });

  it('names the bookinfo gateway route http.<port> with vhost *:<port>, and blackhole when nothing binds', () => {
    const rc = buildRoutes(modelOf(bookinfoText('bookinfo-gateway')), ingress);
    expect(rc.map((c) => [c.name, c.virtualHosts.map((v) => v.name)])).toEqual([['http.8080', ['*:8080']]]);
    expect(rc[0]?.virtualHosts[0]?.routes.map((r) => r.match)).toContainEqual({ path: '/productpage' });
    const gwOnly = bookinfoText('bookinfo-gateway').replace(
      /kind: VirtualService[\s\S]*$/,
      'kind: ConfigMap\nmetadata: { name: x }',
    );
    const empty = buildRoutes(modelOf(gwOnly), ingress);
    expect(empty[0]?.virtualHosts).toEqual([{ name: 'blackhole:8080', domains: ['*'], routes: [] }]);
  });
});
