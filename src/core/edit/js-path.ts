/** Wraps `value` in maps along `path`: `nest(['a', 'b'], 1)` is `{ a: { b: 1 } }`. */
export function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}
