import { useState, type ReactNode } from 'react';

/** Rows drawn at first: a big mesh has thousands of clusters, and drawing them all would hold each keystroke. */
export const FIRST_ROWS = 200;

/** How many rows to draw, and the button that draws the rest. */
export function useRowLimit(total: number): { limit: number; more: ReactNode } {
  const [limit, setLimit] = useState(FIRST_ROWS);
  const more =
    total > limit ? (
      <button
        type="button"
        className="envoy-more"
        data-testid="envoy-show-all"
        onClick={() => setLimit(Infinity)}
      >
        Show all {total} ({total - limit} more)
      </button>
    ) : null;
  return { limit, more };
}
