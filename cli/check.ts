import { derive } from '../src/core/derive';
import { CODES } from '../src/core/validate/codes';
import type { Severity } from '../src/core/validate/types';
import { flagList, flagString, parseArgs, UsageError, type FlagSpec } from './args';
import { combine } from './combine';
import { atOrAbove, toFindings } from './findings';
import { formatJson, formatText } from './format-text';
import { formatSarif } from './format-sarif';
import { readInputs } from './inputs';
import { count, readingProgress } from './progress';
import type { Io } from './io';
import { parseSuppression, suppresses } from './suppress-flag';

export const CHECK_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', value: true },
  { name: 'namespace', short: 'n', value: true },
  { name: 'failure-threshold', value: true },
  { name: 'suppress', short: 'S', value: true, repeat: true },
  { name: 'mesh-complete' },
  { name: 'partial' },
  { name: 'color' },
  { name: 'help', short: 'h' },
];

export const CHECK_HELP = `Usage: its check <paths…> [flags]

Runs every check of Istio Traffic Studio on manifests (files, folders read recursively for .yaml/.yml/.json,
or - for stdin), read together as one mesh, and prints the findings with file:line.

Flags:
  -o, --output text|json|sarif     output format (default text, like istioctl analyze)
  -n, --namespace NS               namespace for resources that name none (as kubectl -n)
      --failure-threshold LEVEL    error|warning|info: exit 1 on a finding at or above it (default error)
  -S, --suppress CODE=RESOURCE     suppress a code on a resource, e.g. 'IST0101=VirtualService default/reviews'
                                   or istioctl's 'IST0101=VirtualService reviews.default'; '*' matches anything;
                                   repeatable
      --partial                    the files are part of a mesh: a reference to something not in them is an
                                   info finding (default: they are the whole mesh, as istioctl reads files)
      --color                      colour the text output (default: only on a terminal, unless NO_COLOR)

Annotations honoured on any resource: galley.istio.io/analyze-suppress (codes, or *) and
kiali.io/ignore-validations (codes; empty for all).

Exit: 0 no finding at or above the threshold, 1 findings at or above it, 2 unusable input (a missing or binary
file, a YAML syntax error, a bad flag). As istioctl analyze, findings win over syntax errors: files that parse
are still checked, syntax errors are reported (ITS0001, with file:line) and the exit is 1 when other findings
reach the threshold, else 2.`;

const THRESHOLDS = new Set<Severity>(['error', 'warning', 'info']);
const FORMATS = new Set(['text', 'json', 'sarif']);
/** Codes of YAML syntax errors: the input cannot be read there (exit 2 unless other findings decide). */
const SYNTAX = 'ITS0001';

/** `its check`: returns the exit code. */
export function runCheck(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, CHECK_FLAGS);
  if (args.flags.get('help') === true) {
    io.out(CHECK_HELP);
    return 0;
  }
  const output = flagString(args, 'output', 'text');
  if (!FORMATS.has(output)) throw new UsageError(`-o ${output}: expected text, json or sarif`);
  const threshold = flagString(args, 'failure-threshold', 'error').toLowerCase() as Severity;
  if (!THRESHOLDS.has(threshold)) {
    throw new UsageError(`--failure-threshold ${threshold}: expected error, warning or info`);
  }
  const suppressions = flagList(args, 'suppress').map(parseSuppression);
  for (const s of suppressions) {
    if (!s.code.includes('*') && !(s.code in CODES)) {
      io.err(
        `Warning: Supplied message code '${s.code}' is an unknown message code and will not have any effect.`,
      );
    }
  }
  if (args.positionals.length === 0) throw new UsageError('its check needs files, folders or - (stdin)');

  const files = readInputs(args.positionals, io.readStdin);
  const progress = readingProgress(io, files);
  const combined = combine(files);
  const partial = args.flags.get('partial') === true || args.flags.get('mesh-complete') === false;
  const namespace = flagString(args, 'namespace', '');
  const derived = derive(combined.text, {
    ...(namespace ? { defaultNamespace: namespace } : {}),
    // Files are read as the whole mesh, as istioctl analyze reads them, unless --partial says otherwise.
    meshComplete: !partial,
  });
  const findings = toFindings(derived.diagnostics, combined).filter(
    (f) => !suppressions.some((s) => suppresses(s, f)),
  );
  progress.done(`${count(derived.model.resources.length)} resources; ${count(findings.length)} findings`);

  for (const f of findings.filter((x) => x.code === SYNTAX)) {
    io.err(`its: ${f.file}:${f.line}:${f.column}: cannot read this YAML: ${f.message}`);
  }
  if (output === 'json') io.out(formatJson(findings));
  else if (output === 'sarif') io.out(formatSarif(findings, io.version));
  else if (findings.length > 0) io.out(formatText(findings, io.colour(args.flags.get('color'))));
  else io.err(`\u2714 No validation issues found when analyzing ${files.map((f) => f.name).join(', ')}.`);

  const failing = findings.some((f) => f.code !== SYNTAX && atOrAbove(f.severity, threshold));
  if (failing) return 1;
  return findings.some((f) => f.code === SYNTAX) ? 2 : 0;
}
