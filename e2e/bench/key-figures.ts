// Per-key clocks from the typing bench turned into the figures it prints. A key that never showed counts as
// infinitely slow, so a swallowed key raises the p95 instead of vanishing from it.

export interface KeyTimes {
  t0: number;
  /** ms from keydown until the canvas showed this key (or a later one, for the label typing). */
  graph?: number;
  /** The key's own state was drawn (label typing). */
  own?: boolean;
  /** ms from keydown until the markers followed (weight typing). */
  marker?: number;
}

const TARGET = 50;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Infinity;
}

function spread(values: (number | undefined)[]) {
  const sorted = values.map((v) => v ?? Infinity).sort((a, b) => a - b);
  const fmt = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : '—');
  const p95 = percentile(sorted, 95);
  return {
    p50: fmt(percentile(sorted, 50)),
    p95: fmt(p95),
    ok: sorted.length > 0 && p95 < TARGET ? '✅' : '❌',
    missed: values.filter((v) => v === undefined).length,
  };
}

export function keyFigures({ keys, longest }: { keys: KeyTimes[]; longest: number }) {
  return {
    graph: spread(keys.map((k) => k.graph)),
    marker: spread(keys.map((k) => k.marker)),
    own: keys.filter((k) => k.own).length,
    longest: longest.toFixed(0),
    longestOk: longest <= TARGET ? '✅' : '❌',
  };
}
