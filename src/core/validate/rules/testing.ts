import { createDeriver } from '../../derive';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';

/** Runs one rule on a text, for rule unit tests; `snippet` is the text a diagnostic's range covers. */
export function runRule(
  rule: Rule,
  text: string,
): { diags: Diagnostic[]; snippet: (d: Diagnostic) => string } {
  const { parsed, model, index, graph } = createDeriver()(text);
  const diags = rule({ parsed, model, index, graph });
  return { diags, snippet: (d) => text.slice(d.range[0], d.range[1]) };
}
