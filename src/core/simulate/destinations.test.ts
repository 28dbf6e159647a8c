import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { chooseDestinationRule, probabilities, resolveDestination } from './destinations';

describe('probabilities', () => {
  it.each([
    [[undefined], [1]],
    [[0], [1]],
    [
      [80, 20],
      [0.8, 0.2],
    ],
    [
      [1, 3],
      [0.25, 0.75],
    ],
    [
      [undefined, undefined],
      [0.5, 0.5],
    ],
    [
      [50, undefined],
      [1, 0],
    ],
    [
      [-5, 5],
      [0, 1],
    ],
    [
      [0, 0, 0, 0],
      [0.25, 0.25, 0.25, 0.25],
    ],
  ])('%j → %j', (w, p) => expect(probabilities(w)).toEqual(p));
});

const mesh = `
apiVersion: v1
kind: Service
metadata: {name: api, namespace: prod}
spec: {selector: {app: api}, ports: [{port: 80}, {port: 9090}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api-v1, namespace: prod}
spec: {template: {metadata: {labels: {app: api, version: v1}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api-v2, namespace: prod}
spec: {template: {metadata: {labels: {app: api, version: v2}}}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api-v1, namespace: other}
spec: {template: {metadata: {labels: {app: api, version: v1}}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: api, namespace: prod}
spec:
  host: api
  trafficPolicy: {loadBalancer: {simple: RANDOM}}
  subsets:
  - {name: v1, labels: {version: v1}, trafficPolicy: {connectionPool: {tcp: {maxConnections: 1}}}}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: api-client, namespace: web}
spec: {host: api.prod.svc.cluster.local, subsets: [{name: v2, labels: {version: v2}}]}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: wild, namespace: istio-system}
spec: {host: '*.svc.cluster.local', trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}
`;
const d = derive(mesh);
const FQDN = 'api.prod.svc.cluster.local';
const input = { index: 0, host: 'api.prod', fqdn: FQDN, port: undefined, weight: undefined, probability: 1 };

describe('chooseDestinationRule', () => {
  it("prefers the client's namespace, then the service's, then the root namespace", () => {
    expect(chooseDestinationRule(d.index, FQDN, { namespace: 'web', labels: {} }, 'prod')?.ref).toBe(
      'DestinationRule web/api-client',
    );
    expect(chooseDestinationRule(d.index, FQDN, { namespace: 'shop', labels: {} }, 'prod')?.ref).toBe(
      'DestinationRule prod/api',
    );
    expect(
      chooseDestinationRule(d.index, 'x.y.svc.cluster.local', { namespace: 'shop', labels: {} }, 'y')?.ref,
    ).toBe('DestinationRule istio-system/wild');
  });
});

describe('resolveDestination', () => {
  it('merges the subset policy over the host policy and selects pods in the service namespace only', () => {
    const r = resolveDestination(
      d.model,
      d.index,
      { ...input, subset: 'v1', routeEdgeId: 'route:prod/vs/http/0/0' },
      { namespace: 'prod', labels: {} },
      9090,
    );
    expect(r.port).toBe(9090);
    expect(r.trafficPolicy).toEqual({
      loadBalancer: { simple: 'RANDOM' },
      connectionPool: { tcp: { maxConnections: 1 } },
    });
    expect(r.workloads).toEqual(['Deployment prod/api-v1']);
    expect(r.edgeIds).toEqual([
      'route:prod/vs/http/0/0',
      'selects:subset:prod/api/v1->deployment:prod/api-v1',
    ]);
    expect(r.problems).toEqual([]);
  });
  it('without a subset selects every pod of the service', () => {
    const r = resolveDestination(
      d.model,
      d.index,
      { ...input, subset: undefined, routeEdgeId: undefined },
      { namespace: 'prod', labels: {} },
      80,
    );
    expect(r.workloads).toEqual(['Deployment prod/api-v1', 'Deployment prod/api-v2']);
    expect(r.nodeIds).toContain('service:prod/api');
  });
  it('reports a subset the chosen DestinationRule lacks', () => {
    const r = resolveDestination(
      d.model,
      d.index,
      { ...input, subset: 'v1', routeEdgeId: undefined },
      { namespace: 'web', labels: {} },
      80,
    );
    expect(r.destinationRule).toBe('DestinationRule web/api-client');
    expect(r.problems).toEqual(['DestinationRule web/api-client defines no subset "v1" (503, no cluster)']);
    expect(r.workloads).toEqual([]);
  });
  it('reports an unknown host', () => {
    const r = resolveDestination(
      d.model,
      d.index,
      {
        ...input,
        host: 'nope',
        fqdn: 'nope.prod.svc.cluster.local',
        subset: undefined,
        routeEdgeId: undefined,
      },
      { namespace: 'prod', labels: {} },
      80,
    );
    expect(r.problems[0]).toMatch(/No Service or ServiceEntry for host nope/);
    expect(r.nodeIds).toContain('missing:nope.prod.svc.cluster.local');
  });
});
