import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { derive } from '../../core/derive';
import { placeIncrementally } from '../../core/graph/layout';
import { edgesNear, nodeBoxes, sameWindow, viewOf, windowOf, type Rect } from './edges-in-view';

// Istio's bookinfo samples (Apache-2.0, see test/fixtures/corpus/README.md).
const CORPUS = join(__dirname, '../../../test/fixtures/corpus/istio/samples/bookinfo/networking');
const read = (p: string) => readFileSync(join(CORPUS, p), 'utf8');
const graph = derive(
  ['../platform/kube/bookinfo.yaml', 'destination-rule-all.yaml', 'virtual-service-reviews-80-20.yaml']
    .map(read)
    .join('\n---\n'),
).graph;
const positions = placeIncrementally(graph, new Map());
const boxes = nodeBoxes(graph, positions);
const ids = (es: readonly { id: string }[]) => es.map((e) => e.id).sort();
const V1 = 'route:default/reviews/http/0/0';
const V2 = 'route:default/reviews/http/0/1';

describe('edges near the view', () => {
  it('places a child node at its parent’s position plus its own', () => {
    const sub = graph.nodes.find((n) => n.id === 'subset:default/reviews/v1');
    const parent = positions.get(sub?.parentId ?? '');
    const own = positions.get(sub?.id ?? '');
    expect(boxes.get(sub?.id ?? '')).toMatchObject({
      x: (parent?.x ?? 0) + (own?.x ?? 0),
      y: (parent?.y ?? 0) + (own?.y ?? 0),
    });
  });

  it('keeps the edges whose nodes’ box meets the window, the selected one anywhere, and all without a view', () => {
    const edges = graph.edges;
    const v1 = boxes.get('subset:default/reviews/v1') as Rect;
    // A window around the subset v1 only: its route edge comes in, its box meets the window.
    const around: Rect = { x: v1.x + 1, y: v1.y + 1, width: 2, height: 2 };
    const near = edgesNear(edges, boxes, around, undefined);
    expect(ids(near)).toContain(V1);
    expect(near.length).toBeLessThan(edges.length);
    // Far away from everything: nothing, but the selected edge.
    const far: Rect = { x: 1e6, y: 1e6, width: 10, height: 10 };
    expect(edgesNear(edges, boxes, far, undefined)).toEqual([]);
    expect(ids(edgesNear(edges, boxes, far, V2))).toEqual([V2]);
    expect(edgesNear(edges, boxes, undefined, undefined)).toBe(edges);
  });

  it('keeps an edge that crosses the window with both nodes outside it', () => {
    const e = graph.edges.find((x) => x.id === V1);
    const a = boxes.get(e?.source ?? '') as Rect;
    const b = boxes.get(e?.target ?? '') as Rect;
    // A thin window between the two nodes, touching neither.
    const between: Rect = {
      x: Math.min(a.x + a.width, b.x + b.width) + 1,
      y: Math.min(a.y, b.y),
      width: 1,
      height: 1,
    };
    expect(between.x).toBeLessThan(Math.max(a.x, b.x));
    expect(ids(edgesNear(graph.edges, boxes, between, undefined))).toContain(V1);
  });

  it('hands back the last array when the same edges are kept', () => {
    const all: Rect = { x: -1e6, y: -1e6, width: 2e6, height: 2e6 };
    const first = edgesNear(graph.edges, boxes, all, undefined);
    expect(first).not.toBe(graph.edges);
    expect(edgesNear([...graph.edges], boxes, all, undefined, first)).toBe(first);
  });

  it('moves the window only when the view leaves its middle half, or zooms out', () => {
    const view = viewOf({ transform: [-100, -50, 2], width: 800, height: 600 });
    expect(view).toEqual({ x: 50, y: 25, width: 400, height: 300 });
    expect(viewOf({ transform: [0, 0, 1], width: 0, height: 0 })).toBeUndefined();
    const v = view as Rect;
    expect(windowOf(v)).toEqual({ x: -350, y: -275, width: 1200, height: 900 });
    expect(sameWindow(v, { ...v, x: v.x + 150 })).toBe(true);
    expect(sameWindow(v, { ...v, x: v.x + 250 })).toBe(false);
    expect(sameWindow(v, { x: v.x - 400, y: v.y - 300, width: 1200, height: 900 })).toBe(false);
    expect(sameWindow(undefined, v)).toBe(false);
  });
});
