import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { createRequest } from './request';
import { simulate } from './simulate';
import type { SimRequest } from './types';

const CORPUS = resolve(__dirname, '../../../test/fixtures/corpus');
const BOOKINFO = 'istio/samples/bookinfo';
const load = (...files: string[]) =>
  files.map((f) => readFileSync(resolve(CORPUS, f), 'utf8')).join('\n---\n');
const platform = [
  `${BOOKINFO}/platform/kube/bookinfo.yaml`,
  `${BOOKINFO}/networking/destination-rule-all.yaml`,
];
const run = (text: string, req: Partial<SimRequest> & { host: string }) => {
  const d = derive(text);
  return simulate(d.model, d.index, createRequest(req));
};

describe('simulate on Istio bookinfo samples', () => {
  const jason = load(...platform, `${BOOKINFO}/networking/virtual-service-reviews-jason-v2-v3.yaml`);

  it('sends end-user: jason to v2 (reviews-jason-v2-v3)', () => {
    const r = run(jason, { host: 'reviews', headers: { 'end-user': 'jason' } });
    expect(r.outcome).toBe('routed');
    expect(r.rule?.id).toBe('default/reviews#http[0]');
    expect(r.matchIndex).toBe(0);
    expect(r.destinations.map((d) => [d.subset, d.probability])).toEqual([['v2', 1]]);
    expect(r.destinations[0]?.workloads).toEqual(['Deployment default/reviews-v2']);
    expect(r.highlight.nodes).toContain('subset:default/reviews/v2');
    expect(r.highlight.nodes).toContain('deployment:default/reviews-v2');
    expect(r.highlight.edges).toContain('route:default/reviews/http/0/0');
    expect(r.highlight.edges).toContain('selects:subset:default/reviews/v2->deployment:default/reviews-v2');
    expect(r.highlight.nodes).not.toContain('deployment:default/reviews-v3');
  });

  it('sends any other user to v3 and records why rule 0 failed', () => {
    const r = run(jason, { host: 'reviews', headers: { 'end-user': 'bob' } });
    expect(r.rule?.id).toBe('default/reviews#http[1]');
    expect(r.destinations[0]?.subset).toBe('v3');
    expect(r.trace[0]?.failure).toBe('header end-user: expected exact "jason", got "bob"');
    expect(r.highlight.edges).toContain('route:default/reviews/http/1/0');
    expect(r.highlight.edges).not.toContain('route:default/reviews/http/0/0');
  });

  it('splits reviews 80/20 as 0.8/0.2 (reviews-80-20)', () => {
    const r = run(load(...platform, `${BOOKINFO}/networking/virtual-service-reviews-80-20.yaml`), {
      host: 'reviews',
    });
    expect(r.destinations.map((d) => [d.subset, d.probability])).toEqual([
      ['v1', 0.8],
      ['v2', 0.2],
    ]);
    expect(r.summary).toContain('reviews v1 80%');
  });

  it('routes jason to v2 and everyone else to v1 (reviews-test-v2)', () => {
    const text = load(...platform, `${BOOKINFO}/networking/virtual-service-reviews-test-v2.yaml`);
    expect(run(text, { host: 'reviews', headers: { 'end-user': 'jason' } }).destinations[0]?.subset).toBe(
      'v2',
    );
    expect(run(text, { host: 'reviews' }).destinations[0]?.subset).toBe('v1');
  });

  it('reports the abort fault for jason on ratings (ratings-test-abort)', () => {
    const text = load(...platform, `${BOOKINFO}/networking/virtual-service-ratings-test-abort.yaml`);
    const r = run(text, { host: 'ratings', headers: { 'end-user': 'jason' } });
    expect(r.features?.fault?.abort).toEqual({ httpStatus: 500, grpcStatus: undefined, percent: 100 });
    expect(run(text, { host: 'ratings' }).features?.fault).toBeUndefined();
  });

  it('reports the 7s delay for jason (ratings-test-delay)', () => {
    const text = load(...platform, `${BOOKINFO}/networking/virtual-service-ratings-test-delay.yaml`);
    const r = run(text, { host: 'ratings', headers: { 'end-user': 'jason' } });
    expect(r.features?.fault?.delay).toEqual({ fixedDelay: '7s', percent: 100 });
  });

  it('enters by bookinfo-gateway: /productpage routes, /admin is a 404 with the closest rule', () => {
    const text = load(...platform, `${BOOKINFO}/networking/bookinfo-gateway.yaml`);
    const ok = run(text, { host: 'bookinfo.example', path: '/static/app.js', gateway: 'bookinfo-gateway' });
    expect(ok.rule?.id).toBe('default/bookinfo#http[0]');
    expect(ok.matchIndex).toBe(1);
    expect(ok.port).toBe(8080);
    expect(ok.destinations[0]?.port).toBe(9080);
    expect(ok.highlight.edges).toContain(
      'binds:gateway:default/bookinfo-gateway->virtualservice:default/bookinfo',
    );
    const miss = run(text, { host: 'bookinfo.example', path: '/admin', gateway: 'default/bookinfo-gateway' });
    expect(miss.outcome).toBe('no-match');
    expect(miss.closest?.rule.id).toBe('default/bookinfo#http[0]');
    expect(miss.closest?.failure).toBe('uri: expected exact "/productpage", got "/admin"');
    expect(miss.summary).toContain('404');
  });

  it('does not apply gateway-bound VirtualServices to mesh traffic', () => {
    const text = load(...platform, `${BOOKINFO}/networking/bookinfo-gateway.yaml`);
    const r = run(text, { host: 'productpage', path: '/productpage' });
    expect(r.outcome).toBe('default-route');
    expect(r.destinations[0]?.workloads).toEqual(['Deployment default/productpage-v1']);
  });

  it('applies the host traffic policy and reports a missing subset (destination-rule-reviews)', () => {
    const kube = load(`${BOOKINFO}/platform/kube/bookinfo.yaml`);
    const dr = load(`${BOOKINFO}/networking/destination-rule-reviews.yaml`);
    const vs = load(`${BOOKINFO}/networking/virtual-service-reviews-v3.yaml`);
    const ok = run([kube, dr, vs].join('\n---\n'), { host: 'reviews' });
    expect(ok.destinations[0]?.trafficPolicy).toEqual({ loadBalancer: { simple: 'RANDOM' } });
    expect(ok.destinations[0]?.policySources).toEqual({ loadBalancer: 'host' });
    const withoutV3 = dr.replace(/- name: v3\n\s+labels:\n\s+version: v3/, '');
    expect(withoutV3).not.toContain('v3');
    const r = run([kube, withoutV3, vs].join('\n---\n'), { host: 'reviews' });
    expect(r.destinations[0]?.problems.join(' ')).toMatch(/no subset "v3"/);
    expect(r.destinations[0]?.workloads).toEqual([]);
    expect(r.highlight.nodes).toContain('missing:reviews.default.svc.cluster.local/v3');
  });
});

