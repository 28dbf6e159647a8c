import { rec, str } from '../model/read';

/** The outcome of one condition; `failure` says what was expected and what the request had. */
export interface Check {
  ok: boolean;
  failure?: string;
}

const OK: Check = { ok: true };
const regexCache = new Map<string, RegExp | string>();

/**
 * Compiles an RE2 pattern as Envoy uses it: a full match, so anchored `^(?:...)$`. A leading `(?i)` (RE2's
 * case-insensitive flag, which JS lacks) becomes the `i` flag. Returns the error text for a bad pattern.
 */
export function compileRegex(pattern: string): RegExp | string {
  const hit = regexCache.get(pattern);
  if (hit !== undefined) return hit;
  const insensitive = pattern.startsWith('(?i)');
  const body = insensitive ? pattern.slice(4) : pattern;
  let out: RegExp | string;
  try {
    out = new RegExp(`^(?:${body})$`, insensitive ? 'iu' : 'u');
  } catch (e) {
    out = e instanceof Error ? e.message : String(e);
  }
  if (regexCache.size > 500) regexCache.clear();
  regexCache.set(pattern, out);
  return out;
}

/** `exact "jason"`, `prefix "/api"`, `regex "v[12]"`, or `present` for an empty match. */
export function describeStringMatch(spec: unknown): string {
  const m = rec(spec);
  for (const kind of ['exact', 'prefix', 'regex'] as const) {
    const v = str(m[kind]);
    if (v !== undefined) return `${kind} ${JSON.stringify(v)}`;
  }
  return 'present';
}

function got(value: string | undefined): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Evaluates an Istio StringMatch (`exact`, `prefix`, `regex`; an empty one checks presence) against a value
 * (undefined when the request lacks it). `ignoreCase` applies to exact and prefix only, as Istio's
 * `ignoreUriCase` does.
 */
export function matchString(
  label: string,
  spec: unknown,
  value: string | undefined,
  ignoreCase = false,
): Check {
  const m = rec(spec);
  const exact = str(m.exact);
  const prefix = str(m.prefix);
  const regex = str(m.regex);
  const fail = (): Check => ({
    ok: false,
    failure: `${label}: expected ${describeStringMatch(m)}, got ${got(value)}`,
  });
  if (value === undefined) {
    return exact === undefined && prefix === undefined && regex === undefined
      ? { ok: false, failure: `${label}: expected to be present, got nothing` }
      : fail();
  }
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  if (exact !== undefined) return fold(value) === fold(exact) ? OK : fail();
  if (prefix !== undefined) return fold(value).startsWith(fold(prefix)) ? OK : fail();
  if (regex !== undefined) {
    const re = compileRegex(regex);
    if (typeof re === 'string') {
      return { ok: false, failure: `${label}: regex ${JSON.stringify(regex)} is invalid (${re})` };
    }
    return re.test(value) ? OK : fail();
  }
  return OK;
}
