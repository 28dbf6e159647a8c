import { NODE_WIDTH, subsetOffset } from './sizes';
import type { Graph, GraphNode, Point } from './types';

// The graph is layered by nature (Gateway → VirtualService → DestinationRule/Service → Deployment), so the
// layer of each node is known from its kind and the costly layering step of a general layered layout (ELK,
// dagre) is not needed: we order nodes inside fixed columns by barycenter sweeps, one connected component
// at a time, and stack components top to bottom. Linear-ish, so 2,000+ nodes lay out in milliseconds.

// Gaps as small as the edges between columns allow: a route's weight label (about 40 px) sits just before
// its target and must not cover the source's handle.
export const COLUMN_GAP = 76;
export const ROW_GAP = 20;
export const COMPONENT_GAP = 40;
const SWEEPS = 4;

function columnOf(n: GraphNode): number {
  switch (n.kind) {
    case 'gateway':
      return 0;
    case 'virtualservice':
      return 1;
    case 'deployment':
      return 3;
    case 'missing':
      return n.what.startsWith('gateway ') ? 0 : n.what.startsWith('virtualservice ') ? 1 : 2;
    default:
      return 2;
  }
}

/** Top-level nodes (subsets ride inside their DestinationRule). */
function topLevel(g: Graph): { nodes: GraphNode[]; links: [string, string][] } {
  const parentOf = new Map<string, string>();
  for (const n of g.nodes) if (n.parentId) parentOf.set(n.id, n.parentId);
  const lift = (id: string) => parentOf.get(id) ?? id;
  return {
    nodes: g.nodes.filter((n) => !n.parentId),
    links: g.edges
      .map((e) => [lift(e.source), lift(e.target)] as [string, string])
      .filter(([a, b]) => a !== b),
  };
}

// Appends in place: copying the list per insert made big components quadratic.
function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function components(ids: string[], links: [string, string][]): string[][] {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of links) {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  }
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const r = find(id);
    push(groups, r, id);
  }
  return [...groups.values()];
}

export interface LayoutOptions {
  /**
   * Width / height of the canvas the graph is shown in. Given, the connected components are packed in
   * rows that make the whole about that shape (a narrow canvas gets them stacked, a wide one side by side),
   * so a fit needs less zooming out; without, they are stacked top to bottom.
   */
  aspect?: number;
}

interface Block {
  /** Positions relative to the block's top-left corner. */
  at: Map<string, Point>;
  /** Top-level nodes in it. */
  size: number;
  width: number;
  height: number;
}

/** Absolute top-left positions for every node (children relative to their parent), keyed by node id. */
export function layoutGraph(g: Graph, options: LayoutOptions = {}): Map<string, Point> {
  const { nodes, links } = topLevel(g);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of links) {
    push(neighbours, a, b);
    push(neighbours, b, a);
  }
  const blocks = components(
    nodes.map((n) => n.id),
    links,
  ).map((comp) => layoutComponent(comp, byId, neighbours, options.aspect !== undefined));
  const out = options.aspect !== undefined ? pack(blocks, options.aspect) : stack(blocks);
  placeChildren(g, out);
  return out;
}

/** One component in fixed columns, ordered by barycenter sweeps. `compact`: drop its empty columns. */
function layoutComponent(
  comp: string[],
  byId: Map<string, GraphNode>,
  neighbours: Map<string, string[]>,
  compact: boolean,
): Block {
  const columns: string[][] = [[], [], [], []];
  for (const id of comp) {
    const n = byId.get(id);
    if (n) columns[columnOf(n)]?.push(id);
  }
  // Barycenter sweeps: order each column by the mean rank of its neighbours in the other columns.
  const rank = new Map<string, number>();
  columns.forEach((col) => col.forEach((id, i) => rank.set(id, i)));
  for (let s = 0; s < SWEEPS; s++) {
    const order = s % 2 === 0 ? [1, 2, 3, 0] : [2, 1, 0, 3];
    for (const c of order) {
      const col = columns[c] ?? [];
      const bary = new Map(
        col.map((id) => {
          const ns = (neighbours.get(id) ?? []).filter((x) => rank.has(x));
          const mean = ns.length
            ? ns.reduce((acc, x) => acc + (rank.get(x) ?? 0) / Math.max(1, columnLen(columns, x, byId)), 0) /
              ns.length
            : (rank.get(id) ?? 0) / Math.max(1, col.length);
          return [id, mean];
        }),
      );
      col.sort((a, b) => (bary.get(a) ?? 0) - (bary.get(b) ?? 0));
      col.forEach((id, i) => rank.set(id, i));
    }
  }
  const heights = columns.map((col) =>
    col.reduce((h, id) => h + (byId.get(id)?.height ?? 0) + ROW_GAP, -ROW_GAP),
  );
  const band = Math.max(0, ...heights);
  const at = new Map<string, Point>();
  let slot = 0;
  let width = 0;
  columns.forEach((col, c) => {
    if (compact && col.length === 0) return;
    const x = (compact ? slot : c) * (NODE_WIDTH + COLUMN_GAP);
    slot++;
    let y = (band - (heights[c] ?? 0)) / 2;
    for (const id of col) {
      const n = byId.get(id);
      if (!n) continue;
      at.set(id, { x, y: Math.round(y) });
      width = Math.max(width, x + n.width);
      y += n.height + ROW_GAP;
    }
  });
  return { at, width, height: band, size: at.size };
}

