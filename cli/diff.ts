// `its diff BASE HEAD`: what a change does to traffic (src/core/compare), as text, Markdown or JSON.
import { compare } from '../src/core/compare/index';
import type { Comparison, NamedRequest } from '../src/core/compare/types';
import { derive, type Derived } from '../src/core/derive';
import { unfold } from '../src/core/testcases/unfold';
import { flagList, flagString, parseArgs, UsageError, type FlagSpec } from './args';
import { combine, locate, type Combined } from './combine';
import { formatDiffJson } from './diff-json';
import { formatDiffMarkdown, formatDiffText } from './diff-format';
import type { Side } from './diff-place';
import { InputError, readInputs } from './inputs';
import { count, readingProgress } from './progress';
import type { Io } from './io';
import { readTestCases } from './test-cases';

export const DIFF_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', value: true },
  { name: 'namespace', short: 'n', value: true },
  { name: 'fail-on', value: true },
  { name: 'partial' },
  { name: 'tests', short: 't', value: true, repeat: true },
  { name: 'color' },
  { name: 'help', short: 'h' },
];

export const DIFF_HELP = `Usage: its diff <base> <head> [flags]

Compares two versions of routing config (each a file, a folder read recursively for .yaml/.yml/.json, or - for
stdin) and says what the change does to traffic: shares that changed per host and condition, rules added or
removed, subsets removed while a route still uses them (503), DestinationRule policy changes, findings new or
fixed, the requests that now go elsewhere, and a safe order to apply it (make before break).

Flags:
  -o, --output text|markdown|json  output format (default text; markdown for a pull-request comment; json
                                   as documented in cli/README.md)
  -n, --namespace NS               namespace for resources that name none (as kubectl -n), on both sides
      --fail-on risk               exit 1 when the change carries a 503 risk or a new error finding
      --partial                    the files are part of a mesh (as its check --partial)
  -t, --tests PATH                 routing test cases (as its test reads them) whose requests join the
                                   behaviour table (repeatable)
      --color                      colour the text output (default: only on a terminal, unless NO_COLOR)

Exit: 0 (also with risks, unless --fail-on risk), 1 risk with --fail-on risk, 2 unusable input (a missing or
binary file, a YAML syntax error, a bad flag).`;

const FORMATS = new Set(['text', 'markdown', 'json']);

function readSide(
  path: string,
  io: Io,
  namespace: string,
  partial: boolean,
): { combined: Combined; derived: Derived } {
  const files = readInputs([path], io.readStdin);
  if (files.length === 0) throw new InputError(`${path}: no .yaml, .yml or .json file in it`);
  const progress = readingProgress(io, files);
  const combined = combine(files);
  const derived = derive(combined.text, {
    ...(namespace ? { defaultNamespace: namespace } : {}),
    meshComplete: !partial,
  });
  progress.done(`${count(derived.model.resources.length)} resources (${path})`);
  const broken = derived.parseErrors[0];
  if (broken) {
    const at = locate(combined, broken.start);
    const where = at ? `${at.file}:${at.line}:${at.column}` : path;
    throw new InputError(`${where}: cannot read this YAML: ${broken.message}`);
  }
  return { combined, derived };
}

/**
 * The requests of routing test cases, resolved against the head (a case's source must exist there): the
 * person's own questions belong in the behaviour table beside the drawn ones.
 */
function testRequests(paths: readonly string[], io: Io, head: Derived, namespace: string): NamedRequest[] {
  if (paths.length === 0) return [];
  const ns = namespace || head.namespace.name;
  return readTestCases(readInputs(paths, io.readStdin)).flatMap((tc) => {
    const { requests, error } = unfold(head.model, tc, ns);
    if (error) throw new InputError(`${tc.file}:${tc.line}: ${tc.description}: ${error}`);
    return requests.map((request, i) => ({
      name: requests.length > 1 ? `${tc.description} (${i + 1})` : tc.description,
      request,
    }));
  });
}

/** `its diff`: returns the exit code. */
export function runDiff(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, DIFF_FLAGS);
  if (args.flags.get('help') === true) {
    io.out(DIFF_HELP);
    return 0;
  }
  const output = flagString(args, 'output', 'text');
  if (!FORMATS.has(output)) throw new UsageError(`-o ${output}: expected text, markdown or json`);
  const failOn = flagString(args, 'fail-on', '');
  if (args.flags.has('fail-on') && failOn !== 'risk')
    throw new UsageError(`--fail-on ${failOn}: expected risk`);
  if (args.positionals.length !== 2) {
    throw new UsageError(`its diff needs exactly two inputs, base and head (got ${args.positionals.length})`);
  }
  const [basePath, headPath] = args.positionals as [string, string];
  if (basePath === '-' && headPath === '-')
    throw new UsageError('only one of base and head can be - (stdin)');
  const namespace = flagString(args, 'namespace', '');
  const partial = args.flags.get('partial') === true;
  const base = readSide(basePath, io, namespace, partial);
  const head = readSide(headPath, io, namespace, partial);
  const requests = testRequests(flagList(args, 'tests'), io, head.derived, namespace);
  const c: Comparison = compare(base.derived, head.derived, { requests });
  const sides: { base: Side; head: Side } = {
    base: { combined: base.combined, name: basePath },
    head: { combined: head.combined, name: headPath },
  };
  if (output === 'json') io.out(formatDiffJson(c, sides));
  else if (output === 'markdown') io.out(formatDiffMarkdown(c, sides));
  else io.out(formatDiffText(c, sides, io.colour(args.flags.get('color'))));
  return failOn === 'risk' && c.risk ? 1 : 0;
}
