import type { Selection } from '../../state/store';

/**
 * Store ⇄ React Flow selection, with the store as the one source of truth:
 * - store → canvas: `withSelection` marks the selected item while rendering, so React Flow never sees a node
 *   selection and an edge selection from two different moments;
 * - canvas → store: `selectionAfter` reads the `select` changes React Flow emits for clicks, selection boxes and
 *   keys. React Flow emits none for `selected` flags that came in through props, so the store's own selection,
 *   echoed back, never reaches the store again (an echo through `onSelectionChange` did, and looped: React #185).
 */

interface Selectable {
  id: string;
  selected?: boolean;
}

/**
 * The items with `selected` set on the one whose id is given and cleared on the others. Items whose flag is
 * already right keep their identity, and the array keeps its own when no flag changes, so React Flow does no
 * work for a selection it already shows.
 */
export function withSelection<T extends Selectable>(items: T[], id: string | undefined): T[] {
  let changed = false;
  const out = items.map((item) => {
    const want = item.id === id;
    if ((item.selected ?? false) === want) return item;
    changed = true;
    return { ...item, selected: want };
  });
  return changed ? out : items;
}

interface SelectChange {
  type: string;
  id?: string;
  selected?: boolean;
}

/**
 * The store selection after React Flow's changes to nodes or edges, or undefined when it stays as it is.
 * The first item switched on wins (the store holds one); switching off the selected item clears it, while
 * switching off others (React Flow clears the old node when an edge is clicked, in a separate call) does not.
 */
export function selectionAfter(
  current: Selection,
  of: 'node' | 'edge',
  changes: readonly SelectChange[],
): Selection | undefined {
  const selects = changes.filter((c) => c.type === 'select');
  const on = selects.find((c) => c.selected === true)?.id;
  const mine = of === 'node' ? current.nodeId : current.edgeId;
  let next: Selection;
  if (on !== undefined)
    next = of === 'node' ? { nodeId: on, edgeId: undefined } : { nodeId: undefined, edgeId: on };
  else if (mine !== undefined && selects.some((c) => c.id === mine))
    next = { nodeId: undefined, edgeId: undefined };
  else return undefined;
  return next.nodeId === current.nodeId && next.edgeId === current.edgeId ? undefined : next;
}
