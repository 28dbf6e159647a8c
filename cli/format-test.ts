import type { RunReport } from '../src/core/testcases/run';
import type { UnreachedRule } from './run-cases';

const GREEN = '\x1b[32m';
const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';

const where = (u: UnreachedRule): string => (u.place ? `${u.place.file}:${u.place.line}` : '?');

/**
 * The text report of `its test`: one line per case (PASS/FAIL, description, file:line, requests), the failed
 * requests with what was expected and what happened, the rules no case reached with their file:line, and totals.
 */
export function formatTestReport(
  report: RunReport,
  unreached: readonly UnreachedRule[],
  colour: boolean,
): string {
  const paint = (code: string, t: string) => (colour ? `${code}${t}${RESET}` : t);
  const lines: string[] = [];
  let requests = 0;
  for (const c of report.cases) {
    const tc = c.testCase;
    requests += c.requests.length;
    const word = c.passed ? paint(GREEN, 'PASS') : paint(RED, 'FAIL');
    lines.push(`${word}  ${tc.description}  (${tc.file}:${tc.line}, ${c.requests.length} requests)`);
    if (c.error) lines.push(`      ${c.error}`);
    for (const q of c.requests.filter((x) => !x.ok)) {
      lines.push(`      ${q.request} → ${q.outcome}`);
      for (const p of q.problems) lines.push(`        ${p}`);
    }
  }
  const total = report.rules.length;
  const reached = total - unreached.length;
  lines.push('', `Coverage: ${reached} of ${total} VirtualService http rules reached by a case`);
  for (const u of unreached) lines.push(`  ${paint(DIM, 'not reached')}  ${u.id}  ${where(u)}`);
  const failed = report.cases.filter((c) => !c.passed).length;
  lines.push(
    '',
    `${report.cases.length} cases, ${requests} requests: ${report.cases.length - failed} passed, ${failed} failed`,
  );
  return lines.join('\n');
}

/** The JSON report: every case with its requests, coverage with each unreached rule's file and line. */
export function jsonTestReport(report: RunReport, unreached: readonly UnreachedRule[]): string {
  return JSON.stringify(
    {
      cases: report.cases.map((c) => ({
        description: c.testCase.description,
        file: c.testCase.file,
        line: c.testCase.line,
        passed: c.passed,
        error: c.error ?? null,
        requests: c.requests,
      })),
      coverage: { rules: report.rules.length, reached: report.rules.length - unreached.length },
      unreached: unreached.map((u) => ({
        rule: u.id,
        file: u.place?.file ?? null,
        line: u.place?.line ?? null,
      })),
    },
    null,
    2,
  );
}
