import type { YamlPath } from '../yaml/locate';
import { isRec } from '../model/read';

// Immutable updates of plain JS values by path, for flow collections (`{ a: 1 }`, `[a, b]`) that are rewritten
// whole: a one-line flow node has no layout worth keeping.

/** Sets `value` at `path` in a copy of `root`, creating maps for missing steps. */
export function setJs(root: unknown, path: YamlPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number' && Array.isArray(root)) {
    const copy = [...root];
    copy[head] = setJs(root[head], rest, value);
    return copy;
  }
  const base = isRec(root) ? root : {};
  return { ...base, [String(head)]: setJs(base[String(head)], rest, value) };
}

/** Removes the key or item at `path` from a copy of `root`. */
export function deleteJs(root: unknown, path: YamlPath): unknown {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === 'number') {
    if (rest.length === 0) return root.filter((_, i) => i !== head);
    return root.map((v, i) => (i === head ? deleteJs(v, rest) : v));
  }
  if (!isRec(root)) return root;
  const key = String(head);
  if (rest.length === 0) {
    const copy = { ...root };
    delete copy[key];
    return copy;
  }
  return { ...root, [key]: deleteJs(root[key], rest) };
}

/** Wraps `value` in maps along `path`: `nest(['a', 'b'], 1)` is `{ a: { b: 1 } }`. */
export function nest(path: readonly string[], value: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}
