import { useReactFlow } from '@xyflow/react';
import { useCallback, type RefObject } from 'react';
import type { Graph, Point } from '../../core/graph/types';
import { bestFit, fitTarget, freeAreas, startViewport, type Overlays } from './fit-target';

/** What covers the canvas now, measured: the top bar and the boxes in the bottom corners. */
function overlaysOf(canvas: HTMLElement): Overlays {
  const c = canvas.getBoundingClientRect();
  const box = (sel: string) => {
    const r = canvas.querySelector(sel)?.getBoundingClientRect();
    return r && r.width > 0 ? r : undefined;
  };
  const top = box('.canvas-top');
  const map = box('.overview-map');
  const zoom = box('.react-flow__controls');
  // While comparing, the legend sits beside the zoom controls: the corner box covers both.
  const legend = box('.compare-legend');
  const controls =
    zoom && legend
      ? DOMRect.fromRect({
          x: Math.min(zoom.left, legend.left),
          y: Math.min(zoom.top, legend.top),
          width: Math.max(zoom.right, legend.right) - Math.min(zoom.left, legend.left),
          height: Math.max(zoom.bottom, legend.bottom) - Math.min(zoom.top, legend.top),
        })
      : (zoom ?? legend);
  const corner = (r: DOMRect | undefined, side: 'left' | 'right') =>
    r && {
      width: side === 'left' ? r.right - c.left + 8 : c.right - r.left + 8,
      height: c.bottom - r.top + 8,
    };
  return {
    top: top ? top.bottom - c.top + 4 : 0,
    bottomLeft: corner(controls, 'left'),
    bottomRight: corner(map, 'right'),
  };
}

/**
 * The canvas's fit: the whole graph (a big one: where it starts) at a readable zoom, in the part of the
 * canvas that the palette, filter bar, controls and overview map leave free.
 */
export function useFit(
  canvasRef: RefObject<HTMLElement | null>,
  graph: Graph,
  positions: ReadonlyMap<string, Point>,
): () => void {
  const rf = useReactFlow();
  return useCallback(() => {
    const canvas = canvasRef.current;
    const top = graph.nodes.filter((n) => !n.parentId).map((n) => n.id);
    if (!canvas || top.length === 0) return;
    const pane = { width: canvas.clientWidth, height: canvas.clientHeight };
    const overlays = overlaysOf(canvas);
    const first = fitTarget(positions, top);
    if (first) {
      const bounds = rf.getNodesBounds(first);
      void rf.setViewport(startViewport(bounds, pane.width, pane.height, 24, overlays.top));
      return;
    }
    const bounds = rf.getNodesBounds(top);
    void rf.setViewport(bestFit(bounds, freeAreas(pane, overlays)));
  }, [canvasRef, graph, positions, rf]);
}
