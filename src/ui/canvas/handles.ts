import { Position, type NodeHandle } from '@xyflow/react';
import { HEADER_HEIGHT, routeRowCentre } from '../../core/graph/sizes';
import type { GraphNode } from '../../core/graph/types';

// Where each node's handles sit, relative to its top-left corner, as app.css places them (measured in
// Chromium). Giving them to React Flow up front spares it rendering every node once just to measure its
// handles (it does that for nodes without handle bounds, even with onlyRenderVisibleElements): on a
// 2,000-resource paste that first render of all nodes cost seconds. Visible nodes are re-measured anyway.
/** The drawn dot; app.css gives it an invisible 22 px hit area around it. */
export const HANDLE_SIZE = 10;
const HALF = HANDLE_SIZE / 2;

function handle(id: string, type: 'source' | 'target', position: Position, x: number, y: number): NodeHandle {
  return { id, type, position, x, y, width: HANDLE_SIZE, height: HANDLE_SIZE };
}

/**
 * Centre height of a node's own in/out handles. In the header for every kind but subsets (which are one
 * small box): a DestinationRule's handles then sit well away from its subsets' own (they were 5 px apart
 * at its middle), and edges between nodes whose tops line up run straight.
 */
export function handleCentreY(g: GraphNode): number {
  return g.kind === 'subset' ? g.height / 2 : HEADER_HEIGHT / 2;
}

/** The handles a node of this kind renders (see nodes/studio-node.tsx and nodes/node-body.tsx). */
export function handlesOf(g: GraphNode): NodeHandle[] {
  const y = handleCentreY(g) - HALF;
  const inHandle = handle('in', 'target', Position.Left, -HALF, y);
  if (g.kind !== 'virtualservice')
    return [inHandle, handle('out', 'source', Position.Right, g.width - HALF, y)];
  const rows = [...g.rows.map((r) => r.handle), 'new-route'];
  return [
    inHandle,
    ...rows.map((id, i) => handle(id, 'source', Position.Right, g.width - HALF, routeRowCentre(i) - HALF)),
  ];
}
