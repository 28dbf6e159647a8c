// Compares two derived texts: what the change does to traffic (see README.md). Pure and total.
import type { Derived } from '../derive';
import type { CompareOptions, Comparison } from './types';

export type * from './types';

/** Stub until the real comparison lands: an empty, complete comparison. */
export function compare(base: Derived, head: Derived, options: CompareOptions = {}): Comparison {
  void base;
  void head;
  void options;
  return {
    resources: [],
    meanings: [],
    behaviour: [],
    phases: [],
    findings: { added: [], fixed: [] },
    risk: false,
    summary: {
      added: 0,
      removed: 0,
      changed: 0,
      risks: 0,
      behaviourRows: 0,
      findingsNew: 0,
      findingsFixed: 0,
      text: 'No changes.',
    },
    notes: [],
    requestsTraced: 0,
  };
}
