// `its diff -o json`: the comparison minus its large text fields, offsets replaced by file:line. The shape is
// documented in cli/README.md; change it only additively.
import type { Comparison, Meaning } from '../src/core/compare/types';
import { meaningPlace, placeOf, type Side } from './diff-place';

function meaningJson(m: Meaning, sides: { base: Side; head: Side }): Record<string, unknown> {
  const { range: _range, side: _side, ...rest } = m;
  const at = meaningPlace(m, sides);
  return { ...rest, ...(at ? { file: at.file, line: at.line } : {}) };
}

export function formatDiffJson(c: Comparison, sides: { base: Side; head: Side }): string {
  const out = {
    summary: c.summary,
    risk: c.risk,
    resources: c.resources.map((r) => ({
      ref: r.ref,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      change: r.change,
      fields: r.fields,
      risk: r.risk,
      base: placeOf(sides.base, r.baseRange) ?? null,
      head: placeOf(sides.head, r.headRange) ?? null,
      meanings: r.meanings.map((m) => meaningJson(m, sides)),
    })),
    meanings: c.meanings.map((m) => meaningJson(m, sides)),
    behaviour: c.behaviour,
    findings: c.findings,
    phases: c.phases.map(({ yaml: _yaml, ...p }) => p),
    notes: c.notes,
    requestsTraced: c.requestsTraced,
  };
  return JSON.stringify(out, null, 2);
}
