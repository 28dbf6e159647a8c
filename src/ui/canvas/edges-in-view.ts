import type { ReactFlowState } from '@xyflow/react';
import type { Graph, Point } from '../../core/graph/types';

// React Flow rebuilds its edge lookup over every edge it is given whenever the edges change (~80 ms a key at
// 10,000 resources), though it draws only those in view. So it is given only the edges near the view: those
// whose two nodes' box meets a window of three by three viewports around the one shown. The window moves only
// when the view leaves its middle half, so panning and typing keep the same edges (and the same array).

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The viewport in flow coordinates, or undefined before React Flow has measured the canvas. */
export function viewOf(s: Pick<ReactFlowState, 'transform' | 'width' | 'height'>): Rect | undefined {
  const [tx, ty, zoom] = s.transform;
  if (!(s.width > 0 && s.height > 0 && zoom > 0)) return undefined;
  return { x: -tx / zoom, y: -ty / zoom, width: s.width / zoom, height: s.height / zoom };
}

const grow = (r: Rect, by: number): Rect => ({
  x: r.x - r.width * by,
  y: r.y - r.height * by,
  width: r.width * (1 + 2 * by),
  height: r.height * (1 + 2 * by),
});

const inside = (r: Rect, outer: Rect) =>
  r.x >= outer.x &&
  r.y >= outer.y &&
  r.x + r.width <= outer.x + outer.width &&
  r.y + r.height <= outer.y + outer.height;

/** True while `now` needs no new window: it lies within half a viewport of the view the window was made for. */
export function sameWindow(then: Rect | undefined, now: Rect | undefined): boolean {
  if (!then || !now) return then === now;
  return inside(now, grow(then, 0.5));
}

/** The window of edges kept around a view: one viewport on each side of it. */
export const windowOf = (view: Rect): Rect => grow(view, 1);

/** Every node's box in flow coordinates (a child's position is relative to its parent's). */
export function nodeBoxes(graph: Graph, positions: ReadonlyMap<string, Point>): Map<string, Rect> {
  const parents = new Map(graph.nodes.map((n) => [n.id, n.parentId]));
  const abs = (id: string): Point => {
    const p = positions.get(id) ?? { x: 0, y: 0 };
    const parent = parents.get(id);
    if (!parent) return p;
    const q = abs(parent);
    return { x: p.x + q.x, y: p.y + q.y };
  };
  return new Map(graph.nodes.map((n) => [n.id, { ...abs(n.id), width: n.width, height: n.height }]));
}

/**
 * The edges whose nodes' box meets `window` (as React Flow decides an edge is visible), and the one with id
 * `keep` (the selected one) wherever it is; `last` itself when it holds the same edges, so React Flow does no
 * work. Edges with a node missing from `boxes` are kept.
 */
export function edgesNear<E extends { id: string; source: string; target: string }>(
  edges: readonly E[],
  boxes: ReadonlyMap<string, Rect>,
  window: Rect | undefined,
  keep: string | undefined,
  last?: readonly E[],
): E[] {
  if (!window) return edges as E[];
  const out = edges.filter((e) => {
    if (e.id === keep) return true;
    const a = boxes.get(e.source);
    const b = boxes.get(e.target);
    if (!a || !b) return true;
    const x0 = Math.min(a.x, b.x);
    const y0 = Math.min(a.y, b.y);
    const x1 = Math.max(a.x + a.width, b.x + b.width);
    const y1 = Math.max(a.y + a.height, b.y + b.height);
    return (
      x1 >= window.x && x0 <= window.x + window.width && y1 >= window.y && y0 <= window.y + window.height
    );
  });
  return last && last.length === out.length && last.every((e, i) => e === out[i]) ? (last as E[]) : out;
}
