import type { Diagnostic, Severity } from '../../../core/validate/types';
import { LineIndex } from '../../../core/yaml/line-index';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityFilter = Readonly<Record<Severity, boolean>>;

export const ALL_SEVERITIES: SeverityFilter = { error: true, warning: true, info: true };

/** One row of the problems panel: the diagnostic and where it starts, 1-based. */
export interface ProblemRow {
  key: string;
  diagnostic: Diagnostic;
  line: number;
  col: number;
}

/** How many diagnostics of each severity. */
export function severityCounts(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) out[d.severity] += 1;
  return out;
}

/** The rows to show, in the diagnostics' order (severity, then position), keeping the severities asked for. */
export function problemRows(
  diagnostics: readonly Diagnostic[],
  text: string,
  filter: SeverityFilter,
): ProblemRow[] {
  const lines = new LineIndex(text);
  const seen = new Map<string, number>();
  return diagnostics
    .filter((d) => filter[d.severity])
    .map((d) => {
      const at = lines.at(d.range[0]);
      const base = `${d.code}|${d.resource ?? ''}|${d.path}|${d.range[0]}`;
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      return { key: `${base}|${n}`, diagnostic: d, line: at.line, col: at.col };
    });
}

/** Text for the header: `3 errors, 1 warning`, or `No problems`. */
export function summary(counts: Record<Severity, number>): string {
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map(
    (s) => `${counts[s]} ${s === 'info' ? 'info' : counts[s] === 1 ? s : `${s}s`}`,
  );
  return parts.length ? parts.join(', ') : 'No problems';
}
