// html-to-image copies computed styles into HTML elements only; an <svg> subtree is cloned as it is, so the
// edges (stroked by class rules) would come out without a stroke. Until then, write the paint onto them.
const PAINT = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-opacity',
  'opacity',
  'display',
  'visibility',
  'font-family',
  'font-size',
  'font-weight',
] as const;

/** Inlines the computed paint of every SVG shape under `root`; returns a function that undoes it. */
export function inlineSvgStyles(root: Element): () => void {
  const saved: [SVGElement, string | null][] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    const computed = getComputedStyle(el);
    saved.push([el, el.getAttribute('style')]);
    for (const p of PAINT) el.style.setProperty(p, computed.getPropertyValue(p));
  }
  return () => {
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}
