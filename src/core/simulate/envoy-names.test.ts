import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { envoyNamesFor } from './envoy-names';
import { createRequest } from './request';
import { simulate } from './simulate';
import type { SimRequest } from './types';

const BOOKINFO = resolve(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const load = (...files: string[]) =>
  files.map((f) => readFileSync(resolve(BOOKINFO, f), 'utf8')).join('\n---\n');
const base = ['platform/kube/bookinfo.yaml', 'networking/destination-rule-all.yaml'];

function names(text: string, req: Partial<SimRequest> & { host: string }) {
  const d = derive(text);
  const request = createRequest(req);
  const result = simulate(d.model, d.index, request);
  return { result, names: envoyNamesFor(d.model, request, result) };
}

describe('envoyNamesFor: the Envoy names of a simulated request (core/envoy trace)', () => {
  it('names route config, virtual host and both weighted clusters of reviews 80/20, agreeing with the walk', () => {
    const { names: n } = names(load(...base, 'networking/virtual-service-reviews-80-20.yaml'), {
      host: 'reviews',
    });
    expect(n).toMatchObject({
      proxy: { kind: 'sidecar', namespace: 'default' },
      routeConfig: '9080',
      virtualHost: 'reviews.default.svc.cluster.local:9080',
      clusters: [
        'outbound|9080|v1|reviews.default.svc.cluster.local',
        'outbound|9080|v2|reviews.default.svc.cluster.local',
      ],
      disagreement: undefined,
    });
  });

  it('follows the header match: jason to v2, anyone else to v3, with the route Envoy took', () => {
    const text = load(...base, 'networking/virtual-service-reviews-jason-v2-v3.yaml');
    const jason = names(text, { host: 'reviews', headers: { 'end-user': 'jason' } }).names;
    const bob = names(text, { host: 'reviews', headers: { 'end-user': 'bob' } }).names;
    expect(jason?.clusters).toEqual(['outbound|9080|v2|reviews.default.svc.cluster.local']);
    expect(bob?.clusters).toEqual(['outbound|9080|v3|reviews.default.svc.cluster.local']);
    expect([jason?.rule, bob?.rule]).toEqual(['default/reviews#http[0]', 'default/reviews#http[1]']);
    expect([jason?.disagreement, bob?.disagreement]).toEqual([undefined, undefined]);
  });

  it('traces the gateway proxy for a request entering by bookinfo-gateway', () => {
    const { names: n } = names(
      load(...base, 'networking/bookinfo-gateway.yaml', 'networking/virtual-service-all-v1.yaml'),
      { host: 'bookinfo.example', path: '/productpage', gateway: 'bookinfo-gateway' },
    );
    expect(n?.proxy).toEqual({ kind: 'gateway', namespace: 'default', labels: { istio: 'ingressgateway' } });
    expect(n?.routeConfig).toBe('http.8080');
    expect(n?.clusters).toEqual(['outbound|9080||productpage.default.svc.cluster.local']);
    expect(n?.disagreement).toBeUndefined();
  });

  it('a host nothing knows: Envoy passes it through (ALLOW_ANY), which is no disagreement with the walk', () => {
    const { result, names: n } = names(load(...base), { host: 'example.com', port: 80 });
    expect(result.outcome).toBe('unknown-host');
    // No HTTP listener on port 80 in bookinfo: the catch-all listener passes the connection through.
    expect(n?.clusters).toEqual(['PassthroughCluster']);
    expect(n?.disagreement).toBeUndefined();
  });

  it('a sidecar keeps the older VirtualService by creationTimestamp, whatever the text order', () => {
    const older = load('networking/virtual-service-reviews-v3.yaml').replace(
      '  name: reviews\n',
      '  name: reviews-old\n  creationTimestamp: "2020-01-01T00:00:00Z"\n',
    );
    const newer = load('networking/virtual-service-reviews-80-20.yaml').replace(
      '  name: reviews\n',
      '  name: reviews-new\n  creationTimestamp: "2024-01-01T00:00:00Z"\n',
    );
    const { result, names: n } = names([load(...base), newer, older].join('\n---\n'), { host: 'reviews' });
    expect(n?.clusters).toEqual(['outbound|9080|v3|reviews.default.svc.cluster.local']);
    expect(n?.rule).toBe('default/reviews-old#http[0]');
    expect(n?.disagreement).toBeUndefined();
    // The simulator's answer is Envoy's: the older VirtualService, and the newer one reported as ignored.
    expect(result.rule?.id).toBe('default/reviews-old#http[0]');
    expect(result.destinations.map((d) => [d.subset, d.probability])).toEqual([['v3', 1]]);
    expect(result.shadowed).toEqual(['VirtualService default/reviews-new']);
    expect(result.virtualServices).toEqual(['VirtualService default/reviews-old']);
  });
});