describe('simulate on istio.io reference examples', () => {
  it('follows a delegate to the delegate VirtualService rules', () => {
    const text = load(
      'wild/istio__istio.io__content_en_docs_reference_config_networking_virtual-service_index.html__delegate.yaml',
    );
    const gw =
      'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: mygateway}\nspec:\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["*"]\n';
    const r = run(`${text}\n---\n${gw}`, {
      host: 'bookinfo.com',
      path: '/productpage/v1/x',
      gateway: 'mygateway',
    });
    expect(r.delegatedFrom?.id).toBe('default/bookinfo#http[0]');
    expect(r.rule?.id).toBe('nsA/productpage#http[0]');
    expect(r.destinations[0]?.fqdn).toBe('productpage-v1.nsa.svc.cluster.local');
    expect(r.highlight.edges).toContain(
      'delegate:virtualservice:default/bookinfo->virtualservice:nsA/productpage',
    );
    const other = run(`${text}\n---\n${gw}`, {
      host: 'bookinfo.com',
      path: '/productpage',
      gateway: 'mygateway',
    });
    expect(other.rule?.id).toBe('nsA/productpage#http[1]');
  });

  it('matches tcp rules by port', () => {
    const text = load(
      'wild/istio__istio.io__content_en_docs_reference_config_networking_virtual-service_index.html__tcp.yaml',
    );
    // Istio builds a TCP listener only for a host the registry knows: with no Service for mongo.prod the
    // sidecar passes the connection through, whatever the VirtualService says.
    const bare = run(text, { host: 'mongo.prod.svc.cluster.local', port: 27017, protocol: 'tcp' });
    expect([bare.outcome, bare.rule, bare.envoy?.clusters]).toEqual([
      'unknown-host',
      undefined,
      ['PassthroughCluster'],
    ]);
    const svc = (ns: string, port: number) =>
      `apiVersion: v1\nkind: Service\nmetadata: {name: mongo, namespace: ${ns}}\nspec:\n  selector: {app: mongo}\n  ports: [{name: tcp-mongo, port: ${port}}]\n`;
    const withSvc = [text, svc('prod', 27017), svc('backup', 5555)].join('\n---\n');
    const r = run(withSvc, { host: 'mongo.prod.svc.cluster.local', port: 27017, protocol: 'tcp' });
    expect(r.rule?.id).toBe('default/bookinfo-mongo#tcp[0]');
    expect(r.destinations[0]?.port).toBe(5555);
    expect(r.envoy?.clusters).toEqual(['outbound|5555||mongo.backup.svc.cluster.local']);
    const miss = run(withSvc, { host: 'mongo.prod.svc.cluster.local', port: 1, protocol: 'tcp' });
    expect(miss.closest?.failure).toBe('port: expected 27017, got 1');
  });

  it('matches tls rules by SNI through the gateway', () => {
    const text = load(
      'wild/istio__istio.io__content_en_docs_reference_config_networking_virtual-service_index.html__tls-sni.yaml',
    );
    const gw =
      'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: mygateway}\nspec:\n  servers:\n  - port: {number: 443, name: tls, protocol: TLS}\n    tls: {mode: PASSTHROUGH}\n    hosts: ["*.bookinfo.com"]\n';
    const req = { port: 443, protocol: 'tls' as const, gateway: 'mygateway' };
    expect(run(`${text}\n---\n${gw}`, { ...req, host: 'reviews.bookinfo.com' }).rule?.id).toBe(
      'default/bookinfo-sni#tls[1]',
    );
    expect(run(`${text}\n---\n${gw}`, { ...req, host: 'login.bookinfo.com' }).rule?.id).toBe(
      'default/bookinfo-sni#tls[0]',
    );
  });

  it('answers a direct response without destinations', () => {
    // The doc snippet ends with an indented `...` (an elision), which is not YAML; drop it.
    const text = load(
      'wild/istio__istio.io__content_en_docs_reference_config_networking_virtual-service_index.html__direct-response-ellipsis.yaml',
    ).replace(/^\s+\.\.\.\s*$/m, '');
    const r = run(text, { host: 'ratings.prod.svc.cluster.local', path: '/v1/getProductRatings' });
    expect(r.outcome).toBe('direct-response');
    expect(r.features?.directResponse).toEqual({ status: 503, body: '{"error": "unknown error"}' });
    expect(r.destinations).toEqual([]);
  });

  it('computes a redirect location', () => {
    const text = load('istio/tests/testdata/config/rule-redirect-injection.yaml');
    const r = run(text, {
      host: 'redirect.test.istio.io',
      path: '/old',
      headers: { testredirect: 'enabled' },
    });
    expect(r.outcome).toBe('redirect');
    expect(r.features?.redirect).toEqual({
      location: 'http://redirect2.test.istio.io/new/path',
      status: 301,
    });
  });
});

describe('simulate without a VirtualService', () => {
  it('says when no resource knows the host', () => {
    const r = run(load(...platform), { host: 'nowhere.example.com' });
    expect(r.outcome).toBe('unknown-host');
    expect(r.destinations).toEqual([]);
  });

  it('says when the gateway does not exist or refuses the host', () => {
    expect(run(load(...platform), { host: 'x', gateway: 'nope/gw' }).summary).toMatch(/does not exist/);
    const gw =
      'apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: g}\nspec:\n  servers:\n  - port: {number: 80, name: http, protocol: HTTP}\n    hosts: ["a.example.com"]\n';
    const r = run(`${load(...platform)}\n---\n${gw}`, { host: 'b.example.com', gateway: 'g' });
    expect(r.outcome).toBe('no-match');
    expect(r.summary).toMatch(/no server for host b\.example\.com/);
  });
});
