import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { Graph, Point } from '../../core/graph/types';
import { bounds, frameFor, toFlow, toOverview, visibleArea, type OverviewFrame } from './overview-geometry';

const WIDTH = 180;
const HEIGHT = 120;

const selectView = (s: ReactFlowState) => ({
  tx: s.transform[0],
  ty: s.transform[1],
  zoom: s.transform[2],
  w: s.width,
  h: s.height,
});
const sameView = (a: ReturnType<typeof selectView>, b: ReturnType<typeof selectView>) =>
  a.tx === b.tx && a.ty === b.ty && a.zoom === b.zoom && a.w === b.w && a.h === b.h;

interface OverviewMapProps {
  graph: Graph;
  positions: ReadonlyMap<string, Point>;
}

/**
 * The whole graph in a corner, drawn on one 2D canvas, with the visible area outlined; press or drag in it to
 * look there, scroll in it to zoom. React Flow's own minimap renders a component per node, which cost
 * seconds on a 1,000-resource paste; one canvas costs a few milliseconds.
 */
export const OverviewMap = memo(function OverviewMap({ graph, positions }: OverviewMapProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const view = useStore(selectView, sameView);
  const rf = useReactFlow();
  const boxes = useMemo(
    () =>
      graph.nodes.flatMap((n) => {
        const p = n.parentId ? undefined : positions.get(n.id);
        return p ? [{ kind: n.kind, x: p.x, y: p.y, width: n.width, height: n.height }] : [];
      }),
    [graph, positions],
  );
  const frame = useRef<OverviewFrame | undefined>(undefined);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = WIDTH * ratio;
    canvas.height = HEIGHT * ratio;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    const seen = view.w > 0 ? visibleArea([view.tx, view.ty, view.zoom], view.w, view.h) : undefined;
    const content = bounds(seen ? [...boxes, seen] : boxes);
    if (!content) return;
    const f = frameFor(content, WIDTH, HEIGHT);
    frame.current = f;
    const style = getComputedStyle(canvas);
    const colors = new Map<string, string>();
    for (const b of boxes) {
      let color = colors.get(b.kind);
      if (color === undefined) {
        color = style.getPropertyValue(`--kind-${b.kind}`).trim() || '#888';
        colors.set(b.kind, color);
      }
      ctx.fillStyle = color;
      const r = toOverview(f, b);
      ctx.fillRect(r.x, r.y, Math.max(r.width, 1), Math.max(r.height, 1));
    }
    if (seen) {
      const r = toOverview(f, seen);
      ctx.strokeStyle = style.getPropertyValue('--fg').trim() || '#000';
      ctx.lineWidth = 1;
      ctx.strokeRect(r.x + 0.5, r.y + 0.5, r.width - 1, r.height - 1);
    }
  }, [boxes, view]);

  const lookAt = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const f = frame.current;
    if (!f) return;
    const rect = e.currentTarget.getBoundingClientRect();
    const p = toFlow(f, e.clientX - rect.left, e.clientY - rect.top);
    void rf.setCenter(p.x, p.y, { zoom: rf.getZoom(), duration: 0 });
  };

  return (
    <canvas
      ref={ref}
      className="overview-map nodrag nopan nowheel"
      data-testid="minimap"
      data-node-count={boxes.length}
      aria-label="Overview of the graph: press or drag to look at a part, scroll to zoom"
      style={{ width: WIDTH, height: HEIGHT }}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        lookAt(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons & 1) lookAt(e);
      }}
      onWheel={(e) => {
        void rf.zoomTo(rf.getZoom() * (e.deltaY < 0 ? 1.2 : 1 / 1.2), { duration: 0 });
      }}
    />
  );
});
