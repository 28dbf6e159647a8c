import type { Point } from '../../core/graph/types';

/**
 * React Flow's own fit (export pictures use it): by the sizes the nodes declare (they are computed, see
 * core/graph/sizes.ts), since with only visible nodes drawn most nodes are never measured.
 */
export const FIT_OPTIONS = { padding: 0.1, includeHiddenNodes: true } as const;

/**
 * The zoom floor of every fit in the app: node text is at least 12 px (app.css), and at this zoom it is
 * still 10 px on screen (10 / 12, rounded up: React Flow rounds the zoom it draws at). A graph that does not fit at this zoom is shown from its start and scrolled.
 */
export const READABLE_ZOOM = 0.84;
/** A small graph is not blown up past this. */
export const FIT_MAX_ZOOM = 1.2;

/** Up to this many top-level nodes, "fit" shows them all; beyond, it shows where the graph starts. */
export const FIT_ALL_MAX = 120;
/** How many nodes "where the graph starts" takes: about a screenful at a readable zoom. */
export const FIT_FIRST = 20;
/** And never smaller than this zoom for them, where names can still be read. */
export const FIT_FIRST_MIN_ZOOM = READABLE_ZOOM;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

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
 * The viewport that shows `bounds` (flow coordinates) inside `free` (pane pixels): zoomed to fit, but not
 * below READABLE_ZOOM nor above FIT_MAX_ZOOM; centred along an axis where it fits, else from its start
 * (top, left), so what does not fit is reached by scrolling rather than drawn too small to read.
 */
export function fitViewport(bounds: Rect, free: Rect, pad = 16): Viewport {
  const w = Math.max(1, free.width - 2 * pad);
  const h = Math.max(1, free.height - 2 * pad);
  const fit = Math.min(w / Math.max(1, bounds.width), h / Math.max(1, bounds.height));
  const zoom = Math.min(FIT_MAX_ZOOM, Math.max(READABLE_ZOOM, fit));
  const along = (start: number, room: number, from: number, size: number) =>
    size * zoom <= room ? start + pad + (room - size * zoom) / 2 - from * zoom : start + pad - from * zoom;
  return {
    x: along(free.x, w, bounds.x, bounds.width),
    y: along(free.y, h, bounds.y, bounds.height),
    zoom,
  };
}

/** What covers the canvas: a band at the top (palette, filters) and boxes in the bottom corners. */
export interface Overlays {
  top: number;
  bottomLeft?: { width: number; height: number };
  bottomRight?: { width: number; height: number };
}

/**
 * The free rectangles a fit may use: above both bottom corners' boxes, or between them down to the bottom.
 * `bestFit` takes whichever shows the graph larger, so a wide graph goes above the overview map and a tall
 * one beside it, and no node is under it.
 */
export function freeAreas(pane: { width: number; height: number }, o: Overlays): Rect[] {
  const bl = o.bottomLeft ?? { width: 0, height: 0 };
  const br = o.bottomRight ?? { width: 0, height: 0 };
  const height = pane.height - o.top;
  return [
    { x: 0, y: o.top, width: pane.width, height: height - Math.max(bl.height, br.height) },
    { x: bl.width, y: o.top, width: pane.width - bl.width - br.width, height },
  ];
}

/** The viewport of the free area that shows the graph largest (the first on a tie). */
export function bestFit(bounds: Rect, areas: readonly Rect[], pad = 16): Viewport {
  let best: Viewport | undefined;
  for (const a of areas) {
    if (a.width <= 0 || a.height <= 0) continue;
    const v = fitViewport(bounds, a, pad);
    if (!best || v.zoom > best.zoom + 1e-6) best = v;
  }
  return best ?? { x: 0, y: 0, zoom: 1 };
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
  top = 0,
): Viewport {
  const fit = Math.min((paneWidth - 2 * pad) / bounds.width, (paneHeight - top - 2 * pad) / bounds.height);
  const zoom = Math.min(1, Math.max(FIT_FIRST_MIN_ZOOM, fit));
  return { x: pad - bounds.x * zoom, y: top + pad - bounds.y * zoom, zoom };
}
