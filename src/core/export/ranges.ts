import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';

/** A text splice: replace [start, end) with `insert`. Offsets are relative to one document's text. */
export interface Splice {
  start: number;
  end: number;
  insert: string;
}

/** Offset of the first character of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just past the newline ending the line that holds `offset - 1` (or the text's end). */
export function lineEndAfter(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

/** The pair under a string key in a map node. */
export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => keyOf(p) === key);
}

/** The map value under a key, when it is a map. */
export function mapAt(map: YAMLMap, key: string): YAMLMap | undefined {
  const v = pairOf(map, key)?.value;
  return isMap(v) ? v : undefined;
}

function startOf(n: unknown): number | undefined {
  return (n as Node | null | undefined)?.range?.[0];
}

function valueEndOf(pair: Pair): number | undefined {
  const v = pair.value as Node | null;
  return v?.range?.[1] ?? (pair.key as Node | null)?.range?.[1];
}

function blockEndOf(pair: Pair): number | undefined {
  const v = pair.value as Node | null;
  return v?.range?.[2] ?? (pair.key as Node | null)?.range?.[2];
}

/**
 * The splice that removes one pair from a map, key and whole value block, so the text around it stays as
 * written. Block maps lose the pair's full lines; a key that shares its line with `- ` gives that place to
 * the next key; flow maps lose the pair and one comma.
 */
export function removePair(text: string, map: YAMLMap, pair: Pair): Splice | undefined {
  const i = map.items.indexOf(pair);
  const keyStart = startOf(pair.key);
  const blockEnd = blockEndOf(pair);
  if (i < 0 || keyStart === undefined || blockEnd === undefined) return undefined;
  const next = map.items[i + 1];
  const prev = map.items[i - 1];
  if (map.flow) {
    const nextStart = next && startOf(next.key);
    if (nextStart !== undefined) return { start: keyStart, end: nextStart, insert: '' };
    const prevEnd = prev && valueEndOf(prev);
    const end = valueEndOf(pair) ?? blockEnd;
    if (prevEnd !== undefined) return { start: prevEnd, end, insert: '' };
    return { start: keyStart, end, insert: '' };
  }
  const lineStart = lineStartOf(text, keyStart);
  if (text.slice(lineStart, keyStart).trim() === '') {
    return { start: lineStart, end: lineEndAfter(text, blockEnd), insert: '' };
  }
  // The key follows `- ` or `--- ` on its line: the next key moves up into its place.
  const nextStart = next && startOf(next.key);
  if (nextStart !== undefined) return { start: keyStart, end: nextStart, insert: '' };
  return { start: keyStart, end: lineEndAfter(text, blockEnd), insert: '{}\n' };
}

function isListKind(map: YAMLMap): boolean {
  const kind = pairOf(map, 'kind')?.value;
  const k = isScalar(kind) ? String(kind.value) : '';
  return (k === 'List' || k.endsWith('List')) && isSeq(pairOf(map, 'items')?.value);
}

/**
 * The maps of every resource in a document: the root map, and for `kind: List` also each item's map
 * (the List's own map comes first; it is cluster output too).
 */
export function resourceMaps(ast: Document.Parsed): YAMLMap[] {
  const root = ast.contents;
  if (!isMap(root)) return [];
  if (!isListKind(root)) return [root];
  const items = pairOf(root, 'items')?.value;
  return [root, ...(isSeq(items) ? items.items.filter((it): it is YAMLMap => isMap(it)) : [])];
}

/** Applies non-overlapping splices (any order) to a text. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue; // inside a region already removed
    out += text.slice(at, s.start) + s.insert;
    at = s.end;
  }
  return out + text.slice(at);
}
