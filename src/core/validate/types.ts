import type { EditIntent, TextEdit } from '../edit/intents';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A fix the editor can apply for a diagnostic: an edit op's intent, or (for a fix that is exactly one splice,
 * like quoting a scalar) the text edit itself, applied only while the text still `replaces` what it was.
 */
export type QuickFix =
  | { title: string; intent: EditIntent; edit?: undefined }
  | { title: string; edit: TextEdit & { replaces: string }; intent?: undefined };

/** One finding: data, not presentation. Ranges are absolute offsets into the text. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  /** Says what is wrong and what to do about it. */
  message: string;
  /** `Kind ns/name`, or undefined for a finding about the text itself. */
  resource: string | undefined;
  /** Formatted YAML path, e.g. `spec/http[0]/route[1]/destination/subset`. */
  path: string;
  range: [number, number];
  /** Canvas node or edge the badge goes on. */
  nodeId?: string;
  edgeId?: string;
  /** Fixes in order of preference: the first is the one to offer first (Monaco's preferred quick fix). */
  fixes?: QuickFix[];
  /**
   * The other places of the same finding: one finding about a missing thing lists every reference to it here
   * (the first is at `range`).
   */
  related?: RelatedPlace[];
}

/** Another place a finding concerns. */
export interface RelatedPlace {
  resource: string | undefined;
  path: string;
  range: [number, number];
}
