import { readFileSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './args';
import { CHECK_HELP, runCheck } from './check';
import { DIFF_HELP, runDiff } from './diff';
import { ENVOY_HELP, runEnvoy } from './envoy-commands';
import { InputError } from './inputs';
import type { Io } from './io';
import { runTest, TEST_HELP } from './test-command';

// Replaced at build time by cli/vite.config.ts with package.json's version.
declare const __ITS_VERSION__: string;
const VERSION = typeof __ITS_VERSION__ === 'string' ? __ITS_VERSION__ : 'dev';

const HELP = `its ${VERSION}: Istio Traffic Studio's checks and routing tests from the command line.

Usage: its <command> [flags]

Commands:
  check          every check of the app, with file:line (text like istioctl analyze, json, sarif)
  test           routing test cases (istio-config-validator's files) through the app's tracer
  trace          where a request goes through the config istiod would give a proxy (json)
  proxy-config   routes|clusters: the config istiod would give a proxy (json or table)
  diff           what a change does to traffic: shares, 503 risks, moved requests, safe order

Run 'its <command> --help' for a command's flags. Exit codes: 0 ok, 1 findings or failed tests, 2 unusable input.`;

const LATER: Record<string, string> = {};

function nodeIo(): Io {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    readStdin: () => readFileSync(0),
    colour: (flag) =>
      typeof flag === 'boolean' ? flag : !process.env.NO_COLOR && process.stdout.isTTY === true,
    version: VERSION,
    stderrIsTTY: process.stderr.isTTY === true,
  };
}

/** Runs one command line; returns the exit code (0 ok, 1 findings or failures, 2 unusable input or usage). */
export function main(argv: readonly string[], io: Io = nodeIo()): number {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(HELP);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === 'version') {
      io.out(VERSION);
      return 0;
    }
    if (command === 'check') return runCheck(rest, io);
    if (command === 'test') return runTest(rest, io);
    if (command === 'trace' || command === 'proxy-config') return runEnvoy(command, rest, io);
    if (command === 'diff') return runDiff(rest, io);
    const later = LATER[command];
    if (later) {
      io.err(
        `${later} is not available yet: it needs the Envoy view of src/core/envoy, which is not built yet.`,
      );
      return 2;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`its: ${err.message}`);
      const help: Record<string, string> = {
        check: CHECK_HELP,
        test: TEST_HELP,
        trace: ENVOY_HELP,
        'proxy-config': ENVOY_HELP,
        diff: DIFF_HELP,
      };
      io.err((command !== undefined && help[command]) || HELP);
      return 2;
    }
    if (err instanceof InputError) {
      io.err(`its: ${err.message}`);
      return 2;
    }
    throw err;
  }
}

/** True when this module is the program (the built file, directly or through npm's bin link, or tsx). */
function isProgram(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

// Not when a test imports main().
if (isProgram()) process.exitCode = main(process.argv.slice(2));
