// Node sizes are computed here, not measured in the DOM, so layout can run headless and in a worker.
// The canvas components render at exactly these sizes.
export const NODE_WIDTH = 260;
export const HEADER_HEIGHT = 58;
export const ROW_HEIGHT = 26;
export const SUBSET_HEIGHT = 50;
export const SUBSET_GAP = 8;
export const SUBSET_INSET = 10;

export const sizeOf = {
  gateway: (servers: number) => HEADER_HEIGHT + ROW_HEIGHT * Math.max(1, Math.min(servers, 4)),
  // One row per route plus the "+ route" row people drag from to add a route.
  virtualservice: (rows: number) => HEADER_HEIGHT + 8 + ROW_HEIGHT * (rows + 1),
  service: () => HEADER_HEIGHT + ROW_HEIGHT,
  serviceentry: () => HEADER_HEIGHT + ROW_HEIGHT,
  destinationrule: (subsets: number) =>
    HEADER_HEIGHT +
    8 +
    Math.max(0, subsets) * (SUBSET_HEIGHT + SUBSET_GAP) +
    (subsets > 0 ? SUBSET_INSET - SUBSET_GAP : 0),
  deployment: () => HEADER_HEIGHT + ROW_HEIGHT,
  missing: () => HEADER_HEIGHT,
};

/** Position of the i-th subset inside its DestinationRule node. */
export function subsetOffset(i: number): { x: number; y: number } {
  return { x: SUBSET_INSET, y: HEADER_HEIGHT + 8 + i * (SUBSET_HEIGHT + SUBSET_GAP) };
}
