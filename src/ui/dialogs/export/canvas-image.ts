import { FIT_OPTIONS } from '../../canvas/fit-target';
import { getViewportForBounds, type ReactFlowInstance } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';
import type { StudioNode } from '../../canvas/to-flow';
import { imageSize } from './image-size';
import { inlineSvgStyles } from './inline-svg-styles';

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * A picture of the whole graph as a `data:` URL. The canvas draws only the nodes in view, so the view is
 * fitted first (and put back after); the viewport element is then rendered with a transform that frames
 * every node. html-to-image serialises the DOM, so names and labels stay text, escaped.
 */
export async function canvasImage(rf: ReactFlowInstance<StudioNode>, format: 'png' | 'svg'): Promise<string> {
  const viewport = document.querySelector<HTMLElement>('[data-testid="canvas"] .react-flow__viewport');
  const nodes = rf.getNodes();
  if (!viewport || nodes.length === 0) throw new Error('The canvas has nothing to draw yet.');
  const saved = rf.getViewport();
  await rf.fitView({ ...FIT_OPTIONS, duration: 0 });
  await nextFrame();
  await nextFrame();
  const restore = inlineSvgStyles(viewport);
  try {
    const bounds = rf.getNodesBounds(nodes);
    const { width, height } = imageSize(bounds);
    const v = getViewportForBounds(bounds, width, height, 0.05, 2, 0.05);
    const background = getComputedStyle(document.documentElement).getPropertyValue('--bg').trim();
    const options = {
      width,
      height,
      backgroundColor: background || '#ffffff',
      skipFonts: true,
      style: {
        width: `${width}px`,
        height: `${height}px`,
        transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})`,
      },
    };
    return format === 'png' ? await toPng(viewport, options) : await toSvg(viewport, options);
  } finally {
    restore();
    await rf.setViewport(saved, { duration: 0 });
  }
}
