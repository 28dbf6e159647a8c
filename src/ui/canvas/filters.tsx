import { memo, useMemo } from 'react';
import { resolveHost, serviceFqdn } from '../../core/model/hosts';
import type { Graph, GraphNode } from '../../core/graph/types';

/** What the canvas shows of the graph; empty fields show everything. */
export interface GraphFilter {
  namespace: string;
  kind: string;
  search: string;
  /** An FQDN: only its VirtualServices, their targets, its DestinationRules, Service and Deployments. */
  host: string;
}

export const NO_FILTER: GraphFilter = { namespace: '', kind: '', search: '', host: '' };

const KINDS = [
  'gateway',
  'virtualservice',
  'destinationrule',
  'service',
  'serviceentry',
  'deployment',
  'missing',
];

/** FQDNs a node stands for (empty for nodes that are not about a host). */
function hostsOf(n: GraphNode): string[] {
  switch (n.kind) {
    case 'virtualservice':
      return n.hosts.map((h) => resolveHost(h, n.namespace));
    case 'destinationrule':
      return [n.fqdn];
    case 'service':
      return [serviceFqdn(n.title, n.namespace)];
    default:
      return [];
  }
}

/** Nodes a focused host reaches: its own nodes, then one hop along routes, binds and selects edges. */
function focus(g: Graph, host: string): Set<string> {
  const keep = new Set(g.nodes.filter((n) => hostsOf(n).includes(host)).map((n) => n.id));
  for (const n of g.nodes) if (n.parentId && keep.has(n.parentId)) keep.add(n.id);
  const seeds = new Set(keep);
  for (const e of g.edges) {
    if (seeds.has(e.source) && e.kind !== 'binds') keep.add(e.target);
    if (seeds.has(e.target) && e.kind === 'binds') keep.add(e.source);
  }
  // Subsets reached by a route select Deployments too.
  for (const e of g.edges) if (e.kind === 'selects' && keep.has(e.source)) keep.add(e.target);
  return keep;
}

/**
 * The part of the graph a filter shows. A subset stays with its DestinationRule (the canvas cannot draw a
 * child without its parent); an edge shows when both its ends do. Positions are untouched: filtering hides,
 * it does not re-layout, so people keep their bearings.
 */
export function filterGraph(g: Graph, f: GraphFilter): Graph {
  if (!f.namespace && !f.kind && !f.search && !f.host) return g;
  const q = f.search.trim().toLowerCase();
  const focused = f.host ? focus(g, f.host) : undefined;
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const own = (n: GraphNode): boolean =>
    (!f.namespace || n.namespace === f.namespace) &&
    (!f.kind || n.kind === f.kind) &&
    (!q || n.id.toLowerCase().includes(q) || n.title.toLowerCase().includes(q)) &&
    (!focused || focused.has(n.id));
  const shown = new Set<string>();
  for (const n of g.nodes) {
    const parent = n.parentId ? byId.get(n.parentId) : undefined;
    if (own(n) || (parent && own(parent))) {
      shown.add(n.id);
      if (parent) shown.add(parent.id);
    }
  }
  return {
    nodes: g.nodes.filter((n) => shown.has(n.id)),
    edges: g.edges.filter((e) => shown.has(e.source) && shown.has(e.target)),
  };
}

interface FiltersProps {
  graph: Graph;
  value: GraphFilter;
  onChange(f: GraphFilter): void;
}

/** The filter bar over the canvas: namespace, kind, search text, and "focus on this host". */
export const CanvasFilters = memo(function CanvasFilters({ graph, value, onChange }: FiltersProps) {
  const namespaces = useMemo(() => [...new Set(graph.nodes.map((n) => n.namespace))].sort(), [graph]);
  const hosts = useMemo(() => [...new Set(graph.nodes.flatMap(hostsOf))].sort(), [graph]);
  const set = (patch: Partial<GraphFilter>) => onChange({ ...value, ...patch });
  return (
    <div className="canvas-filters nodrag nopan" data-testid="canvas-filters">
      <select
        aria-label="Namespace"
        data-testid="filter-namespace"
        value={value.namespace}
        onChange={(e) => set({ namespace: e.target.value })}
      >
        <option value="">all namespaces</option>
        {namespaces.map((ns) => (
          <option key={ns} value={ns}>
            {ns}
          </option>
        ))}
      </select>
      <select
        aria-label="Kind"
        data-testid="filter-kind"
        value={value.kind}
        onChange={(e) => set({ kind: e.target.value })}
      >
        <option value="">all kinds</option>
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <input
        aria-label="Search nodes"
        data-testid="filter-search"
        placeholder="search…"
        value={value.search}
        onChange={(e) => set({ search: e.target.value })}
      />
      <select
        aria-label="Focus on host"
        data-testid="filter-host"
        value={value.host}
        onChange={(e) => set({ host: e.target.value })}
      >
        <option value="">focus on host…</option>
        {hosts.map((h) => (
          <option key={h} value={h}>
            {h}
          </option>
        ))}
      </select>
      {value !== NO_FILTER && (
        <button type="button" data-testid="filter-clear" onClick={() => onChange(NO_FILTER)}>
          clear
        </button>
      )}
    </div>
  );
});
