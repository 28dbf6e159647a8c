import type { Diagnostic, Severity } from '../../core/validate/types';
import { LineIndex } from '../../core/yaml/line-index';

/** The owner of our markers on a model, so setting them replaces ours and leaves monaco-yaml's schema ones. */
export const MARKER_OWNER = 'istio-traffic-studio';

/** The part of the `monaco` namespace markers need (the real one fits; tests pass a fake). */
export interface MarkerApi<M> {
  MarkerSeverity: { Error: number; Warning: number; Info: number };
  editor: {
    setModelMarkers(
      model: M,
      owner: string,
      markers: (Omit<MarkerData, 'severity'> & { severity: number })[],
    ): void;
  };
}

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

/** Offsets to 1-based lines and columns: a `LineIndex`, or the editor's model, which holds the same text. */
export interface Positions {
  at(offset: number): { line: number; col: number };
}

/** Diagnostics to marker data at 1-based lines and columns; an empty range still marks one character. */
export function toMarkers(diagnostics: readonly Diagnostic[], lines: Positions): MarkerData[] {
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

/** Shows a derivation's diagnostics as the model's markers (ours only), with Monaco's severities. */
export function setMarkers<M>(
  api: MarkerApi<M>,
  model: M,
  diagnostics: readonly Diagnostic[],
  text: string | Positions,
): void {
  const severity = {
    error: api.MarkerSeverity.Error,
    warning: api.MarkerSeverity.Warning,
    info: api.MarkerSeverity.Info,
  };
  // A model's positions cost a lookup each; a line index of a big text costs a pass over it for every key.
  const lines = typeof text === 'string' ? new LineIndex(text) : text;
  const markers = toMarkers(diagnostics, lines).map((m) => ({
    ...m,
    severity: severity[m.severity],
  }));
  api.editor.setModelMarkers(model, MARKER_OWNER, markers);
}
