import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildClusters, buildRoutes } from '../../../core/envoy';
import { derive } from '../../../core/derive';
import { clusterTarget, routeTarget, virtualServiceTarget } from './source-target';

const d = derive(readFileSync('src/examples/ab-header.yaml', 'utf8'));
const proxy = { kind: 'sidecar' as const, namespace: 'default', labels: { app: 'productpage' } };
const fqdn = 'reviews.default.svc.cluster.local';
const routes = buildRoutes(d.model, proxy)
  .flatMap((rc) => rc.virtualHosts)
  .filter((vh) => vh.name === `${fqdn}:9080`)
  .flatMap((vh) => vh.routes);
const textOf = (r: [number, number] | undefined) => (r ? d.text.slice(r[0], r[1]) : undefined);

describe('routeTarget', () => {
  it("reveals the jason rule's match and selects its route edge", () => {
    const t = routeTarget(d.model, d.parsed, routes[0]!);
    expect(textOf(t?.range)).toMatch(/^headers:\n\s+end-user:\n\s+exact: jason$/);
    expect(t?.edgeId).toBe('route:default/reviews/http/0/0');
    expect(t?.nodeId).toBe('virtualservice:default/reviews');
  });
  it('reveals the whole default rule when it has no match', () => {
    const t = routeTarget(d.model, d.parsed, routes[1]!);
    expect(textOf(t?.range)).toContain('name: default');
    expect(textOf(t?.range)).toContain('subset: v1');
    expect(textOf(t?.range)).not.toContain('jason');
    expect(t?.edgeId).toBe('route:default/reviews/http/1/0');
  });
  it('has nothing for the routes istiod makes up', () => {
    const allowAny = buildRoutes(d.model, proxy)
      .flatMap((rc) => rc.virtualHosts)
      .find((vh) => vh.name === 'allow_any');
    expect(allowAny?.routes[0]).toBeDefined();
    expect(routeTarget(d.model, d.parsed, allowAny!.routes[0]!)).toBeUndefined();
  });
});

describe('clusterTarget', () => {
  const clusters = buildClusters(d.model, proxy);
  it('reveals the subset of a subset cluster', () => {
    const c = clusters.find((x) => x.name === `outbound|9080|v2|${fqdn}`)!;
    const t = clusterTarget(d.model, d.parsed, c);
    expect(t?.nodeId).toBe('subset:default/reviews/v2');
    expect(textOf(t?.range)).toMatch(/^name: v2\n\s+labels:\n\s+version: v2$/);
  });
  it('reveals the DestinationRule of the default cluster', () => {
    const c = clusters.find((x) => x.name === `outbound|9080||${fqdn}`)!;
    expect(clusterTarget(d.model, d.parsed, c)?.nodeId).toBe('destinationrule:default/reviews');
  });
});

it('virtualServiceTarget reveals the whole VirtualService', () => {
  const t = virtualServiceTarget(d.model, d.parsed, 'VirtualService default/reviews');
  expect(textOf(t?.range)).toMatch(/^apiVersion: networking.istio.io\/v1[\s\S]*subset: v1$/);
  expect(virtualServiceTarget(d.model, d.parsed, 'VirtualService default/nope')).toBeUndefined();
});
