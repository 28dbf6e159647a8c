import { Position, type NodeHandle } from '@xyflow/react';
import type { GraphNode } from '../../core/graph/types';

// Where each node's handles sit, relative to its top-left corner, as app.css places them (measured in
// Chromium). Giving them to React Flow up front spares it rendering every node once just to measure its
// handles (it does that for nodes without handle bounds, even with onlyRenderVisibleElements): on a
// 2,000-resource paste that first render of all nodes cost seconds. Visible nodes are re-measured anyway.
const SIZE = 9;
const HALF = SIZE / 2;
/** Centre of the first route row of a VirtualService, and the row pitch. */
const FIRST_ROW_CENTRE = 63;
const ROW_PITCH = 26;
/** Row handles stick out one pixel further than the node's own. */
const ROW_HANDLE_X = 1;

function handle(id: string, type: 'source' | 'target', position: Position, x: number, y: number): NodeHandle {
  return { id, type, position, x, y, width: SIZE, height: SIZE };
}

/** The handles a node of this kind renders (see nodes/studio-node.tsx and nodes/node-body.tsx). */
export function handlesOf(g: GraphNode): NodeHandle[] {
  const mid = g.height / 2 - HALF;
  const inHandle = handle('in', 'target', Position.Left, -HALF, mid);
  if (g.kind !== 'virtualservice')
    return [inHandle, handle('out', 'source', Position.Right, g.width - HALF, mid)];
  const rows = [...g.rows.map((r) => r.handle), 'new-route'];
  return [
    inHandle,
    ...rows.map((id, i) =>
      handle(
        id,
        'source',
        Position.Right,
        g.width - HALF + ROW_HANDLE_X,
        FIRST_ROW_CENTRE + i * ROW_PITCH - HALF,
      ),
    ),
  ];
}
