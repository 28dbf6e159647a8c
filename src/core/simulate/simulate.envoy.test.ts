import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { createRequest } from './request';
import { simulate } from './simulate';
import type { SimRequest } from './types';

const BOOKINFO = resolve(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo');
const bookinfo = ['platform/kube/bookinfo.yaml', 'networking/destination-rule-all.yaml']
  .map((f) => readFileSync(resolve(BOOKINFO, f), 'utf8'))
  .join('\n---\n');
const run = (text: string, req: Partial<SimRequest> & { host: string }) => {
  const d = derive(`${bookinfo}\n---\n${text}`);
  return simulate(d.model, d.index, createRequest(req));
};

const gateway = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
`;

describe("simulate decides by Envoy's tables (core/envoy trace)", () => {
  it('names listener, route configuration, virtual host, route and clusters of reviews 80/20', () => {
    const vs = readFileSync(resolve(BOOKINFO, 'networking/virtual-service-reviews-80-20.yaml'), 'utf8');
    const r = run(vs, { host: 'reviews' });
    expect(r.envoy).toMatchObject({
      listener: '0.0.0.0_9080',
      routeConfig: '9080',
      virtualHost: 'reviews.default.svc.cluster.local:9080',
      rule: 'default/reviews#http[0]',
      clusters: [
        'outbound|9080|v1|reviews.default.svc.cluster.local',
        'outbound|9080|v2|reviews.default.svc.cluster.local',
      ],
      disagreement: undefined,
    });
    expect(r.destinations.map((d) => [d.subset, d.probability])).toEqual([
      ['v1', 0.8],
      ['v2', 0.2],
    ]);
    expect(r.highlight.edges).toContain('route:default/reviews/http/0/1');
  });

  it("at a gateway, sourceLabels are the gateway pods': a match for them applies, one for the client is dropped", () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings}
spec:
  hosts: [ratings.example.com]
  gateways: [gw]
  http:
  - match: [{sourceLabels: {app: productpage}}]
    route: [{destination: {host: ratings, subset: v2}}]
  - match: [{sourceLabels: {istio: ingressgateway}, uri: {prefix: /}}]
    route: [{destination: {host: ratings, subset: v1}}]
`;
    // The person's client labels say productpage, but the gateway's pods route this request.
    const r = run(`${gateway}---\n${vs}`, {
      host: 'ratings.example.com',
      gateway: 'gw',
      sourceLabels: { app: 'productpage' },
    });
    expect(r.rule?.id).toBe('default/ratings#http[1]');
    expect(r.destinations.map((d) => d.subset)).toEqual(['v1']);
    expect(r.envoy?.routeConfig).toBe('http.80');
    expect(r.notes).toContain(
      'default/ratings#http[0] is not in this proxy\'s routes: sourceLabels app: expected "productpage", got nothing.',
    );
  });

  it('a sidecar skips a match whose sourceLabels do not fit it, and the rule after it routes', () => {
    const vs = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - match: [{sourceLabels: {app: productpage}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - route: [{destination: {host: reviews, subset: v1}}]
`;
    const fromRatings = run(vs, { host: 'reviews', sourceLabels: { app: 'ratings' } });
    expect(fromRatings.rule?.id).toBe('default/reviews#http[1]');
    // Envoy's routes for the ratings sidecar do not hold rule 0 at all: it is a note, not a tried rule.
    expect(fromRatings.trace.map((t) => t.rule.id)).toEqual(['default/reviews#http[1]']);
    const fromProductpage = run(vs, { host: 'reviews', sourceLabels: { app: 'productpage' } });
    expect(fromProductpage.rule?.id).toBe('default/reviews#http[0]');
    expect(fromProductpage.envoy?.clusters).toEqual(['outbound|9080|v2|reviews.default.svc.cluster.local']);
  });

  it('a gateway merges VirtualServices for a host and moves catch-alls last: /api reaches the newer one', () => {
    const vs = (name: string, ts: string, http: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ${name}, creationTimestamp: "${ts}"}
spec:
  hosts: [shop.example.com]
  gateways: [gw]
  http:
${http}`;
    const text = [
      gateway,
      vs('all', '2020-01-01T00:00:00Z', '  - route: [{destination: {host: productpage}}]\n'),
      vs(
        'api',
        '2021-01-01T00:00:00Z',
        '  - match: [{uri: {prefix: /api}}]\n    route: [{destination: {host: details}}]\n',
      ),
    ].join('---\n');
    const api = run(text, { host: 'shop.example.com', path: '/api/x', gateway: 'gw' });
    expect(api.rule?.id).toBe('default/api#http[0]');
    expect(api.envoy?.clusters).toEqual(['outbound|9080||details.default.svc.cluster.local']);
    expect(api.virtualServices).toEqual(['VirtualService default/api', 'VirtualService default/all']);
    const home = run(text, { host: 'shop.example.com', path: '/', gateway: 'gw' });
    expect(home.rule?.id).toBe('default/all#http[0]');
    // The rule tried first is the one Envoy holds first (the merged, reordered routes).
    expect(home.trace.map((t) => [t.rule.id, t.matched])).toEqual([
      ['default/api#http[0]', false],
      ['default/all#http[0]', true],
    ]);
  });

  it('a host nothing knows goes through PassthroughCluster (ALLOW_ANY) or is blocked (REGISTRY_ONLY)', () => {
    const d = derive(bookinfo);
    const req = createRequest({ host: 'example.com', port: 80 });
    const allow = simulate(d.model, d.index, req);
    expect([allow.outcome, allow.envoy?.clusters]).toEqual(['unknown-host', ['PassthroughCluster']]);
    expect(allow.summary).toContain('PassthroughCluster');
    const block = simulate(d.model, d.index, req, { outboundTrafficPolicy: 'REGISTRY_ONLY' });
    expect(block.outcome).toBe('unknown-host');
    expect(block.summary).not.toContain('PassthroughCluster');
    expect(block.envoy?.clusters).not.toContain('PassthroughCluster');
  });

  it("a service without VirtualService takes Envoy's `default` route to its cluster", () => {
    const r = run('', { host: 'details' });
    expect(r.outcome).toBe('default-route');
    expect(r.envoy?.route).toBe('default');
    expect(r.envoy?.clusters).toEqual(['outbound|9080||details.default.svc.cluster.local']);
    expect(r.destinations.map((d) => d.workloads)).toEqual([['Deployment default/details-v1']]);
  });
});
