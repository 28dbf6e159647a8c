import { useStoreApi } from '@xyflow/react';
import { useEffect, useMemo } from 'react';
import { placeIncrementally } from '../../core/graph/layout';
import type { Graph, Point } from '../../core/graph/types';
import type { StudioState } from '../../state/store';
import { useStudio, useStudioStore } from '../store-context';

const selectPositions = (s: StudioState) => s.positions;

/**
 * Positions for every node: stored ones kept, new nodes placed by the layered layout. New top-level
 * positions are written back to the store so they persist across edits and reloads.
 */
export function usePositions(graph: Graph): Map<string, Point> {
  const stored = useStudio(selectPositions);
  const store = useStudioStore();
  const flow = useStoreApi();
  const placed = useMemo(() => {
    // The canvas's shape, read (not subscribed to): a resize must not lay the graph out again.
    // Before React Flow has measured it (the first render), the window's less the panes beside it.
    const { width, height } = flow.getState();
    const aspect =
      width > 0 && height > 0
        ? width / height
        : Math.max(0.5, window.innerWidth - 760) / Math.max(300, window.innerHeight - 220);
    return placeIncrementally(graph, new Map(Object.entries(stored)), { aspect });
  }, [graph, stored, flow]);
  useEffect(() => {
    // Read the store now, not the render's copy: a drop may have placed a node since this render.
    const current = store.getState().positions;
    const fresh = graph.nodes.filter((n) => !n.parentId && !(n.id in current));
    if (fresh.length === 0) return;
    const next = { ...current };
    for (const n of fresh) {
      const p = placed.get(n.id);
      if (p) next[n.id] = p;
    }
    store.getState().setPositions(next);
  }, [graph, placed, stored, store]);
  return placed;
}
