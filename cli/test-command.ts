import { flagList, flagString, parseArgs, UsageError, type FlagSpec } from './args';
import { formatTestReport, jsonTestReport } from './format-test';
import { InputError, readInputs } from './inputs';
import type { Io } from './io';
import { count, readingProgress } from './progress';
import { runFiles } from './run-cases';
import { isTestFile, readTestCases } from './test-cases';

export const TEST_FLAGS: FlagSpec[] = [
  { name: 'tests', short: 't', value: true, repeat: true },
  { name: 'namespace', short: 'n', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'color' },
  { name: 'help', short: 'h' },
];

export const TEST_HELP = `Usage: its test [-t <cases file|folder>]… <manifest paths…> [flags]

Runs routing test cases through the same tracer as the app, with Istio's semantics (host resolution, wildcards,
delegates, gateways), and says which VirtualService rules no case reached. Without -t, files holding testCases
among the paths are the cases and the rest the manifests. Several resources of one name: the last one wins, as
kubectl apply leaves it.

Test cases: getyourguide/istio-config-validator's files, read as they are (testCases with description,
request.authority/method/uri/headers, route, redirect, rewrite, fault, headers, delegate, wantMatch), and ours,
which add beside them:
  source: Deployment default/productpage-v1 | istio-system/my-gateway | { namespace: ns, labels: {…} }
  port: 9080             query: { a: b }
  shares: reviews v1 80%, v2 20%        (or a map { "reviews v1": 80, "reviews v2": 20 })
  clusters: [outbound|9080|v2|reviews.default.svc.cluster.local]
  status: 404 | redirect | direct-response | no-match | routed
wantMatch missing: false when a case states one of their expectations (Go's zero value), true with ours only.

Flags:
  -t, --tests PATH       test-case file or folder (repeatable)
  -n, --namespace NS     namespace for resources that name none, and the client's (default: inferred)
  -o, --output text|json
      --color            colour the text output (default: only on a terminal, unless NO_COLOR)

Exit: 0 every case passed, 1 a case failed, 2 unusable input (no cases, unreadable files, YAML syntax errors).`;

// Above this much input, progress goes to stderr even when it is not a terminal (a CI log shows it is alive).

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
  const progress = readingProgress(io, manifests, io.stderrIsTTY === true);
  const run = runFiles(manifests, cases, flagString(args, 'namespace', ''));
  if (run.parseErrors.length > 0) {
    for (const e of run.parseErrors) io.err(`its: ${e}`);
    return 2;
  }
  progress.done(`${count(run.resources)} resources; ran ${count(cases.length)} cases`);
  const { report, unreached } = run;
  if (output === 'json') io.out(jsonTestReport(report, unreached));
  else io.out(formatTestReport(report, unreached, io.colour(args.flags.get('color'))));
  return report.cases.every((c) => c.passed) ? 0 : 1;
}
