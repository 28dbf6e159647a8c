import { sizeOf } from '../graph/sizes';
import type { Graph, GraphEdge, GraphNode, RouteRow } from '../graph/types';
import type { ChangeKind } from './types';

// How a node or edge of the union differs between base and head (`data-change` on the canvas): the same
// kinds as a resource's change in the comparison.
export type { ChangeKind };

/** An edge's change; a route edge carries its share in both texts (`10% → 50%`). */
export interface EdgeChangeMark {
  change: ChangeKind;
  /** Share in the base (0..100), when the edge is there. */
  basePercent?: number;
  /** Share in the head (0..100), when the edge is there. */
  headPercent?: number;
}

/** Both graphs in one: the head's elements, plus the base's removed ones ("ghosts"), each marked. */
export interface GraphUnion {
  graph: Graph;
  /** Only nodes that differ; a node not here is the same in both. */
  nodes: ReadonlyMap<string, ChangeKind>;
  edges: ReadonlyMap<string, EdgeChangeMark>;
  /** Ids of nodes and edges that exist only in the base: drawn as ghosts, never edited. */
  ghosts: ReadonlySet<string>;
}

/** Suffix of a ghost edge whose id the head reuses for another target (a route's destination changed). */
export const GHOST_EDGE_SUFFIX = '~base';

// Where a node is in the text, whether it is stale, and its computed size say nothing about what it means:
// a document moved down the file, or a DestinationRule grown by a ghost subset, is not a change.
// Memoised by node object: the graph builder reuses a resource's nodes while its text is unchanged, so a
// keystroke signs only the nodes of the document it touched (2,908 of 2,909 nodes reused at 2,000 resources).
const signatures = new WeakMap<GraphNode, string>();
function nodeSignature(n: GraphNode): string {
  let sig = signatures.get(n);
  if (sig === undefined) {
    const { origin: _o, stale: _s, width: _w, height: _h, ...rest } = n;
    sig = JSON.stringify(rest);
    signatures.set(n, sig);
  }
  return sig;
}

function edgeSignature(e: GraphEdge): string {
  return JSON.stringify([e.kind, e.source, e.sourceHandle, e.target, e.weight, e.percent]);
}

/**
 * The union of a base and a head graph, for the review view: every head element (marked `added` when the base
 * lacks it, `changed` when it differs), then every base-only element as a `removed` ghost. A DestinationRule
 * grows to hold its ghost subsets and a VirtualService keeps its removed route rows, so ghost edges have the
 * handles they start from. Parents stay before their children (React Flow needs that).
 *
 * `changedRefs` (`Kind ns/name` of resources the comparison found changed) marks their nodes `changed` even
 * when nothing the node draws differs: a weight lives on the edge, yet the VirtualService is what changed.
 * Subsets are left to their own signature (they share their rule's ref).
 */
export function unionGraphs(
  base: Graph,
  head: Graph,
  changedRefs: ReadonlySet<string> = new Set(),
): GraphUnion {
  const nodes = new Map<string, ChangeKind>();
  const edges = new Map<string, EdgeChangeMark>();
  const ghosts = new Set<string>();
  const baseNodes = new Map(base.nodes.map((n) => [n.id, n]));
  const headIds = new Set(head.nodes.map((n) => n.id));

  const ghostNodes = base.nodes.filter((n) => !headIds.has(n.id));
  for (const n of ghostNodes) {
    nodes.set(n.id, 'removed');
    ghosts.add(n.id);
  }
  const ghostChildren = new Map<string, number>();
  for (const n of ghostNodes)
    if (n.parentId && headIds.has(n.parentId))
      ghostChildren.set(n.parentId, (ghostChildren.get(n.parentId) ?? 0) + 1);

  const unionNodes: GraphNode[] = head.nodes.map((n) => {
    const was = baseNodes.get(n.id);
    if (!was) nodes.set(n.id, 'added');
    else if (nodeSignature(was) !== nodeSignature(n)) nodes.set(n.id, 'changed');
    else if (!n.parentId && n.ref !== undefined && changedRefs.has(n.ref)) nodes.set(n.id, 'changed');
    return grown(n, was, ghostChildren.get(n.id) ?? 0, head);
  });
  unionNodes.push(...ghostNodes);

  const baseEdges = new Map(base.edges.map((e) => [e.id, e]));
  const headEdges = new Map(head.edges.map((e) => [e.id, e]));
  const unionEdges: GraphEdge[] = [];
  for (const e of head.edges) {
    unionEdges.push(e);
    const was = baseEdges.get(e.id);
    if (!was || was.source !== e.source || was.target !== e.target) {
      edges.set(e.id, { change: 'added', ...percents(undefined, e) });
    } else if (edgeSignature(was) !== edgeSignature(e)) {
      edges.set(e.id, { change: 'changed', ...percents(was, e) });
    }
  }
  for (const e of base.edges) {
    const now = headEdges.get(e.id);
    if (now && now.source === e.source && now.target === e.target) continue;
    const id = now ? e.id + GHOST_EDGE_SUFFIX : e.id;
    unionEdges.push({ ...e, id });
    edges.set(id, { change: 'removed', ...percents(e, undefined) });
    ghosts.add(id);
  }
  return { graph: { nodes: unionNodes, edges: unionEdges }, nodes, edges, ghosts };
}

function percents(base: GraphEdge | undefined, head: GraphEdge | undefined) {
  return {
    ...(base?.percent !== undefined ? { basePercent: base.percent } : {}),
    ...(head?.percent !== undefined ? { headPercent: head.percent } : {}),
  };
}

/**
 * A head node made room for what the base had inside it: ghost subsets in a DestinationRule, removed route
 * rows of a VirtualService (their ghost edges start at those rows' handles).
 */
function grown(n: GraphNode, was: GraphNode | undefined, extraChildren: number, head: Graph): GraphNode {
  if (n.kind === 'destinationrule' && extraChildren > 0) {
    const own = head.nodes.filter((c) => c.parentId === n.id).length;
    return { ...n, height: sizeOf.destinationrule(own + extraChildren, n.badges.length > 0) };
  }
  if (n.kind === 'virtualservice' && was?.kind === 'virtualservice') {
    const have = new Set(n.rows.map((r) => r.handle));
    const gone: RouteRow[] = was.rows.filter((r) => !have.has(r.handle));
    if (gone.length === 0) return n;
    const rows = [...n.rows, ...gone];
    return { ...n, rows, height: sizeOf.virtualservice(rows.length) };
  }
  return n;
}
