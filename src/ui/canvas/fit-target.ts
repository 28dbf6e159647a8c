import type { Point } from '../../core/graph/types';

/** Up to this many top-level nodes, "fit" shows them all; beyond, it shows where the graph starts. */
export const FIT_ALL_MAX = 120;
/** How many nodes "where the graph starts" takes: about a screenful at a readable zoom. */
export const FIT_FIRST = 40;

/**
 * The nodes a fit should frame, or undefined for all. A big graph fitted whole is thousands of unreadable
 * boxes that all have to be drawn at once (a paste of 1,000 resources spent seconds there); its top rows, at
 * a zoom where names can be read, draw at once, and the minimap still shows the whole.
 */
export function fitTarget(
  positions: ReadonlyMap<string, Point>,
  topLevel: readonly string[],
): string[] | undefined {
  if (topLevel.length <= FIT_ALL_MAX) return undefined;
  const at = (id: string) => positions.get(id) ?? { x: Infinity, y: Infinity };
  return [...topLevel].sort((a, b) => at(a).y - at(b).y || at(a).x - at(b).x).slice(0, FIT_FIRST);
}
