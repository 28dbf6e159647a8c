import { isTestCaseText, parseTestCases } from '../src/core/testcases/parse';
import type { TestCase } from '../src/core/testcases/types';
import type { InputFile } from './combine';
import { InputError } from './inputs';

/** True when a file holds test cases (a document with a top-level `testCases`) rather than manifests. */
export function isTestFile(file: InputFile): boolean {
  return isTestCaseText(file.text);
}

/**
 * Reads the test cases of files with core's reader; documents without `testCases` are skipped (a folder of
 * cases and manifests reads as istio-config-validator reads it). Anything unreadable (YAML syntax, a value of
 * ours such as `shares` or `source`) is an InputError naming the file, line and column of each problem.
 */
export function readTestCases(files: readonly InputFile[]): TestCase[] {
  const out: TestCase[] = [];
  const problems: string[] = [];
  for (const f of files) {
    const { cases, errors } = parseTestCases(f.name, f.text);
    out.push(...cases);
    for (const e of errors) problems.push(`${f.name}:${e.line}:${e.column}: ${e.message}`);
  }
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return out;
}
