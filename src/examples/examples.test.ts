import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { derive } from '../core/derive';
import type { GraphEdge } from '../core/graph/types';
import { DEFAULT_EXAMPLE, exampleBySlug, examples } from './index';

function edge(edges: GraphEdge[], id: string): GraphEdge {
  const e = edges.find((x) => x.id === id);
  if (!e) throw new Error(`no edge ${id} in ${edges.map((x) => x.id).join(', ')}`);
  return e;
}

/** What each example must draw: node and edge counts by kind, and key edges with their share. */
const expected: Record<
  string,
  { nodes: Record<string, number>; edges: Record<string, number>; key: [string, string, number][] }
> = {
  'bookinfo-canary': {
    nodes: { service: 1, deployment: 3, destinationrule: 1, subset: 3, virtualservice: 1 },
    edges: { route: 2, selects: 6 },
    key: [
      ['route:default/reviews/http/0/0', 'subset:default/reviews/v1', 90],
      ['route:default/reviews/http/0/1', 'subset:default/reviews/v2', 10],
    ],
  },
  'ab-header': {
    nodes: { service: 1, deployment: 2, destinationrule: 1, subset: 2, virtualservice: 1 },
    edges: { route: 2, selects: 4 },
    key: [
      ['route:default/reviews/http/0/0', 'subset:default/reviews/v2', 100],
      ['route:default/reviews/http/1/0', 'subset:default/reviews/v1', 100],
    ],
  },
  'blue-green': {
    nodes: { service: 1, deployment: 2, destinationrule: 1, subset: 2, virtualservice: 1 },
    edges: { route: 2, selects: 4 },
    key: [
      ['route:default/helloworld/http/0/0', 'subset:default/helloworld/blue', 100],
      ['route:default/helloworld/http/0/1', 'subset:default/helloworld/green', 0],
    ],
  },
  mirroring: {
    nodes: { service: 1, deployment: 2, destinationrule: 1, subset: 2, virtualservice: 1 },
    edges: { route: 1, mirror: 1, selects: 4 },
    key: [
      ['route:default/httpbin/http/0/0', 'subset:default/httpbin/v1', 100],
      ['mirror:default/httpbin/http/0', 'subset:default/httpbin/v2', 100],
    ],
  },
  'circuit-breaker': {
    nodes: { service: 1, deployment: 1, destinationrule: 1, virtualservice: 1 },
    edges: { route: 1, selects: 1 },
    key: [['route:default/httpbin/http/0/0', 'service:default/httpbin', 100]],
  },
  'sticky-sessions': {
    nodes: { service: 1, deployment: 2, destinationrule: 1, virtualservice: 1 },
    edges: { route: 1, selects: 2 },
    key: [['route:default/helloworld/http/0/0', 'service:default/helloworld', 100]],
  },
  mtls: {
    nodes: { service: 2, deployment: 3, destinationrule: 2, subset: 3, virtualservice: 1 },
    edges: { route: 2, selects: 6 },
    key: [
      ['route:default/reviews/http/0/0', 'subset:default/reviews/v1', 50],
      ['route:default/reviews/http/0/1', 'subset:default/reviews/v2', 50],
    ],
  },
  'fault-injection': {
    nodes: { service: 1, deployment: 1, destinationrule: 1, subset: 1, virtualservice: 1 },
    edges: { route: 3, selects: 2 },
    key: [
      ['route:default/ratings/http/0/0', 'subset:default/ratings/v1', 100],
      ['route:default/ratings/http/1/0', 'subset:default/ratings/v1', 100],
      ['route:default/ratings/http/2/0', 'subset:default/ratings/v1', 100],
    ],
  },
  'gateway-ingress': {
    nodes: { gateway: 1, service: 1, deployment: 1, virtualservice: 1 },
    edges: { route: 1, binds: 1, selects: 1 },
    key: [['route:default/httpbin/http/0/0', 'service:default/httpbin', 100]],
  },
};

function countBy<T>(items: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of items) out[key(i)] = (out[key(i)] ?? 0) + 1;
  return out;
}

describe('examples', () => {
  it('lists each slug once, with the default among them', () => {
    const slugs = examples.map((e) => e.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.sort()).toEqual(Object.keys(expected).sort());
    expect(exampleBySlug(DEFAULT_EXAMPLE)?.title).toMatch(/canary/i);
    expect(exampleBySlug('nope')).toBeUndefined();
  });

  for (const ex of examples) {
    describe(ex.slug, () => {
      const d = derive(ex.text);
      const want = expected[ex.slug];

      it('parses and validates with no error', () => {
        expect(d.parseErrors).toEqual([]);
        expect(d.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
        expect(d.graph.nodes.filter((n) => n.kind === 'missing')).toEqual([]);
      });

      it('is small, credits the Istio samples and names every resource', () => {
        expect(d.model.resources.length).toBeGreaterThanOrEqual(3);
        expect(d.model.resources.length).toBeLessThanOrEqual(10);
        expect(ex.text).toContain('Apache License 2.0');
        for (const doc of parseAllDocuments(ex.text)) {
          if (Array.isArray(doc)) throw new Error('unexpected empty stream');
          expect(doc.errors).toEqual([]);
          expect(doc.getIn(['metadata', 'name'])).toEqual(expect.any(String));
        }
        expect(d.model.others.every((r) => r.kind === 'PeerAuthentication')).toBe(true);
      });

      it('draws the nodes and edges it should', () => {
        expect(countBy(d.graph.nodes, (n) => n.kind)).toEqual(want?.nodes);
        expect(countBy(d.graph.edges, (e) => e.kind)).toEqual(want?.edges);
        for (const [id, target, percent] of want?.key ?? []) {
          const e = edge(d.graph.edges, id);
          expect(e.target).toBe(target);
          expect(e.percent).toBeCloseTo(percent);
        }
      });

      it('sums the weights of every route to 100 and names a port where a Service has several', () => {
        for (const vs of d.model.virtualServices) {
          for (const r of vs.routes) {
            const weights = r.destinations.map((x) => x.weight);
            if (weights.some((w) => w !== undefined))
              expect(weights.reduce<number>((s, w) => s + (w ?? 0), 0)).toBe(100);
            for (const dest of r.destinations) {
              const svc = d.model.services.find((s) => s.fqdn === dest.fqdn);
              if (svc && svc.ports.length > 1) expect(dest.port).toBeDefined();
            }
          }
        }
      });
    });
  }
});
