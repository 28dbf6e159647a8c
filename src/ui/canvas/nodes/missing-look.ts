import type { GraphNode } from '../../../core/graph/types';
import './missing-node.css';

/**
 * How a `missing` node reads: "not in this text" (grey, dashed: applied from elsewhere) while the text is part
 * of a mesh and nothing of the kind is in it; "missing" (red) for a real gap or when the text is the whole mesh.
 */
export function missingLook(g: GraphNode): { label: string; elsewhere: 'true' | undefined } | undefined {
  if (g.kind !== 'missing') return undefined;
  return g.elsewhere
    ? { label: 'not in this text', elsewhere: 'true' }
    : { label: 'missing', elsewhere: undefined };
}
