import type { Graph, GraphEdge, GraphNode, Point } from '../graph/types';
import { nodeSvg, rowAnchorY } from './svg-nodes';
import { n, xml } from './svg-text';

/** A picture of the graph: the SVG text and its size in pixels (the graph's own size plus a margin). */
export interface GraphPicture {
  svg: string;
  width: number;
  height: number;
}

const MARGIN = 24;

// One stylesheet for the whole picture keeps each node small (classes, not inline styles), and fixed light
// colours keep it the same whatever theme the app was in.
const STYLE = [
  'text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:12px;fill:#1d2330}',
  '.bg{fill:#f6f7f9}',
  '.box{fill:#fff;stroke:#c5ccd6;stroke-width:1.2}',
  '.k-destinationrule>.box{fill:#fdf6ef}',
  '.kind{font-size:11px;font-weight:600;fill:#5f6b7a}',
  '.name{font-size:14px;font-weight:600;fill:#1d2330}',
  '.k-subset .name{font-size:13px}',
  '.ns{font-size:11px;fill:#5f6b7a;text-anchor:end}',
  '.k{fill:#5f6b7a}',
  '.rule{stroke:#e3e7ee}',
  '.k-gateway .stripe{fill:#8a5cd1}.k-virtualservice .stripe{fill:#3b6fd4}.k-service .stripe{fill:#2a9d8f}',
  '.k-serviceentry .stripe{fill:#5d8aa8}.k-destinationrule .stripe{fill:#d17b2a}.k-subset .stripe{fill:#e9a55b}',
  '.k-deployment .stripe{fill:#4e9a4e}.k-missing .stripe{fill:#d33a3a}.k-missing>.box{stroke:#d33a3a}',
  '.k-missing.elsewhere .stripe{fill:#8a94a3}.k-missing.elsewhere>.box{stroke:#8a94a3;stroke-dasharray:4 3}',
  '.e{fill:none;stroke:#7a8594;stroke-width:1.4}',
  '.e-route{stroke:#3b6fd4}.e-selects{stroke:#4e9a4e;opacity:.7}.e-binds{stroke:#8a5cd1}',
  '.e-mirror{stroke:#8a5cd1;stroke-dasharray:6 4}.e-delegate{stroke:#3b6fd4;stroke-dasharray:2 3}',
  '.label rect{fill:#fff;stroke:#3b6fd4}.label text{font-size:11px;font-weight:600;text-anchor:middle}',
].join('');

/** Absolute top-left corners: children (subsets) are positioned relative to their parent. */
function absolute(graph: Graph, positions: ReadonlyMap<string, Point>): Map<string, Point> {
  const out = new Map<string, Point>();
  const byId = new Map(graph.nodes.map((g) => [g.id, g]));
  const at = (g: GraphNode, depth: number): Point => {
    const known = out.get(g.id);
    if (known) return known;
    const own = positions.get(g.id) ?? { x: 0, y: 0 };
    const parent = g.parentId !== undefined ? byId.get(g.parentId) : undefined;
    // Depth guards a parent cycle (never built, but a picture must not hang on one).
    const base = parent && depth < 8 ? at(parent, depth + 1) : { x: 0, y: 0 };
    const p = { x: base.x + own.x, y: base.y + own.y };
    out.set(g.id, p);
    return p;
  };
  for (const g of graph.nodes) at(g, 0);
  return out;
}

function percentText(p: number): string {
  const r = Math.round(p * 10) / 10;
  return `${Number.isInteger(r) ? r : r.toFixed(1)}%`;
}

function edgeSvg(
  e: GraphEdge,
  from: GraphNode,
  to: GraphNode,
  a: Point,
  b: Point,
): { path: string; label: string } {
  const row = from.kind === 'virtualservice' ? from.rows.findIndex((r) => r.handle === e.sourceHandle) : -1;
  const sx = a.x + from.width;
  const sy = a.y + (row >= 0 ? rowAnchorY(row) : from.height / 2);
  const tx = b.x;
  const ty = b.y + to.height / 2;
  // A horizontal S-curve, as the canvas draws it: leaves to the right, arrives from the left.
  const c = Math.max(40, Math.abs(tx - sx) / 2);
  const percent = e.percent ?? 0;
  const width = e.kind === 'route' ? 1.5 + (percent / 100) * 6 : undefined;
  const path =
    `<path class="e e-${e.kind}" data-edge-id="${xml(e.id)}"${width !== undefined ? ` stroke-width="${n(width)}"` : ''}` +
    ` d="M${n(sx)} ${n(sy)}C${n(sx + c)} ${n(sy)} ${n(tx - c)} ${n(ty)} ${n(tx)} ${n(ty)}"/>`;
  const text =
    e.kind === 'route' ? percentText(percent) : e.kind === 'mirror' ? `mirror ${percentText(percent)}` : '';
  if (!text) return { path, label: '' };
  const w = text.length * 6.6 + 12;
  // Near the target end, so several routes leaving one row do not stack their labels.
  const label =
    `<g class="label" transform="translate(${n(tx - 36)} ${n(ty)})">` +
    `<rect x="${n(-w / 2)}" y="-9" width="${n(w)}" height="18" rx="9"/><text y="4">${xml(text)}</text></g>`;
  return { path, label };
}

/**
 * A picture of the graph as a real SVG (rect, text and path elements, no HTML inside): one `<g>` per node at
 * its position, edges as paths with their weights, a few hundred bytes per node. `positions` are the canvas's
 * (children relative to their parent); nodes without one sit at the origin.
 */
export function graphSvg(graph: Graph, positions: ReadonlyMap<string, Point>): GraphPicture {
  const abs = absolute(graph, positions);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const g of graph.nodes) {
    const p = abs.get(g.id) ?? { x: 0, y: 0 };
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + g.width);
    maxY = Math.max(maxY, p.y + g.height);
  }
  if (graph.nodes.length === 0) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const x0 = Math.floor(minX - MARGIN);
  const y0 = Math.floor(minY - MARGIN);
  const width = Math.ceil(maxX + MARGIN) - x0;
  const height = Math.ceil(maxY + MARGIN) - y0;

  const byId = new Map(graph.nodes.map((g) => [g.id, g]));
  const paths: string[] = [];
  const labels: string[] = [];
  for (const e of graph.edges) {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    const a = abs.get(e.source);
    const b = abs.get(e.target);
    if (!from || !to || !a || !b) continue;
    const drawn = edgeSvg(e, from, to, a, b);
    paths.push(drawn.path);
    if (drawn.label) labels.push(drawn.label);
  }
  const node = (g: GraphNode) => {
    const p = abs.get(g.id) ?? { x: 0, y: 0 };
    return nodeSvg(g, p.x, p.y);
  };
  // Containers under the edges, the subsets inside them over the edges' ends, the weights on top of all.
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${x0} ${y0} ${width} ${height}">` +
    `<style>${STYLE}</style>` +
    `<rect class="bg" x="${x0}" y="${y0}" width="${width}" height="${height}"/>` +
    graph.nodes
      .filter((g) => !g.parentId)
      .map(node)
      .join('') +
    `<g class="edges">${paths.join('')}</g>` +
    graph.nodes
      .filter((g) => g.parentId)
      .map(node)
      .join('') +
    `<g class="labels">${labels.join('')}</g>` +
    '</svg>\n';
  return { svg, width, height };
}
