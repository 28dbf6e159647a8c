import type { Point } from '../../core/graph/types';

/**
 * Every fit in the app: by the sizes the nodes declare (they are computed, see core/graph/sizes.ts), since
 * with only visible nodes drawn, most nodes are never measured and a plain fit would frame only those.
 */
export const FIT_OPTIONS = { padding: 0.1, includeHiddenNodes: true } as const;

/** Up to this many top-level nodes, "fit" shows them all; beyond, it shows where the graph starts. */
export const FIT_ALL_MAX = 120;
/** How many nodes "where the graph starts" takes: about a screenful at a readable zoom. */
export const FIT_FIRST = 20;
/** And never smaller than this zoom for them, where names can still be read. */
export const FIT_FIRST_MIN_ZOOM = 0.5;

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

/**
 * The viewport that shows `bounds` (where the graph starts) from its top-left corner, at a zoom between
 * `FIT_FIRST_MIN_ZOOM` and 1: a fit would centre them, and cut off the first rows when the zoom is clamped.
 */
export function startViewport(
  bounds: { x: number; y: number; width: number; height: number },
  paneWidth: number,
  paneHeight: number,
  pad = 24,
): { x: number; y: number; zoom: number } {
  const fit = Math.min((paneWidth - 2 * pad) / bounds.width, (paneHeight - 2 * pad) / bounds.height);
  const zoom = Math.min(1, Math.max(FIT_FIRST_MIN_ZOOM, fit));
  return { x: pad - bounds.x * zoom, y: pad - bounds.y * zoom, zoom };
}
