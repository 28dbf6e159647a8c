import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDeriver, type DeriveOptions } from '../../derive';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';

const CORPUS = join(__dirname, '../../../../test/fixtures/corpus');

/** Text of a file under test/fixtures/corpus. */
export function corpus(path: string): string {
  return readFileSync(join(CORPUS, path), 'utf8');
}

/** Runs one rule on a text, for rule unit tests; `snippet` is the text a diagnostic's range covers. */
export function runRule(
  rule: Rule,
  text: string,
  options: DeriveOptions = {},
): { diags: Diagnostic[]; snippet: (d: Diagnostic) => string } {
  const { parsed, model, index, graph } = createDeriver()(text, options);
  const diags = rule({ parsed, model, index, graph, meshComplete: options.meshComplete });
  return { diags, snippet: (d) => text.slice(d.range[0], d.range[1]) };
}

/** `code resource path «snippet»` for each diagnostic: one readable string to compare in a test. */
export function summary(rule: Rule, text: string, options: DeriveOptions = {}): string[] {
  const { diags, snippet } = runRule(rule, text, options);
  return diags.map((d) => `${d.code} ${d.resource ?? ''} ${d.path} «${snippet(d)}»`);
}
