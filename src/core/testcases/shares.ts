import { isRec } from '../model/read';
import type { ShareSpec } from './types';

export interface ParsedShares {
  shares: ShareSpec[];
  error: string | undefined;
}

const PERCENT = /^(\d+(?:\.\d+)?)%?$/;

function percentOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const m = typeof v === 'string' ? PERCENT.exec(v.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Reads expected shares, written as a map (`{"reviews v1": 80, "reviews v2": "20%"}`) or a string
 * (`reviews v1 80%, v2 20%`). In the string, an entry of one name after an entry with a subset is another subset
 * of the same host (`v2` above); otherwise a name alone is a host (`reviews 50%, ratings 50%`). A lone entry
 * without a percentage means all of it (`reviews v2`). Never throws: what cannot be read is `error`.
 */
export function parseShares(value: unknown): ParsedShares {
  if (isRec(value)) {
    const shares: ShareSpec[] = [];
    for (const [key, v] of Object.entries(value)) {
      const [host, subset, extra] = key.trim().split(/\s+/);
      const percent = percentOf(v);
      if (!host || extra !== undefined || percent === undefined)
        return { shares: [], error: `shares: expected "host [subset]": percent, got "${key}": ${String(v)}` };
      shares.push({ host, subset, percent });
    }
    return { shares, error: undefined };
  }
  if (typeof value !== 'string') return { shares: [], error: 'shares: expected a map or a string' };
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const shares: ShareSpec[] = [];
  let prev: ShareSpec | undefined;
  for (const entry of entries) {
    const words = entry.split(/\s+/);
    const last = words[words.length - 1] ?? '';
    const hasPercent = /^\d+(?:\.\d+)?%$/.test(last) || (words.length > 1 && PERCENT.test(last));
    const percent = hasPercent ? percentOf(last) : entries.length === 1 ? 100 : undefined;
    const names = hasPercent ? words.slice(0, -1) : words;
    if (percent === undefined || names.length === 0 || names.length > 2)
      return { shares: [], error: `shares: cannot read "${entry}" (expected "host [subset] N%")` };
    let spec: ShareSpec;
    if (names.length === 2) spec = { host: names[0] as string, subset: names[1], percent };
    else if (prev?.subset !== undefined) spec = { host: prev.host, subset: names[0], percent };
    else spec = { host: names[0] as string, subset: undefined, percent };
    shares.push(spec);
    prev = spec;
  }
  if (shares.length === 0) return { shares: [], error: 'shares: empty' };
  return { shares, error: undefined };
}

/**
 * Writes shares as the string form, the host named once per run of the same host: `reviews v1 80%, v2 20%`.
 * Hosts without a subset come first: after an entry with a subset, a lone name would read as a subset.
 */
export function formatShares(shares: readonly ShareSpec[]): string {
  let prevHost: string | undefined;
  let prevHadSubset = false;
  const ordered = [
    ...shares.filter((s) => s.subset === undefined),
    ...shares.filter((s) => s.subset !== undefined),
  ];
  return ordered
    .map((s) => {
      const sameHost = s.host === prevHost && prevHadSubset && s.subset !== undefined;
      prevHost = s.host;
      prevHadSubset = s.subset !== undefined;
      const name = sameHost ? s.subset : s.subset !== undefined ? `${s.host} ${s.subset}` : s.host;
      return `${name} ${round(s.percent)}%`;
    })
    .join(', ');
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