/** Components top to bottom, their columns aligned. */
function stack(blocks: Block[]): Map<string, Point> {
  const out = new Map<string, Point>();
  let top = 0;
  for (const b of blocks) {
    for (const [id, p] of b.at) out.set(id, { x: p.x, y: p.y + top });
    top += b.height + COMPONENT_GAP;
  }
  return out;
}

/**
 * Components in rows (the biggest first, where a fit that cannot show all starts: the richest part of the
 * mesh, not its tallest rule), each row filled up to a width chosen so that the whole, fitted to a
 * canvas of this `aspect`, is drawn largest: the candidates are the widths of the first row's prefixes
 * (at most 64 of them, each tried in one linear pass) and the widest component.
 */
function pack(blocks: Block[], aspect: number): Map<string, Point> {
  const sorted = [...blocks].sort((a, b) => b.size - a.size || b.height - a.height || b.width - a.width);
  const widest = Math.max(0, ...sorted.map((b) => b.width));
  const candidates = new Set<number>([widest]);
  let run = -COMPONENT_GAP;
  for (const b of sorted.slice(0, 64)) {
    run += b.width + COMPONENT_GAP;
    if (run >= widest) candidates.add(run);
  }
  let best = widest;
  let bestScale = -1;
  for (const rowWidth of candidates) {
    const { width, height } = shelves(sorted, rowWidth);
    // The zoom a fit would take, up to the canvas's size: limited by width or by height.
    const scale = Math.min(aspect / Math.max(1, width), 1 / Math.max(1, height));
    if (scale > bestScale) {
      bestScale = scale;
      best = rowWidth;
    }
  }
  const out = new Map<string, Point>();
  shelves(sorted, best, (b, x, y) => {
    for (const [id, p] of b.at) out.set(id, { x: p.x + x, y: p.y + y });
  });
  return out;
}

/** Places blocks in rows no wider than `rowWidth` (a block wider than that gets a row alone); the extent. */
function shelves(
  blocks: readonly Block[],
  rowWidth: number,
  place?: (b: Block, x: number, y: number) => void,
): { width: number; height: number } {
  let x = 0;
  let top = 0;
  let rowHeight = 0;
  let width = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.width > rowWidth) {
      top += rowHeight + COMPONENT_GAP;
      x = 0;
      rowHeight = 0;
    }
    place?.(b, x, top);
    width = Math.max(width, x + b.width);
    x += b.width + COMPONENT_GAP;
    rowHeight = Math.max(rowHeight, b.height);
  }
  return { width, height: top + rowHeight };
}

function columnLen(columns: string[][], id: string, byId: Map<string, GraphNode>): number {
  const n = byId.get(id);
  return n ? (columns[columnOf(n)]?.length ?? 1) : 1;
}

/** Subsets sit in a column inside their DestinationRule, in the order the YAML lists them. */
export function placeChildren(g: Graph, out: Map<string, Point>): void {
  const count = new Map<string, number>();
  const withBadges = new Set<string>();
  for (const n of g.nodes) if (n.kind === 'destinationrule' && n.badges.length > 0) withBadges.add(n.id);
  for (const n of g.nodes) {
    if (!n.parentId) continue;
    const i = count.get(n.parentId) ?? 0;
    count.set(n.parentId, i + 1);
    out.set(n.id, subsetOffset(i, withBadges.has(n.parentId)));
  }
}

/**
 * Positions for a graph where some nodes already have a place (kept as they are); new nodes go where a full
 * layout would put them in their column, moved down until they overlap nothing.
 */
export function placeIncrementally(
  g: Graph,
  known: ReadonlyMap<string, Point>,
  options: LayoutOptions = {},
): Map<string, Point> {
  const top = g.nodes.filter((n) => !n.parentId);
  const missingIds = top.filter((n) => !known.has(n.id));
  const out = new Map<string, Point>();
  for (const n of top) {
    const p = known.get(n.id);
    if (p) out.set(n.id, p);
  }
  if (missingIds.length === 0) {
    placeChildren(g, out);
    return out;
  }
  if (missingIds.length === top.length) return layoutGraph(g, options);
  // New nodes among placed ones go to their column of a stacked layout (packing would move the columns).
  const fresh = layoutGraph(g);
  const placed = top.filter((n) => out.has(n.id));
  for (const n of missingIds) {
    const want = fresh.get(n.id) ?? { x: 0, y: 0 };
    // Only nodes in this column can collide. Stepping down ROW_GAP at a time past a colliding node lands on the
    // first step at or below its bottom, so jump there at once: the same place, without a scan per step
    // (stepping through a 2,000-node column took a second).
    const column: { top: number; bottom: number }[] = [];
    for (const o of placed) {
      const p = out.get(o.id);
      if (p && Math.abs(p.x - want.x) < n.width) column.push({ top: p.y, bottom: p.y + o.height + ROW_GAP });
    }
    const limit = want.y + 10_000 * ROW_GAP;
    let y = want.y;
    for (;;) {
      const hit = column.find((c) => y < c.bottom && y + n.height + ROW_GAP > c.top);
      if (!hit || y >= limit) break;
      y = Math.min(limit, want.y + Math.ceil((hit.bottom - want.y) / ROW_GAP) * ROW_GAP);
    }
    out.set(n.id, { x: want.x, y });
    placed.push(n);
  }
  placeChildren(g, out);
  return out;
}
