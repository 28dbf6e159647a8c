import { handlesOf } from './handles';
import type { Edge, Node } from '@xyflow/react';
import type { Graph, GraphEdge, GraphNode, Point } from '../../core/graph/types';
import type { Diagnostic, Severity } from '../../core/validate/types';
import type { ChangeKind, GraphUnion } from '../../core/compare/graph-union';

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
  /** While comparing: how this node differs from the base (`data-change`); a `removed` one is a ghost. */
  change?: ChangeKind;
}

export interface StudioEdgeData extends Record<string, unknown> {
  g: GraphEdge;
  diag: DiagSummary | undefined;
  traced: boolean;
  dimmed: boolean;
  tracedPercent: number | undefined;
  /** While comparing: how this edge differs from the base, and its share there (`80% → 50%`). */
  change?: ChangeKind;
  basePercent?: number;
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
  compared?: GraphUnion,
): { nodes: StudioNode[]; edges: StudioEdge[] } {
  const nodes: StudioNode[] = graph.nodes.map((g) => ({
    ...(compared ? ghostNode(compared, g.id) : {}),
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
      ...(compared?.nodes.has(g.id) ? { change: compared.nodes.get(g.id) } : {}),
    },
  }));
  const edges: StudioEdge[] = graph.edges.map((g) => ({
    id: g.id,
    source: g.source,
    target: g.target,
    type: 'studio',
    ...(g.sourceHandle ? { sourceHandle: g.sourceHandle } : {}),
    ...(compared ? ghostEdge(compared, g.id) : {}),
    data: {
      g,
      diag: diags.get(g.id),
      traced: trace?.edges.has(g.id) ?? false,
      tracedPercent: trace?.edges.get(g.id),
      dimmed: stale || g.stale || (trace !== undefined && !trace.edges.has(g.id)),
      ...edgeChange(compared, g.id),
    },
  }));
  return { nodes, edges };
}

// A ghost stands for what the base had: it is shown, never selected, dragged, connected or edited.
function ghostNode(u: GraphUnion, id: string): Partial<StudioNode> {
  return u.ghosts.has(id)
    ? { selectable: false, draggable: false, connectable: false, focusable: false }
    : {};
}

// The edge's own SVG group carries `data-change`, as the node's root element does (the UI contract).
function ghostEdge(u: GraphUnion, id: string): Partial<StudioEdge> {
  const change = u.edges.get(id)?.change;
  const attrs = change ? { domAttributes: { 'data-change': change } as StudioEdge['domAttributes'] } : {};
  return u.ghosts.has(id) ? { ...attrs, selectable: false, focusable: false } : attrs;
}

function edgeChange(u: GraphUnion | undefined, id: string): Pick<StudioEdgeData, 'change' | 'basePercent'> {
  const m = u?.edges.get(id);
  if (!m) return {};
  return { change: m.change, ...(m.basePercent !== undefined ? { basePercent: m.basePercent } : {}) };
}
