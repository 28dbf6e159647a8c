import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../derive';
import { placeIncrementally } from '../graph/layout';
import { GHOST_EDGE_SUFFIX, unionGraphs } from './graph-union';

// Istio's bookinfo samples (Apache-2.0, see test/fixtures/corpus/README.md).
const CORPUS = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo/networking');
const read = (p: string) => readFileSync(join(CORPUS, p), 'utf8');
const DR_ALL = read('destination-rule-all.yaml');
const VS_80_20 = read('virtual-service-reviews-80-20.yaml');
const VS_50_V3 = read('virtual-service-reviews-50-v3.yaml');
const VS_V3 = read('virtual-service-reviews-v3.yaml');
const VS_JASON = read('virtual-service-reviews-jason-v2-v3.yaml');

const graphOf = (...docs: string[]) => derive(docs.join('\n---\n')).graph;
const ROUTE = (rule: number, dest: number) => `route:default/reviews/http/${rule}/${dest}`;

describe('unionGraphs on bookinfo pairs', () => {
  it('marks nothing when both texts are the same, even with the documents in another order', () => {
    const u = unionGraphs(graphOf(DR_ALL, VS_80_20), graphOf(VS_80_20, DR_ALL));
    expect([...u.nodes]).toEqual([]);
    expect([...u.edges]).toEqual([]);
    expect(u.ghosts.size).toBe(0);
  });

  it('80/20 → 50/50 v3: v1 edge changed with both shares, v2 edge a ghost, v3 edge added', () => {
    const base = graphOf(DR_ALL, VS_80_20);
    const u = unionGraphs(base, graphOf(DR_ALL, VS_50_V3));
    expect(u.edges.get(ROUTE(0, 0))).toEqual({ change: 'changed', basePercent: 80, headPercent: 50 });
    // Destination 1 went from subset v2 to v3: the same edge id with another target, so a new edge and a ghost.
    expect(u.edges.get(ROUTE(0, 1))).toEqual({ change: 'added', headPercent: 50 });
    const ghostId = ROUTE(0, 1) + GHOST_EDGE_SUFFIX;
    expect(u.edges.get(ghostId)).toEqual({ change: 'removed', basePercent: 20 });
    expect(u.ghosts.has(ghostId)).toBe(true);
    const ghost = u.graph.edges.find((e) => e.id === ghostId);
    expect(ghost?.target).toBe('subset:default/reviews/v2');
    expect(u.graph.edges.find((e) => e.id === ROUTE(0, 1))?.target).toBe('subset:default/reviews/v3');
    // The VirtualService's row changed nothing it shows (no match); the subsets are the same.
    expect(u.nodes.get('subset:default/reviews/v2')).toBeUndefined();
  });

  it('a resource the comparison names changed is marked on its node, not on its subsets', () => {
    const base = graphOf(DR_ALL, VS_80_20);
    const head = graphOf(DR_ALL, VS_50_V3);
    expect(unionGraphs(base, head).nodes.get('virtualservice:default/reviews')).toBeUndefined();
    const refs = new Set(['VirtualService default/reviews', 'DestinationRule default/reviews']);
    const u = unionGraphs(base, head, refs);
    expect(u.nodes.get('virtualservice:default/reviews')).toBe('changed');
    expect(u.nodes.get('destinationrule:default/reviews')).toBe('changed');
    expect(u.nodes.get('subset:default/reviews/v1')).toBeUndefined();
  });

  it('80/20 → all v3: the second destination is a ghost edge with its old share', () => {
    const u = unionGraphs(graphOf(DR_ALL, VS_80_20), graphOf(DR_ALL, VS_V3));
    expect(u.edges.get(ROUTE(0, 1))).toEqual({ change: 'removed', basePercent: 20 });
    expect(u.edges.get(ROUTE(0, 0))).toEqual({ change: 'added', headPercent: 100 });
    expect(u.graph.edges.filter((e) => e.id.startsWith('route:')).length).toBe(3);
  });

  it('a new header rule: the VirtualService changed, its new row edges added', () => {
    const u = unionGraphs(graphOf(DR_ALL, VS_80_20), graphOf(DR_ALL, VS_JASON));
    expect(u.nodes.get('virtualservice:default/reviews')).toBe('changed');
    expect(u.edges.get(ROUTE(1, 0))?.change).toBe('added');
  });

  it('a removed rule row stays on the VirtualService, so its ghost edge has a handle to start from', () => {
    const base = graphOf(DR_ALL, VS_JASON);
    const head = graphOf(DR_ALL, VS_V3);
    const u = unionGraphs(base, head);
    const vs = u.graph.nodes.find((n) => n.id === 'virtualservice:default/reviews');
    if (vs?.kind !== 'virtualservice') throw new Error('no VirtualService');
    const headVs = head.nodes.find((n) => n.id === vs.id);
    expect(vs.rows.length).toBe(2);
    expect(vs.height).toBeGreaterThan(headVs?.height ?? Infinity);
    const ghost = [...u.edges].filter(([, m]) => m.change === 'removed').map(([id]) => id);
    const handles = new Set(vs.rows.map((r) => r.handle));
    for (const id of ghost) {
      const e = u.graph.edges.find((x) => x.id === id);
      if (e?.sourceHandle) expect(handles.has(e.sourceHandle)).toBe(true);
    }
  });
});

