import { derive } from '../src/core/derive';
import { flagList, flagString, parseArgs, UsageError, type FlagSpec } from './args';
import { combine, locate } from './combine';
import { InputError, readInputs } from './inputs';
import type { Io } from './io';
import { lastApplied } from './last-applied';
import { runCases, type RunReport } from './run-cases';
import { isTestFile, readTestCases } from './test-cases';

export const TEST_FLAGS: FlagSpec[] = [
  { name: 'tests', short: 't', value: true, repeat: true },
  { name: 'namespace', short: 'n', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'help', short: 'h' },
];

export const TEST_HELP = `Usage: its test [-t <cases file|folder>]… <manifest paths…> [flags]

Runs routing test cases (getyourguide/istio-config-validator's files, read as they are: testCases with
request.authority/method/uri/headers and route, redirect, rewrite, fault, headers, delegate, wantMatch) through
the same tracer as the app, with Istio's semantics (host resolution, wildcards, delegates, gateways). Without -t,
files holding testCases among the paths are the cases and the rest the manifests. Several resources of one
name: the last one wins, as kubectl apply leaves it.

Ours on top of theirs, in request: gateway (ns/name), port, sourceNamespace, sourceLabels.

Flags:
  -t, --tests PATH       test-case file or folder (repeatable)
  -n, --namespace NS     namespace for resources that name none, and the client's (default: inferred)
  -o, --output text|json

Exit: 0 every case passed, 1 a case failed, 2 unusable input (no cases, unreadable files, YAML syntax errors).`;

function formatReport(report: RunReport): string {
  const lines: string[] = [];
  let requests = 0;
  for (const c of report.cases) {
    const tc = c.testCase;
    requests += c.requests.length;
    lines.push(
      `${c.passed ? 'PASS' : 'FAIL'}  ${tc.description}  (${tc.file}:${tc.line}, ${c.requests.length} requests)`,
    );
    if (c.error) lines.push(`      ${c.error}`);
    for (const q of c.requests.filter((x) => !x.ok)) {
      lines.push(`      ${q.request} → ${q.outcome}`);
      for (const p of q.problems) lines.push(`        ${p}`);
    }
  }
  const failed = report.cases.filter((c) => !c.passed).length;
  if (report.unreached.length > 0) lines.push('', `Rules no case reached: ${report.unreached.join(', ')}`);
  lines.push(
    '',
    `${report.cases.length} cases, ${requests} requests: ${report.cases.length - failed} passed, ${failed} failed`,
  );
  return lines.join('\n');
}

/** `its test`: returns the exit code. */
export function runTest(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, TEST_FLAGS);
  if (args.flags.get('help') === true) {
    io.out(TEST_HELP);
    return 0;
  }
  const output = flagString(args, 'output', 'text');
  if (output !== 'text' && output !== 'json') throw new UsageError(`-o ${output}: expected text or json`);
  if (args.positionals.length === 0)
    throw new UsageError('its test needs the manifests (files, folders or -)');
  const testPaths = flagList(args, 'tests');
  const inputs = readInputs(args.positionals, io.readStdin);
  const caseFiles = testPaths.length > 0 ? readInputs(testPaths, io.readStdin) : inputs.filter(isTestFile);
  const cases = readTestCases(caseFiles);
  if (cases.length === 0) throw new InputError('no test cases found (files with a top-level testCases list)');

  const manifests = inputs.filter((f) => !isTestFile(f));
  const combined = combine(manifests);
  const namespace = flagString(args, 'namespace', '');
  const derived = derive(combined.text, namespace ? { defaultNamespace: namespace } : {});
  if (derived.parseErrors.length > 0) {
    for (const p of derived.parseErrors) {
      const at = locate(combined, p.start);
      io.err(`its: ${at ? `${at.file}:${at.line}:${at.column}` : '?'}: cannot read this YAML: ${p.message}`);
    }
    return 2;
  }
  const report = runCases(lastApplied(derived.model), cases, namespace || derived.namespace.name);
  if (output === 'json') {
    io.out(
      JSON.stringify(
        {
          cases: report.cases.map((c) => ({
            description: c.testCase.description,
            file: c.testCase.file,
            line: c.testCase.line,
            passed: c.passed,
            error: c.error ?? null,
            requests: c.requests,
          })),
          unreached: report.unreached,
        },
        null,
        2,
      ),
    );
  } else io.out(formatReport(report));
  return report.cases.every((c) => c.passed) ? 0 : 1;
}
