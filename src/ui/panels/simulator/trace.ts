import type { SimResult } from '../../../core/simulate/types';
import type { Trace } from '../../canvas/to-flow';

/** The canvas trace of a result: nodes on the path, and edges with the traced percentage on route edges. */
export function traceOf(result: SimResult): Trace {
  const edges = new Map<string, number | undefined>();
  for (const e of result.highlight.edges) edges.set(e, undefined);
  for (const d of result.destinations) {
    const route = d.edgeIds[0];
    if (route !== undefined && route.startsWith('route:')) {
      edges.set(route, (edges.get(route) ?? 0) + d.probability * 100);
    }
  }
  return { nodes: new Set(result.highlight.nodes), edges };
}

/** `80%`, `33.3%`. */
export function formatProbability(p: number): string {
  return `${Math.round(p * 1000) / 10}%`;
}
