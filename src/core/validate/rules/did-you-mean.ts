import type { ValidationContext } from '../context';
import type { QuickFix } from '../types';

/**
 * Edit distance with adjacent transpositions counted as one edit (optimal string alignment), so `reveiws` is
 * one typo away from `reviews`. Stops early once every path exceeds `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      }
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The longest Kubernetes name or DNS host. */
const MAX_NAME = 253;

const digitsOut = (s: string) => s.replace(/[0-9]+/g, '#');

/**
 * The candidate a misspelt name most likely meant: one equal but for case first, else the nearest by edit
 * distance when it is close for the name's length (under a third of it). Names that differ only in their
 * numbers (`v3` and `v1`, `api-v2` and `api-v1`) are different versions, never typos of each other. Ties go to
 * the candidate listed first.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  // Kubernetes names and DNS hosts are at most 253 characters: longer ones are not typed by hand, and the
  // distance would cost their lengths' product (a 50,000-character name took minutes).
  if (name.length > MAX_NAME) return undefined;
  const lower = name.toLowerCase();
  const list = [...new Set(candidates)].filter((c) => c !== name && c.length <= MAX_NAME);
  const sameCase = list.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;
  const max = Math.ceil(lower.length / 3) - 1;
  if (max < 1) return undefined;
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of list) {
    const cl = c.toLowerCase();
    if (digitsOut(cl) === digitsOut(lower)) continue;
    const d = editDistance(lower, cl, bestD - 1);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

// Plain scalars that YAML 1.1 (kubectl) would not read as the same string: they get quotes.
const PLAIN_SAFE = /^[A-Za-z0-9]([-A-Za-z0-9._/]*[A-Za-z0-9])?$/;
const YAML11_SPECIAL = /^(y|n|yes|no|on|off|true|false|null|~|[-+]?[0-9][0-9_.:eE+-]*|\.inf|\.nan)$/i;

/** `value` written in the style of `raw` (the scalar's source): double or single quotes kept, plain kept when safe. */
export function scalarLike(raw: string, value: string): string {
  if (raw.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (raw.startsWith('"') || !PLAIN_SAFE.test(value) || YAML11_SPECIAL.test(value)) {
    return JSON.stringify(value);
  }
  return value;
}

/**
 * A quick fix replacing the scalar at `range` (a diagnostic's range, which covers the scalar's quotes) with
 * `value`, keeping its quoting; applied only while the text still holds the scalar.
 */
export function changeScalarFix(
  ctx: ValidationContext,
  range: readonly [number, number],
  value: string,
): QuickFix | undefined {
  const [start, end] = range;
  const raw = ctx.parsed.text.slice(start, end);
  if (end <= start || raw.includes('\n')) return undefined;
  return {
    title: `Change to \`${value}\``,
    edit: { start, end, text: scalarLike(raw, value), replaces: raw },
  };
}
