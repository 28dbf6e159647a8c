/** A rectangle in flow coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** How flow coordinates map onto the overview: flow point p lands at (p - origin) * scale + offset. */
export interface OverviewFrame {
  originX: number;
  originY: number;
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** The smallest box holding all of `boxes` (undefined for none). */
export function bounds(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Fits `content` (the graph and the visible area together) into a `width`×`height` overview, centred. */
export function frameFor(content: Box, width: number, height: number, pad = 4): OverviewFrame {
  const scale = Math.min(
    (width - 2 * pad) / Math.max(content.width, 1),
    (height - 2 * pad) / Math.max(content.height, 1),
  );
  return {
    originX: content.x,
    originY: content.y,
    scale,
    offsetX: (width - content.width * scale) / 2,
    offsetY: (height - content.height * scale) / 2,
  };
}

export function toOverview(f: OverviewFrame, b: Box): Box {
  return {
    x: (b.x - f.originX) * f.scale + f.offsetX,
    y: (b.y - f.originY) * f.scale + f.offsetY,
    width: b.width * f.scale,
    height: b.height * f.scale,
  };
}

/** The flow point under an overview point. */
export function toFlow(f: OverviewFrame, x: number, y: number): { x: number; y: number } {
  return { x: (x - f.offsetX) / f.scale + f.originX, y: (y - f.offsetY) / f.scale + f.originY };
}

/** The flow area the pane shows for a viewport transform [tx, ty, zoom]. */
export function visibleArea(
  transform: readonly [number, number, number],
  paneWidth: number,
  paneHeight: number,
): Box {
  const [tx, ty, zoom] = transform;
  return { x: -tx / zoom, y: -ty / zoom, width: paneWidth / zoom, height: paneHeight / zoom };
}
