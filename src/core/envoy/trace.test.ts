import { describe, expect, it } from 'vitest';
import { traceForJson } from './json-api';
import { trace } from './trace';
import { bookinfoText, modelOf } from './test-helpers';

const sidecar = { kind: 'sidecar', namespace: 'default', labels: { app: 'productpage' }, ips: ['10.0.0.1'] };

describe('trace', () => {
  const model = modelOf(
    bookinfoText('destination-rule-all', 'virtual-service-reviews-jason-v2-v3', 'bookinfo-gateway'),
  );

  it('follows a sidecar request to its weighted clusters or single cluster, evaluating headers', () => {
    const jason = traceForJson(model, sidecar, {
      host: 'reviews',
      port: 9080,
      protocol: 'http',
      headers: { 'end-user': 'jason' },
    });
    expect(jason).toMatchObject({
      listener: '0.0.0.0_9080',
      routeConfig: '9080',
      virtualHost: 'reviews.default.svc.cluster.local:9080',
      cluster: 'outbound|9080|v2|reviews.default.svc.cluster.local',
    });
    // Istio's simulator matches by path only and would take the jason route here; Envoy checks the header.
    const other = traceForJson(model, sidecar, { host: 'reviews', port: 9080, protocol: 'http' });
    expect(other.cluster).toBe('outbound|9080|v3|reviews.default.svc.cluster.local');
    expect(other.error).toBeUndefined();
  });

  it('sends unknown hosts through allow_any, or gets block_all under REGISTRY_ONLY', () => {
    const p = { kind: 'sidecar' as const, namespace: 'default', labels: {} };
    const r = trace(model, p, { host: 'example.com', port: 9080, protocol: 'http' });
    expect([r.virtualHost, r.cluster]).toEqual(['allow_any', 'PassthroughCluster']);
    const s = trace(
      model,
      p,
      { host: 'example.com', port: 9080, protocol: 'http' },
      { outboundTrafficPolicy: 'REGISTRY_ONLY' },
    );
    expect([s.virtualHost, s.cluster, s.envoyRoute?.directResponse?.status]).toEqual([
      'block_all',
      undefined,
      502,
    ]);
  });

  it('traces the ingress gateway on its target port and reports Istio error texts', () => {
    const gw = { kind: 'gateway', namespace: 'istio-system', labels: { istio: 'ingressgateway' } };
    expect(
      traceForJson(model, gw, {
        host: 'bookinfo.example',
        port: 8080,
        protocol: 'http',
        path: '/productpage',
      }),
    ).toMatchObject({
      listener: '0.0.0.0_8080',
      routeConfig: 'http.8080',
      virtualHost: '*:8080',
      cluster: 'outbound|9080||productpage.default.svc.cluster.local',
    });
    expect(traceForJson(model, gw, { host: 'x', port: 8080, protocol: 'http', path: '/nothing' }).error).toBe(
      'no route matched',
    );
    expect(traceForJson(model, gw, { host: 'x', port: 81, protocol: 'http' }).error).toBe(
      'no listener matched',
    );
    expect(traceForJson(model, gw, { host: 'x', port: 8080, protocol: 'tcp' }).error).toBe('protocol error');
  });
});
