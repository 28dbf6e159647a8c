import {
  formatStringMatch,
  parseStringMatch,
  type StringMatchForm,
} from '../../../../core/policy/string-match';

/** What a text input means: a value (undefined = cleared) or why it cannot be one. */
export type Parsed<T> = { value: T | undefined } | { error: string };

export function parseNumber(text: string, integer = true): Parsed<number> {
  const t = text.trim();
  if (t === '') return { value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: `"${t}" is not a number.` };
  if (integer && !Number.isInteger(n)) return { error: `"${t}" is not a whole number.` };
  return { value: n };
}

export function parseText(text: string): Parsed<string> {
  const t = text.trim();
  return { value: t === '' ? undefined : t };
}

/** `a, b, c` → a list; empty → cleared. */
export function parseList(text: string): Parsed<string[]> {
  const items = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return { value: items.length > 0 ? items : undefined };
}

/** `name: value`, one a line → a map; a line without `:` is an error. */
export function parsePairs(text: string): Parsed<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const i = line.indexOf(':');
    const name = i > 0 ? line.slice(0, i).trim() : '';
    if (!name) return { error: `"${line.trim()}" needs the form name: value.` };
    out[name] = line.slice(i + 1).trim();
  }
  return { value: Object.keys(out).length > 0 ? out : undefined };
}

export function formatPairs(m: Record<string, string> | undefined): string {
  return Object.entries(m ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

/** Origins one a line, as {@link formatStringMatch} writes a string match: `x` (exact), `prefix x`, `regex x`. */
export function parseOrigins(text: string): Parsed<StringMatchForm[]> {
  const out = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(parseStringMatch);
  return { value: out.length > 0 ? out : undefined };
}

export function formatOrigins(list: StringMatchForm[] | undefined): string {
  return (list ?? []).map(formatStringMatch).join('\n');
}

/** Why a port number cannot get its own settings, or undefined when it can. */
export function portProblem(text: string, taken: (number | undefined)[]): string | undefined {
  const p = parseNumber(text);
  if ('error' in p) return p.error;
  if (p.value === undefined) return 'Type a port number.';
  if (p.value < 1 || p.value > 65535) return `${p.value} is not a port: use 1 to 65535.`;
  if (taken.includes(p.value)) return `Port ${p.value} already has its own settings.`;
  return undefined;
}
