import { graphSvg, type GraphPicture } from '../../../core/export/svg';
import { placeIncrementally } from '../../../core/graph/layout';
import type { Graph, Point } from '../../../core/graph/types';
import { pngScale } from './image-size';

/**
 * The picture of the whole graph, at the positions the canvas draws it (stored ones; the layout for the
 * rest): drawn from the graph, not copied from the screen, so no handles, selection or simulator highlight.
 */
export function graphPicture(graph: Graph, stored: Record<string, Point>): GraphPicture {
  if (graph.nodes.length === 0) throw new Error('The canvas has nothing to draw yet.');
  return graphSvg(graph, placeIncrementally(graph, new Map(Object.entries(stored))));
}

/** The SVG as a file. */
export function svgBlob(picture: GraphPicture): Blob {
  return new Blob([picture.svg], { type: 'image/svg+xml' });
}

/** The SVG drawn into a canvas at twice its size (less for a huge graph), as PNG bytes. */
export async function pngBlob(picture: GraphPicture): Promise<Blob> {
  const url = URL.createObjectURL(svgBlob(picture));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = pngScale(picture.width, picture.height);
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(picture.width * scale));
    canvas.height = Math.max(1, Math.round(picture.height * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the picture (no 2D canvas).');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('The picture is too big to draw.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
