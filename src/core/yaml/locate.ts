import { isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { ParsedDoc } from './parse';

/** A path into a YAML document: map keys and sequence indexes. */
export type YamlPath = readonly (string | number)[];

/** Formats a path as `spec/http[0]/route[1]/destination`. */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `/${p}` : p;
  }
  return out;
}

/** The AST node at a path, or undefined. */
export function nodeAt(ast: Document.Parsed, path: YamlPath): Node | undefined {
  let node: unknown = ast.contents;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(key));
      node = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
    } else {
      return undefined;
    }
  }
  return (node ?? undefined) as Node | undefined;
}

/** The key node of the last path step, when it is a map key. */
export function keyNodeAt(ast: Document.Parsed, path: YamlPath): Node | undefined {
  if (path.length === 0) return undefined;
  const parent = nodeAt(ast, path.slice(0, -1));
  const last = path[path.length - 1];
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((it) => isScalar(it.key) && String(it.key.value) === String(last));
  return (pair?.key ?? undefined) as Node | undefined;
}

/**
 * Absolute [start, end) range of the value at a path. Falls back to the deepest existing ancestor, so a
 * missing field is reported where it should have been.
 */
export function rangeAt(doc: ParsedDoc, path: YamlPath): [number, number] {
  for (let n = path.length; n >= 0; n--) {
    const sub = path.slice(0, n);
    const node = nodeAt(doc.ast, sub);
    const range = node?.range;
    if (range) {
      // Point at the key when the value is a whole block: a one-line marker reads better.
      if ((isMap(node) || isSeq(node)) && n > 0) {
        const key = keyNodeAt(doc.ast, sub);
        if (key?.range) return [doc.start + key.range[0], doc.start + key.range[1]];
      }
      return [doc.start + range[0], doc.start + range[1]];
    }
  }
  return [doc.start, doc.start];
}

/** Absolute range of the whole value at a path including nested content, or undefined when absent. */
export function blockRangeAt(doc: ParsedDoc, path: YamlPath): [number, number] | undefined {
  const node = nodeAt(doc.ast, path);
  if (!node?.range) return undefined;
  return [doc.start + node.range[0], doc.start + node.range[1]];
}

/** The deepest path whose node contains an absolute offset. */
export function pathAtOffset(doc: ParsedDoc, offset: number): YamlPath {
  const rel = offset - doc.start;
  const path: (string | number)[] = [];
  let node: unknown = doc.ast.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((it) => {
        if (!isPair(it)) return false;
        const k = it.key as Node | null;
        const v = it.value as Node | null;
        const start = k?.range?.[0] ?? v?.range?.[0];
        const end = v?.range?.[2] ?? k?.range?.[2];
        return start !== undefined && end !== undefined && rel >= start && rel <= end;
      });
      if (!pair || !isScalar(pair.key)) return path;
      path.push(String(pair.key.value));
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((it) => {
        const r = (it as Node | null)?.range;
        return r != null && rel >= r[0] && rel <= r[2];
      });
      if (i < 0) return path;
      path.push(i);
      node = node.items[i];
    } else {
      return path;
    }
  }
}
