import { derive } from '../src/core/derive';
import { runCases, type RunReport } from '../src/core/testcases/run';
import type { TestCase } from '../src/core/testcases/types';
import { rangeAt } from '../src/core/yaml/locate';
import { combine, locate, type FilePlace, type InputFile } from './combine';
import { lastApplied } from './last-applied';

/** A rule no case reached, with where it is written. */
export interface UnreachedRule {
  id: string;
  place: FilePlace | undefined;
}

export interface FileRun {
  report: RunReport;
  /** `file:line:column: reason` of each syntax error; when any, nothing ran. */
  parseErrors: string[];
  unreached: UnreachedRule[];
  /** How many resources the manifests hold (for progress). */
  resources: number;
}

/**
 * Runs cases against manifest files as one mesh, the way `kubectl apply -f` of all of them leaves it (the last
 * of several resources with one name), and places each unreached rule at its file and line.
 */
export function runFiles(
  manifests: readonly InputFile[],
  cases: readonly TestCase[],
  namespace = '',
): FileRun {
  const combined = combine(manifests);
  const derived = derive(combined.text, namespace ? { defaultNamespace: namespace } : {});
  if (derived.parseErrors.length > 0) {
    const parseErrors = derived.parseErrors.map((p) => {
      const at = locate(combined, p.start);
      return `${at ? `${at.file}:${at.line}:${at.column}` : '?'}: cannot read this YAML: ${p.message}`;
    });
    return { report: { cases: [], rules: [], unreached: [] }, parseErrors, unreached: [], resources: 0 };
  }
  const report = runCases(lastApplied(derived.model), cases, namespace || derived.namespace.name);
  const unreached = report.rules
    .filter((r) => !r.reached)
    .map((r) => {
      const doc = derived.parsed.docs[r.docIndex];
      return { id: r.id, place: doc ? locate(combined, rangeAt(doc, r.path)[0]) : undefined };
    });
  return { report, parseErrors: [], unreached, resources: derived.model.resources.length };
}
