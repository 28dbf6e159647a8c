// Pane sizes: pure rules (defaults, clamping, collapse) apart from the hook that drags and stores them.

export interface PaneSizes {
  /** YAML pane width in px; 0 = collapsed. */
  left: number;
  /** Side panel (inspector, simulator) width in px; 0 = collapsed. */
  right: number;
  /** Problems panel height in px (while open). */
  problems: number;
}

export const PANES_KEY = 'its:panes';
/** Dragged narrower than this, a side pane collapses (and opens again when dragged out). */
export const COLLAPSE_BELOW = 140;
const MIN_SIDE = 200;
/** The canvas keeps at least this much. */
const MIN_CANVAS = 320;

/**
 * Defaults that leave the canvas room for a fitted graph at a readable zoom: about a quarter for the YAML
 * (it had 40%, which left the canvas 500 px of a 1440 px window and the graph at a third of its size).
 */
export function defaultSizes(windowWidth: number): PaneSizes {
  return {
    left: Math.round(Math.min(560, Math.max(300, windowWidth * 0.27))),
    // The inspector's forms are laid out for 340 px.
    right: 340,
    problems: 150,
  };
}

/** A dragged side pane's width: collapsed below COLLAPSE_BELOW, else at least MIN_SIDE, leaving the canvas room. */
export function clampSide(want: number, other: number, windowWidth: number): number {
  if (want < COLLAPSE_BELOW) return 0;
  const max = Math.max(MIN_SIDE, windowWidth - other - MIN_CANVAS);
  return Math.round(Math.min(max, Math.max(MIN_SIDE, want)));
}

export function clampProblems(want: number, canvasPaneHeight: number): number {
  return Math.round(Math.min(Math.max(80, canvasPaneHeight - 160), Math.max(80, want)));
}

/** Stored sizes, or undefined when there are none or they are not ours (never throws). */
export function readSizes(raw: string | null): PaneSizes | undefined {
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return undefined;
    const { left, right, problems } = v as Record<string, unknown>;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
    return ok(left) && ok(right) && ok(problems) ? { left, right, problems } : undefined;
  } catch {
    return undefined;
  }
}
