import { isMap, isNode, isPair, isScalar, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { isFailure, splice, type DocState, type Step } from './doc-state';
import { lineEnd, lineStart, pastBreak, startsLine } from './node-text';
import { columnOf, flowKey, flowText, type FlowStyle } from './serialise';

// Edits inside flow collections (`[a, b]`, `{app: a}`) and JSON, which is YAML flow syntax: only the changed
// scalar, or the inserted or removed entry with its comma, changes. Quotes, line breaks and comments of the
// other entries stay as written.

/** A flow collection: the parent of every node these functions edit. */
export type Flow = YAMLMap | YAMLSeq;

export function isFlow(node: unknown): node is Flow {
  return (isMap(node) || isSeq(node)) && node.flow === true;
}

/** [start, end) of an entry's own text: a pair from its key to its value's end, an item from start to end. */
function spanOf(entry: unknown): [number, number] | undefined {
  if (isPair(entry)) {
    const k = isNode(entry.key) ? entry.key.range : undefined;
    const v = isNode(entry.value) ? entry.value.range : undefined;
    return k ? [k[0], v?.[1] ?? k[1]] : undefined;
  }
  const r = isNode(entry) ? entry.range : undefined;
  return r ? [r[0], r[1]] : undefined;
}

const lineOf = (text: string, offset: number): number => lineStart(text, offset);

/** How a flow collection is laid out: JSON or not, entries on their own lines or not, `{ padded }` or not. */
function styleOf(state: DocState, coll: Flow): FlowStyle {
  const { text } = state;
  const starts = coll.items.map((e) => spanOf(e)?.[0]).filter((s): s is number => s !== undefined);
  const open = coll.range?.[0] ?? 0;
  const last = starts[starts.length - 1];
  const before = starts.length > 1 ? starts[starts.length - 2] : open;
  const multiline =
    last === undefined || before === undefined
      ? state.json && state.jsonIndent > 0
      : lineOf(text, last) !== lineOf(text, before);
  // New entries copy the padding (`{ a }` or `{a}`) of the last entry when it is a collection, else the list's.
  const lastEntry: unknown = coll.items[coll.items.length - 1];
  const inner = isPair(lastEntry) ? lastEntry.value : lastEntry;
  const at = isFlow(inner) && inner.range ? inner.range[0] : open;
  return { json: state.json, jsonIndent: state.jsonIndent, multiline, padded: text.charAt(at + 1) === ' ' };
}

/** The indentation of the line holding `offset`. */
function indentAt(text: string, offset: number): number {
  const s = lineStart(text, offset);
  let i = s;
  while (text.charAt(i) === ' ') i++;
  return columnOf(text, i);
}

/** Text for a value replacing `node`, which sits in a flow collection or is one. */
function replacement(state: DocState, node: Node, value: unknown, style: FlowStyle): string {
  if (isScalar(node) && typeof value === 'string' && !value.includes('\n')) {
    if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
    if (node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  }
  const r = node.range;
  return flowText(value, style, r ? indentAt(state.text, r[0]) : 0);
}

/** Replaces a node inside (or being) a flow collection with a value written in flow style or JSON. */
export function flowReplace(state: DocState, node: Node, value: unknown, parent: Flow | undefined): Step {
  const r = node.range;
  if (!r) return { reason: 'the value has no source range' };
  const base = parent ? styleOf(state, parent) : undefined;
  const own = isFlow(node) ? styleOf(state, node) : undefined;
  const style: FlowStyle = {
    json: state.json,
    jsonIndent: state.jsonIndent,
    multiline: (own?.multiline ?? false) || (base?.multiline ?? state.jsonIndent > 0),
    padded: own?.padded ?? base?.padded ?? false,
  };
  return splice(state, r[0], r[1], replacement(state, node, value, style));
}

/** Adds an entry after the last one of a non-empty flow collection, on its own line when the others are. */
function addEntry(state: DocState, coll: Flow, entry: (style: FlowStyle, col: number) => string): Step {
  const { text } = state;
  const style = styleOf(state, coll);
  const span = spanOf(coll.items[coll.items.length - 1]);
  if (!span) return { reason: 'the list has no source range' };
  const [start, end] = span;
  if (!style.multiline) return splice(state, end, end, `, ${entry(style, 0)}`);
  const col = columnOf(text, start);
  const eol = lineEnd(text, end);
  const rest = text.slice(end, eol);
  // A comment after the last entry stays on its line: the comma goes before it, the entry on the next line.
  if (/^[ \t]*#/.test(rest))
    return splice(state, end, eol, `,${rest}\n${' '.repeat(col)}${entry(style, col)}`);
  return splice(state, end, end, `,\n${' '.repeat(col)}${entry(style, col)}`);
}

/** Appends an item to a flow sequence. */
export function flowAppend(state: DocState, seq: YAMLSeq, item: unknown): Step {
  if (seq.items.length === 0) return flowReplace(state, seq, [item], undefined);
  return addEntry(state, seq, (style, col) => flowText(item, style, col));
}

/** Adds `key: value` to a flow map. */
export function flowAddPair(state: DocState, map: YAMLMap, key: string, value: unknown): Step {
  if (map.items.length === 0) return flowReplace(state, map, { [key]: value }, undefined);
  return addEntry(state, map, (style, col) => `${flowKey(key, style)}: ${flowText(value, style, col)}`);
}

/** Offset of the `,` that ends an entry ending at `end`, skipping spaces, line breaks and comments. */
function commaAfter(text: string, end: number): number | undefined {
  let i = end;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ',') return i;
    if (c === '#') i = lineEnd(text, i);
    else if (/\s/.test(c)) i++;
    else return undefined;
  }
  return undefined;
}

/** Removes an entry of a flow collection with its comma; the last one leaves `[]` or `{}`. */
export function flowDelete(state: DocState, coll: Flow, index: number): Step {
  const { text } = state;
  if (coll.items.length === 1) return flowReplace(state, coll, isMap(coll) ? {} : [], undefined);
  const span = spanOf(coll.items[index]);
  if (!span) return { reason: 'the entry has no source range' };
  const [start, end] = span;
  const next = spanOf(coll.items[index + 1]);
  if (next) {
    const comma = commaAfter(text, end);
    // An entry on lines of its own goes with those lines (and a comment on them), the next keeps its own.
    if (comma !== undefined && startsLine(text, start) && lineOf(text, comma) !== lineOf(text, next[0])) {
      return splice(state, lineStart(text, start), pastBreak(text, lineEnd(text, comma)), '');
    }
    return splice(state, start, next[0], '');
  }
  const prev = spanOf(coll.items[index - 1]);
  const comma = prev ? commaAfter(text, prev[1]) : undefined;
  if (!prev || comma === undefined) return { reason: 'cannot find the comma before the last entry' };
  if (startsLine(text, start) && comma < lineStart(text, start)) {
    // Drop the comma before it and its lines, keeping a comment after that comma.
    // The closing bracket after it keeps its line and indentation.
    const eol = lineEnd(text, end);
    const blank = /^[ \t]*$/.test(text.slice(end, eol));
    const gone = splice(
      state,
      blank ? lineStart(text, start) : start,
      blank ? pastBreak(text, eol) : end,
      '',
    );
    return isFailure(gone) ? gone : splice(gone, comma, comma + 1, '');
  }
  return splice(state, prev[1], end, '');
}
