// Findings new in head and findings the change fixed, keyed by code, resource and path: offsets move with
// every edit above them, so they cannot say whether two findings are the same.
import type { Diagnostic } from '../validate/types';
import type { FindingRef } from './types';

function toRef(d: Diagnostic): FindingRef {
  return { code: d.code, severity: d.severity, message: d.message, resource: d.resource, path: d.path };
}

const keyOf = (d: Diagnostic): string => `${d.code}|${d.resource ?? ''}|${d.path}`;
// A rule inserted above moves the path of every finding below it (`http[0]` → `http[1]`): the same code and
// message on the same resource is the same finding.
const sayOf = (d: Diagnostic): string => `${d.code}|${d.resource ?? ''}|${d.message}`;

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
  const bk = new Set([...base.map(keyOf), ...base.map(sayOf)]);
  const hk = new Set([...head.map(keyOf), ...head.map(sayOf)]);
  const known =
    (keys: Set<string>) =>
    (d: Diagnostic): boolean =>
      keys.has(keyOf(d)) || keys.has(sayOf(d));
  const uniq = (ds: readonly Diagnostic[]): Diagnostic[] => {
    const seen = new Set<string>();
    return ds.filter((d) => !seen.has(keyOf(d)) && seen.add(keyOf(d)) !== undefined);
  };
  return {
    added: uniq(head.filter((d) => !known(bk)(d))).map(refOf),
    fixed: uniq(base.filter((d) => !known(hk)(d))).map(refOf),
    ranges,
  };
}
