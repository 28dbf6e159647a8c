import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { derive } from '../derive';
import { layoutGraph, placeIncrementally } from './layout';

const text = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');

describe('layoutGraph', () => {
  const d = derive(text);
  const p = layoutGraph(d.graph);
  const x = (id: string) => p.get(id)?.x ?? NaN;
  it('puts VirtualServices left of DestinationRules left of Deployments', () => {
    expect(x('virtualservice:default/reviews')).toBeLessThan(x('destinationrule:default/reviews'));
    expect(x('destinationrule:default/reviews')).toBeLessThan(x('deployment:default/reviews-v1'));
  });
  it('keeps top-level nodes of one column from overlapping', () => {
    const col = d.graph.nodes.filter((n) => !n.parentId && x(n.id) === x('deployment:default/reviews-v1'));
    const spans = col
      .map((n) => [p.get(n.id)?.y ?? 0, (p.get(n.id)?.y ?? 0) + n.height])
      .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
    for (let i = 1; i < spans.length; i++)
      expect(spans[i]?.[0]).toBeGreaterThanOrEqual(spans[i - 1]?.[1] ?? 0);
  });
  it('orders subsets inside their rule as the YAML lists them', () => {
    expect(p.get('subset:default/reviews/v1')?.y).toBeLessThan(p.get('subset:default/reviews/v2')?.y ?? 0);
  });
});

describe('placeIncrementally', () => {
  it('keeps known positions and places a new node without overlap', () => {
    const before = derive(text);
    const known = layoutGraph(before.graph);
    const after = derive(
      `${text}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: reviews-v4}\nspec:\n  template:\n    metadata:\n      labels: {app: reviews, version: v4}\n`,
    );
    const placed = placeIncrementally(after.graph, known);
    for (const [id, pos] of known)
      if (!after.graph.nodes.find((n) => n.id === id)?.parentId) expect(placed.get(id)).toEqual(pos);
    const fresh = placed.get('deployment:default/reviews-v4');
    expect(fresh).toBeDefined();
    for (const n of after.graph.nodes.filter(
      (m) => !m.parentId && m.id !== 'deployment:default/reviews-v4',
    )) {
      const q = placed.get(n.id);
      if (!q || !fresh || q.x !== fresh.x) continue;
      const overlap = fresh.y < q.y + n.height && fresh.y + 84 > q.y;
      expect(overlap).toBe(false);
    }
  });
});

describe('layoutGraph with the canvas shape', () => {
  // The mTLS example: two unconnected components (reviews with its rule and routes; productpage).
  const mtls = derive(readFileSync('src/examples/mtls.yaml', 'utf8')).graph;
  const box = (p: Map<string, { x: number; y: number }>) => {
    let w = 0;
    let h = 0;
    for (const n of mtls.nodes) {
      const q = p.get(n.id);
      if (!q || n.parentId) continue;
      w = Math.max(w, q.x + n.width);
      h = Math.max(h, q.y + n.height);
    }
    return { w, h };
  };
  it('puts components side by side on a wide canvas and stacks them on a narrow one', () => {
    const wide = box(layoutGraph(mtls, { aspect: 4 }));
    const narrow = box(layoutGraph(mtls, { aspect: 0.5 }));
    expect(wide.w / wide.h).toBeGreaterThan(narrow.w / narrow.h);
    expect(narrow.h).toBeGreaterThan(wide.h);
  });
  it('keeps top-level nodes from overlapping when packed', () => {
    const p = layoutGraph(mtls, { aspect: 4 });
    const top = mtls.nodes.filter((n) => !n.parentId);
    for (const a of top)
      for (const b of top) {
        if (a === b) continue;
        const pa = p.get(a.id) ?? { x: 0, y: 0 };
        const pb = p.get(b.id) ?? { x: 0, y: 0 };
        const apart =
          pa.x + a.width <= pb.x ||
          pb.x + b.width <= pa.x ||
          pa.y + a.height <= pb.y ||
          pb.y + b.height <= pa.y;
        expect(apart, `${a.id} overlaps ${b.id}`).toBe(true);
      }
  });
});
