// Findings new in head and findings the change fixed, keyed by code, resource and path: offsets move with
// every edit above them, so they cannot say whether two findings are the same.
import type { Diagnostic } from '../validate/types';
import type { FindingRef } from './types';

function toRef(d: Diagnostic): FindingRef {
  return { code: d.code, severity: d.severity, message: d.message, resource: d.resource, path: d.path };
}

const keyOf = (d: Diagnostic): string => `${d.code}|${d.resource ?? ''}|${d.path}`;

/** Head findings whose key base lacks (`added`), and base findings whose key head lacks (`fixed`). */
export function diffFindings(
  base: readonly Diagnostic[],
  head: readonly Diagnostic[],
): { added: FindingRef[]; fixed: FindingRef[]; ranges: Map<FindingRef, [number, number]> } {
  const ranges = new Map<FindingRef, [number, number]>();
  const refOf = (d: Diagnostic): FindingRef => {
    const f = toRef(d);
    ranges.set(f, d.range);
    return f;
  };
  const bk = new Set(base.map(keyOf));
  const hk = new Set(head.map(keyOf));
  const uniq = (ds: readonly Diagnostic[]): Diagnostic[] => {
    const seen = new Set<string>();
    return ds.filter((d) => !seen.has(keyOf(d)) && seen.add(keyOf(d)) !== undefined);
  };
  return {
    added: uniq(head.filter((d) => !bk.has(keyOf(d)))).map(refOf),
    fixed: uniq(base.filter((d) => !hk.has(keyOf(d)))).map(refOf),
    ranges,
  };
}
