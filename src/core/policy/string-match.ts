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
