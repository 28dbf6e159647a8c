/** Box of the graph in flow coordinates. */
export interface Box {
  width: number;
  height: number;
}

const MIN = 320;
const MAX = 4096;
const MARGIN = 48;

/** Image size for a graph: its own size at zoom 1 plus a margin, within [320, 4096] pixels a side. */
export function imageSize(bounds: Box): Box {
  const clamp = (n: number) => Math.round(Math.min(MAX, Math.max(MIN, n + 2 * MARGIN)));
  return { width: clamp(bounds.width), height: clamp(bounds.height) };
}
