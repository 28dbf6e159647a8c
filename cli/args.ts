/** A flag a command accepts: its long name, short letter, and whether it takes a value (and may repeat). */
export interface FlagSpec {
  name: string;
  short?: string;
  value?: boolean;
  repeat?: boolean;
}

export interface ParsedArgs {
  /** Values by long name: a string (last wins), strings for repeatable flags, a boolean for switches. */
  flags: Map<string, string | string[] | boolean>;
  positionals: string[];
}

/** A command line `its` cannot understand (exit 2, with the usage). */
export class UsageError extends Error {}

/**
 * Parses flags the way cobra/pflag (istioctl) accept them: `--name value`, `--name=value`, `-n value`, `-nvalue`,
 * switches as `--name` or `--name=false`; `-` alone is a positional (stdin) and `--` ends the flags.
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const flags = new Map<string, string | string[] | boolean>();
  const positionals: string[] = [];
  const set = (spec: FlagSpec, value: string | true): void => {
    if (spec.repeat && typeof value === 'string') {
      const prev = flags.get(spec.name);
      flags.set(spec.name, [...(Array.isArray(prev) ? prev : []), value]);
    } else flags.set(spec.name, value);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || !a.startsWith('-')) {
      positionals.push(a);
      continue;
    }
    const long = a.startsWith('--');
    const eq = a.indexOf('=');
    const key = long ? a.slice(2, eq < 0 ? undefined : eq) : a.slice(1, 2);
    const spec = long ? byLong.get(key) : byShort.get(key);
    if (!spec) throw new UsageError(`unknown flag ${long ? `--${key}` : `-${key}`}`);
    let inline: string | undefined;
    if (long) inline = eq < 0 ? undefined : a.slice(eq + 1);
    else if (a.length > 2) inline = a.slice(a[2] === '=' ? 3 : 2);
    if (!spec.value) {
      if (inline === undefined || inline === 'true') set(spec, true);
      else if (inline === 'false') flags.set(spec.name, false);
      else throw new UsageError(`--${spec.name} takes no value (got "${inline}")`);
      continue;
    }
    if (inline === undefined) {
      const next = argv[i + 1];
      if (next === undefined) throw new UsageError(`--${spec.name} needs a value`);
      inline = next;
      i++;
    }
    set(spec, inline);
  }
  return { flags, positionals };
}

/** The string value of a flag, or the fallback. */
export function flagString(args: ParsedArgs, name: string, fallback: string): string {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : Array.isArray(v) ? (v[v.length - 1] ?? fallback) : fallback;
}

/** Every value of a repeatable flag. */
export function flagList(args: ParsedArgs, name: string): string[] {
  const v = args.flags.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
