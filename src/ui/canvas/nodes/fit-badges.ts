// Node sizes are fixed (core/graph/sizes.ts), so badges cannot push a node wider: those that do not fit
// in the room left are summarised as one "+N" badge whose tooltip lists them. Widths are estimated, not
// measured (nodes render before layout and off screen), on the wide side: a badge summarised too early
// is still listed; one estimated too narrow would be clipped and never seen.

// Upper bounds of 12 px characters by shape (DejaVu Sans, the widest common fallback, measured in Chromium:
// "MMMM" 41 px of text, "WWW" 36, "iiii" 13, "least request" 79, "mirror 50%" 67).
const charWidth = (c: string) =>
  /[MWm%@]/.test(c)
    ? 12
    : /[A-Z]/.test(c)
      ? 9
      : /[0-9]/.test(c)
        ? 7.7
        : /[iljtfr .,:;'|!()[\]-]/.test(c)
          ? 4.6
          : 7.4;
/** Padding and border of a badge, and the gap between badges. */
const CHROME = 12;
const GAP = 3;
/** The "+N" badge ("+1" draws 30.4 px; room for two digits). */
const MORE = 36;
export const MORE_WIDTH = MORE;

export function badgeWidth(label: string): number {
  let w = CHROME;
  for (const c of label) w += charWidth(c);
  return Math.ceil(w);
}

/**
 * How many of `labels`, in order, fit in `room` px, keeping room for a "+N" badge when some do not.
 * 0 means not even the first fits: the caller shows it cut short (see MORE_WIDTH) rather than only "+N".
 */
export function fitBadges(labels: readonly string[], room: number): number {
  const widths = labels.map(badgeWidth);
  const total = widths.reduce((a, w) => a + w + GAP, -GAP);
  if (total <= room) return labels.length;
  let used = MORE;
  let n = 0;
  for (const w of widths) {
    if (used + GAP + w > room) break;
    used += GAP + w;
    n++;
  }
  return n;
}
