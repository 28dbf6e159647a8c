import type { Diagnostic, Severity } from '../src/core/validate/types';
import { locate, type Combined, type FilePlace } from './combine';

/** One finding of `its check`, placed in its own file: the JSON output's shape (DESIGN.md, CLI contract). */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  /** `Kind ns/name`, or null for a finding about the text itself (a YAML syntax error). */
  resource: string | null;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Other places of the same finding (every reference to one missing thing). */
  related: (FilePlace & { resource: string | null })[];
}

const NOWHERE: FilePlace = { file: '', line: 1, column: 1 };

/** Places the core's diagnostics (offsets into the combined text) back in the files they came from. */
export function toFindings(diagnostics: readonly Diagnostic[], combined: Combined): Finding[] {
  return diagnostics.map((d) => {
    const start = locate(combined, d.range[0]) ?? NOWHERE;
    const end = locate(combined, Math.max(d.range[0], d.range[1])) ?? start;
    // A range that ends past its file's last byte (or in a separator) is cut at the start's line.
    const sameFile = end.file === start.file;
    return {
      code: d.code,
      severity: d.severity,
      message: d.message,
      resource: d.resource ?? null,
      file: start.file,
      line: start.line,
      column: start.column,
      endLine: sameFile ? end.line : start.line,
      endColumn: sameFile ? end.column : start.column,
      related: (d.related ?? []).slice(1).map((r) => ({
        ...(locate(combined, r.range[0]) ?? NOWHERE),
        resource: r.resource ?? null,
      })),
    };
  });
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when a finding is at or above a threshold (`error` > `warning` > `info`). */
export function atOrAbove(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] <= RANK[threshold];
}
