import type { Diagnostic, Severity } from '../../core/validate/types';
import type { LineIndex } from '../../core/yaml/line-index';

/** A Monaco marker without Monaco: the adapter stays pure and testable. */
export interface MarkerData {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
  code: string;
  severity: Severity;
  source: string;
}

/** Diagnostics to marker data at 1-based lines and columns; an empty range still marks one character. */
export function toMarkers(diagnostics: readonly Diagnostic[], lines: LineIndex): MarkerData[] {
  return diagnostics.map((d) => {
    const a = lines.at(d.range[0]);
    const b = lines.at(Math.max(d.range[1], d.range[0] + 1));
    return {
      startLineNumber: a.line,
      startColumn: a.col,
      endLineNumber: b.line,
      endColumn: b.line === a.line && b.col <= a.col ? a.col + 1 : b.col,
      message: d.message,
      code: d.code,
      severity: d.severity,
      source: d.resource ?? 'yaml',
    };
  });
}
