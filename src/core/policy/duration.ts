// Istio reads durations as Go durations: one or more "<number><unit>" parts, like 1s, 500ms, 1m30s, 1.5h.
const PART = /(\d+(?:\.\d+)?|\.\d+)(ns|us|µs|ms|s|m|h)/y;
const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds in an Istio duration (`1m30s` → 90000), or undefined when the text is not one. */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (t === '0') return 0;
  PART.lastIndex = 0;
  let total = 0;
  while (PART.lastIndex < t.length) {
    const m = PART.exec(t);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? Number.NaN);
  }
  return Number.isFinite(total) ? total : undefined;
}

/**
 * Why a duration field's text is not valid, or undefined when it is. `minMs` is the smallest value Istio
 * accepts for the field (most take at least 1ms).
 */
export function durationError(text: string, minMs = 1): string | undefined {
  const ms = parseDuration(text);
  if (ms === undefined) {
    const hint = /^\d+(\.\d+)?$/.test(text.trim()) ? ` (add a unit: ${text.trim()}s?)` : '';
    return `"${text}" is not a duration${hint}: write a number and a unit, like 1s, 500ms or 1m30s (units h, m, s, ms, us, ns).`;
  }
  if (ms < minMs) return `"${text}" is too short: use at least ${formatDuration(minMs)}.`;
  return undefined;
}

/** The shortest Istio duration text for a number of milliseconds (90000 → `1m30s`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  if (rest > 0) parts.push(Number.isInteger(rest) ? `${rest}ms` : `${Math.round(rest * 1e6)}ns`);
  return parts.join('');
}
