import { handlesOf } from './handles';
import type { Edge, Node } from '@xyflow/react';
import type { Graph, GraphEdge, GraphNode, Point } from '../../core/graph/types';
import type { Diagnostic, Severity } from '../../core/validate/types';

export interface DiagSummary {
  severity: Severity;
  count: number;
  messages: string[];
}

export interface StudioNodeData extends Record<string, unknown> {
  g: GraphNode;
  diag: DiagSummary | undefined;
  traced: boolean;
  dimmed: boolean;
}

export interface StudioEdgeData extends Record<string, unknown> {
  g: GraphEdge;
  diag: DiagSummary | undefined;
  traced: boolean;
  dimmed: boolean;
  tracedPercent: number | undefined;
}

export type StudioNode = Node<StudioNodeData, 'studio'>;
export type StudioEdge = Edge<StudioEdgeData>;

const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Worst severity and messages per node or edge id. */
export function summariseDiagnostics(diags: readonly Diagnostic[]): Map<string, DiagSummary> {
  const out = new Map<string, DiagSummary>();
  for (const d of diags) {
    for (const id of [d.nodeId, d.edgeId]) {
      if (!id) continue;
      const s = out.get(id);
      if (!s) out.set(id, { severity: d.severity, count: 1, messages: [`${d.code}: ${d.message}`] });
      else {
        s.count++;
        s.messages.push(`${d.code}: ${d.message}`);
        if (rank[d.severity] < rank[s.severity]) s.severity = d.severity;
      }
    }
  }
  return out;
}

export interface Trace {
  nodes: ReadonlySet<string>;
  edges: ReadonlyMap<string, number | undefined>;
}

/** React Flow nodes and edges for the graph; derived every render, cheap and memoised by the caller. */
export function toFlow(
  graph: Graph,
  positions: ReadonlyMap<string, Point>,
  diags: ReadonlyMap<string, DiagSummary>,
  trace: Trace | undefined,
  stale: boolean,
): { nodes: StudioNode[]; edges: StudioEdge[] } {
  const nodes: StudioNode[] = graph.nodes.map((g) => ({
    id: g.id,
    type: 'studio',
    position: positions.get(g.id) ?? { x: 0, y: 0 },
    ...(g.parentId ? { parentId: g.parentId, extent: 'parent' as const, draggable: false } : {}),
    // Nodes above every edge (the canvas sets zIndexMode manual): by default an edge to a subset was lifted
    // to the subset's level and covered the handles of the nodes it ends on, half of their hit area.
    zIndex: g.parentId ? 2 : 1,
    width: g.width,
    height: g.height,
    // Sizes and handles are computed (core/graph/sizes.ts), so React Flow needs no measuring render: with
    // them it counts every node as initialised, fits without drawing them all, and draws only what is in view.
    measured: { width: g.width, height: g.height },
    handles: handlesOf(g),
    data: {
      g,
      diag: diags.get(g.id),
      traced: trace?.nodes.has(g.id) ?? false,
      dimmed: stale || g.stale || (trace !== undefined && !trace.nodes.has(g.id)),
    },
  }));
  const edges: StudioEdge[] = graph.edges.map((g) => ({
    id: g.id,
    source: g.source,
    target: g.target,
    type: 'studio',
    ...(g.sourceHandle ? { sourceHandle: g.sourceHandle } : {}),
    data: {
      g,
      diag: diags.get(g.id),
      traced: trace?.edges.has(g.id) ?? false,
      tracedPercent: trace?.edges.get(g.id),
      dimmed: stale || g.stale || (trace !== undefined && !trace.edges.has(g.id)),
    },
  }));
  return { nodes, edges };
}
