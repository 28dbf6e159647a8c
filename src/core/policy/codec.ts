import { isRec, num, rec, str, strList, type Rec } from '../model/read';

/**
 * Two-way mapping between a YAML value and a form value. `write` gets what was there before, so fields the
 * form does not know survive; it returns undefined to mean "remove the key".
 */
export interface Codec<T> {
  read(raw: unknown): T;
  write(value: T, prev: unknown): unknown;
}

/** Structural equality of plain data (form values); `undefined` members equal missing ones. */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (isRec(a) && isRec(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return false;
}

// A value the form did not change keeps its exact YAML (100.0 stays 100.0, a quoted "0" stays a string,
// a value of the wrong type stays for schema validation to report) instead of being rewritten.
function writeIfChanged<T>(codec: Codec<T>, value: T, prev: unknown): unknown {
  return same(codec.read(prev), value) ? prev : codec.write(value, prev);
}

function put(out: Rec, key: string, value: unknown): void {
  if (value === undefined) delete out[key];
  else out[key] = value;
}

const leaf = <T>(read: (raw: unknown) => T | undefined): Codec<T | undefined> => ({
  read,
  write: (v) => v,
});

export const text = leaf(str);
export const number = leaf(num);
export const flag = leaf((r) => (typeof r === 'boolean' ? r : undefined));
export const texts = leaf((r) => (Array.isArray(r) ? strList(r) : undefined));

export type Shape<S> = { [K in keyof S]-?: Codec<S[K]> };

/**
 * An object whose fields each have a codec. Absent reads as all fields undefined; writing nothing over
 * nothing gives undefined, so an untouched section is never created empty.
 */
export function group<S extends object>(shape: Shape<S>): Codec<S> {
  const keys = Object.keys(shape) as (keyof S & string)[];
  return {
    read(raw) {
      const r = rec(raw);
      const out: Partial<S> = {};
      for (const k of keys) out[k] = shape[k].read(r[k]);
      // Every key of S was filled from its own typed codec just above.
      return out as S;
    },
    write(value, prev) {
      const r = rec(prev);
      const out: Rec = { ...r };
      for (const k of keys) put(out, k, writeIfChanged(shape[k], value[k], r[k]));
      return Object.keys(out).length > 0 ? out : undefined;
    },
  };
}

/** A section whose mere presence means something (`outlierDetection: {}` turns it on with defaults). */
export function optional<S extends object>(inner: Codec<S>): Codec<S | undefined> {
  return {
    read: (raw) => (isRec(raw) ? inner.read(raw) : undefined),
    write: (value, prev) => (value === undefined ? undefined : (inner.write(value, prev) ?? {})),
  };
}

/** A list of objects, matched to the previous list by position. */
export function list<S extends object>(item: Codec<S>): Codec<S[] | undefined> {
  return {
    read: (raw) => (Array.isArray(raw) ? raw.map((r) => item.read(r)) : undefined),
    write(value, prev) {
      if (value === undefined) return undefined;
      const p = Array.isArray(prev) ? prev : [];
      return value.map((v, i) => writeIfChanged(item, v, p[i]) ?? {});
    },
  };
}

/** A map with free keys (headers, labels); entries the form cannot read are kept, not dropped. */
export function record<T>(entry: Codec<T | undefined>): Codec<Record<string, T> | undefined> {
  return {
    read(raw) {
      if (!isRec(raw)) return undefined;
      const out: Record<string, T> = {};
      for (const [k, v] of Object.entries(raw)) {
        const read = entry.read(v);
        if (read !== undefined) out[k] = read;
      }
      return out;
    },
    write(value, prev) {
      if (value === undefined) return undefined;
      const r = rec(prev);
      const out: Rec = {};
      for (const [k, v] of Object.entries(r)) if (entry.read(v) === undefined) out[k] = v;
      for (const [k, v] of Object.entries(value)) put(out, k, writeIfChanged(entry, v, r[k]));
      return out;
    },
  };
}

/** A field stored one level down, as Istio nests some scalars (`port: {number: 80}`, `percentage: {value}`). */
export function nested<T>(key: string, inner: Codec<T | undefined>): Codec<T | undefined> {
  return {
    read: (raw) => (isRec(raw) ? inner.read(raw[key]) : undefined),
    write(value, prev) {
      if (value === undefined) return undefined;
      const out: Rec = { ...rec(prev) };
      put(out, key, writeIfChanged(inner, value, out[key]));
      return out;
    },
  };
}

/** Writes a whole form over a previous object; undefined when nothing is left. */
export function writeGroup<S extends object>(codec: Codec<S>, form: S, previous: unknown): Rec | undefined {
  const out = writeIfChanged(codec, form, previous);
  return isRec(out) && Object.keys(out).length > 0 ? out : undefined;
}
