// Node sizes are computed here, not measured in the DOM, so layout can run headless and in a worker.
// The canvas components render at exactly these sizes (app.css uses the same figures; e2e big-paste checks
// that edges meet the handles drawn, readable.spec that the text on screen stays readable).
//
// Dense on purpose: at the zoom where 12 px text is still 10 px on screen (see READABLE_ZOOM in
// ui/canvas/fit-target.ts), a graph of ~30 nodes has to fit a 1440×900 window beside the editor.
export const NODE_WIDTH = 184;
/** Kind line (12 px) over the name line (14 px). */
export const HEADER_HEIGHT = 42;
/** One body line of 12 px text. */
export const LINE_HEIGHT = 20;
/** One route row of a VirtualService (it carries a handle). */
export const ROW_HEIGHT = 24;
/** Space under the last line. */
export const BOTTOM_PAD = 6;
/** The rule above a VirtualService's route rows. */
export const ROWS_TOP = 4;
export const SUBSET_HEIGHT = 44;
export const SUBSET_GAP = 6;
export const SUBSET_INSET = 8;

const body = (lines: number) => HEADER_HEIGHT + LINE_HEIGHT * lines + BOTTOM_PAD;

export const sizeOf = {
  // The hosts line and up to three server lines.
  gateway: (servers: number) => body(1 + Math.max(0, Math.min(servers, 3))),
  // The hosts line, one row per route plus the "+ route" row people drag from to add a route.
  virtualservice: (rows: number) => body(1) + ROWS_TOP + ROW_HEIGHT * (rows + 1),
  service: () => body(1),
  serviceentry: () => body(1),
  // The host line, a line of policy badges when it has any, then the subsets.
  destinationrule: (subsets: number, badges = false) => {
    const top = HEADER_HEIGHT + LINE_HEIGHT * (badges ? 2 : 1);
    return subsets > 0
      ? top + subsets * (SUBSET_HEIGHT + SUBSET_GAP) - SUBSET_GAP + SUBSET_INSET
      : top + BOTTOM_PAD;
  },
  deployment: () => body(1),
  // The reason, on up to two lines.
  missing: () => body(2),
};

/** Centre of the i-th route row of a VirtualService, from its top. */
export function routeRowCentre(i: number): number {
  return HEADER_HEIGHT + LINE_HEIGHT + ROWS_TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2;
}

/** Position of the i-th subset inside its DestinationRule node (`badges`: the rule has a badge line). */
export function subsetOffset(i: number, badges = false): { x: number; y: number } {
  return {
    x: SUBSET_INSET,
    y: HEADER_HEIGHT + LINE_HEIGHT * (badges ? 2 : 1) + i * (SUBSET_HEIGHT + SUBSET_GAP),
  };
}
