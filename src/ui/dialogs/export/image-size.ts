/** The PNG is drawn at twice the picture's size, so text stays sharp when zoomed or shown on a dense screen. */
export const PNG_SCALE = 2;
// Chromium refuses canvases above 16,384 px a side (and ~268 M pixels); stay well inside, so a big graph
// gets a smaller scale instead of a blank image.
const MAX_SIDE = 16_000;
const MAX_PIXELS = 120_000_000;

/** The scale to draw a `width`×`height` picture at: `PNG_SCALE`, or less when that would exceed a canvas. */
export function pngScale(width: number, height: number): number {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min(PNG_SCALE, MAX_SIDE / w, MAX_SIDE / h, Math.sqrt(MAX_PIXELS / (w * h)));
}