describe('ghost nodes', () => {
  const DR_NO_V2 = DR_ALL.replace(/ {2}- name: v2\n {4}labels:\n {6}version: v2\n/, '');

  it('a removed subset is a ghost inside its rule, which grows to hold it, placed after the head subsets', () => {
    expect(DR_NO_V2).not.toBe(DR_ALL);
    const head = graphOf(DR_NO_V2, VS_80_20);
    const u = unionGraphs(graphOf(DR_ALL, VS_80_20), head);
    const id = 'subset:default/reviews/v2';
    // In the head, the 80/20 route to v2 points at a "missing" node: the union keeps both.
    expect(u.nodes.get(id)).toBe('removed');
    expect(u.ghosts.has(id)).toBe(true);
    const dr = u.graph.nodes.find((n) => n.id === 'destinationrule:default/reviews');
    const headDr = head.nodes.find((n) => n.id === 'destinationrule:default/reviews');
    expect(dr && headDr && dr.height > headDr.height).toBe(true);
    const order = u.graph.nodes.map((n) => n.id);
    expect(order.indexOf(id)).toBeGreaterThan(order.indexOf('destinationrule:default/reviews'));
    // Laid out, the ghost subset sits below the two left, inside its rule.
    const at = placeIncrementally(u.graph, new Map());
    const v3 = at.get('subset:default/reviews/v3');
    const ghost = at.get(id);
    expect(ghost && v3 && ghost.y > v3.y).toBe(true);
    expect(ghost && dr && ghost.y + 44 <= dr.height).toBe(true);
  });

  it('a removed resource is a ghost with its children, and an added one is marked added', () => {
    const u = unionGraphs(graphOf(DR_ALL, VS_80_20), graphOf(VS_80_20));
    expect(u.nodes.get('destinationrule:default/reviews')).toBe('removed');
    expect(u.nodes.get('subset:default/reviews/v1')).toBe('removed');
    const back = unionGraphs(graphOf(VS_80_20), graphOf(DR_ALL, VS_80_20));
    expect(back.nodes.get('destinationrule:default/reviews')).toBe('added');
    expect(back.ghosts.size).toBeGreaterThan(0); // the "missing" nodes of the base are gone
    const order = u.graph.nodes.map((n) => n.id);
    for (const n of u.graph.nodes)
      if (n.parentId) expect(order.indexOf(n.parentId)).toBeLessThan(order.indexOf(n.id));
  });
});
