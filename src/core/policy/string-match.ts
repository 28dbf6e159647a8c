import { isRec, str, type Rec } from '../model/read';
import type { Codec } from './codec';

/** Istio's StringMatch as a form: one kind and its value; `any` is `{}` (for headers: the header is present). */
export interface StringMatchForm {
  kind: 'exact' | 'prefix' | 'regex' | 'any';
  value: string;
}

export const STRING_MATCH_KINDS = ['exact', 'prefix', 'regex'] as const;

export const stringMatch: Codec<StringMatchForm | undefined> = {
  read(raw) {
    // A bare string is how people often write a header value; Istio rejects it, so it reads as absent.
    if (!isRec(raw)) return undefined;
    for (const kind of STRING_MATCH_KINDS) {
      const value = str(raw[kind]);
      if (value !== undefined) return { kind, value };
    }
    return { kind: 'any', value: '' };
  },
  write(value, prev) {
    if (value === undefined) return undefined;
    const out: Rec = { ...(isRec(prev) ? prev : {}) };
    for (const kind of STRING_MATCH_KINDS) delete out[kind];
    if (value.kind !== 'any') out[value.kind] = value.value;
    return out;
  },
};

const WRITTEN_KIND = /^(exact|prefix|regex)(?:\s+(.*))?$/s;

/**
 * A string match as one line of text, the way the inspector's text fields show it: `value` (exact),
 * `prefix value`, `regex value`, and empty for `any` (present). An exact value that would read back otherwise
 * (empty, or starting with a kind word) is written `exact value`, so {@link parseStringMatch} inverts this.
 */
export function formatStringMatch(m: StringMatchForm): string {
  if (m.kind === 'any') return '';
  if (m.kind !== 'exact' || m.value === '' || WRITTEN_KIND.test(m.value)) return `${m.kind} ${m.value}`;
  return m.value;
}

/** Reads {@link formatStringMatch}'s line (surrounding blanks ignored); an empty line is `any`. */
export function parseStringMatch(line: string): StringMatchForm {
  const t = line.trim();
  if (t === '') return { kind: 'any', value: '' };
  const m = WRITTEN_KIND.exec(t);
  const kind = m?.[1];
  if (kind === 'exact' || kind === 'prefix' || kind === 'regex') return { kind, value: m?.[2] ?? '' };
  return { kind: 'exact', value: t };
}
