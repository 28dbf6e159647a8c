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

/**
 * What the last `toFlow` made, so the next one can hand React Flow the same objects for what did not change: a
 * keystroke's derivation keeps most graph nodes and edges (the same objects), and React Flow skips the nodes
 * and edges it already holds (and the arrays, when nothing changed), instead of re-adopting thousands a key.
 */
export interface FlowCache {
  nodes: WeakMap<GraphNode, StudioNode>;
  edges: WeakMap<GraphEdge, StudioEdge>;
  last?: { nodes: StudioNode[]; edges: StudioEdge[] };
}

export const createFlowCache = (): FlowCache => ({ nodes: new WeakMap(), edges: new WeakMap() });

/** React Flow nodes and edges for the graph; memoised by the caller, and per element through `cache`. */
export function toFlow(
  graph: Graph,
  positions: ReadonlyMap<string, Point>,
  diags: ReadonlyMap<string, DiagSummary>,
  trace: Trace | undefined,
  stale: boolean,
  compared?: GraphUnion,
  cache?: FlowCache,
): { nodes: StudioNode[]; edges: StudioEdge[] } {
  // While comparing, ghosts and changes come from the union: built afresh (a comparison is not typed into).
  const reuse = compared ? undefined : cache;
  const nodes: StudioNode[] = graph.nodes.map((g) => {
    const position = positions.get(g.id) ?? ORIGIN;
    const diag = diags.get(g.id);
    const traced = trace?.nodes.has(g.id) ?? false;
    const dimmed = stale || g.stale || (trace !== undefined && !traced);
    // Compared field by field before anything is allocated: most nodes are kept, and thousands a key add up.
    const before = reuse?.nodes.get(g);
    if (
      before &&
      samePoint(before.position, position) &&
      before.data.traced === traced &&
      before.data.dimmed === dimmed &&
      sameDiag(before.data.diag, diag)
    )
      return before;
    const data: StudioNodeData = {
      g,
      diag,
      traced,
      dimmed,
      ...(compared?.nodes.has(g.id) ? { change: compared.nodes.get(g.id) } : {}),
    };
    const node: StudioNode = {
      ...(compared ? ghostNode(compared, g.id) : {}),
      id: g.id,
      type: 'studio',
      position,
      ...(g.parentId ? { parentId: g.parentId, extent: 'parent' as const, draggable: false } : {}),
      // Nodes above every edge (the canvas sets zIndexMode manual): by default an edge to a subset was lifted
      // to the subset's level and covered the handles of the nodes it ends on, half of their hit area.
      zIndex: g.parentId ? 2 : 1,
      width: g.width,
      height: g.height,
      // Sizes and handles are computed (core/graph/sizes.ts), so React Flow needs no measuring render: with
      // them it counts every node as initialised, fits without drawing them all, and draws only what is in view.
      measured: { width: g.width, height: g.height },
      handles: before?.handles ?? handlesOf(g),
      data,
    };
    reuse?.nodes.set(g, node);
    return node;
  });
  const edges: StudioEdge[] = graph.edges.map((g) => {
    const diag = diags.get(g.id);
    const traced = trace?.edges.has(g.id) ?? false;
    const tracedPercent = trace?.edges.get(g.id);
    const dimmed = stale || g.stale || (trace !== undefined && !traced);
    const before = reuse?.edges.get(g)?.data;
    if (
      before &&
      before.traced === traced &&
      before.tracedPercent === tracedPercent &&
      before.dimmed === dimmed &&
      sameDiag(before.diag, diag)
    )
      return reuse?.edges.get(g) as StudioEdge;
    const data: StudioEdgeData = { g, diag, traced, tracedPercent, dimmed, ...edgeChange(compared, g.id) };
    const edge: StudioEdge = {
      id: g.id,
      source: g.source,
      target: g.target,
      type: 'studio',
      ...(g.sourceHandle ? { sourceHandle: g.sourceHandle } : {}),
      ...(compared ? ghostEdge(compared, g.id) : {}),
      data,
    };
    reuse?.edges.set(g, edge);
    return edge;
  });
  if (!reuse) return { nodes, edges };
  const last = reuse.last;
  reuse.last = {
    nodes: last && sameItems(last.nodes, nodes) ? last.nodes : nodes,
    edges: last && sameItems(last.edges, edges) ? last.edges : edges,
  };
  return reuse.last;
}

const ORIGIN: Point = { x: 0, y: 0 };

const samePoint = (a: Point, b: Point) => a.x === b.x && a.y === b.y;

const sameItems = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function sameDiag(a: DiagSummary | undefined, b: DiagSummary | undefined): boolean {
  if (!a || !b) return a === b;
  return a.severity === b.severity && a.count === b.count && sameItems(a.messages, b.messages);
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
