import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { isRec } from '../model/read';
import { formatPath, nodeAt, type YamlPath } from '../yaml/locate';
import { deleteJs, nest, setJs } from './js-path';
import { contentEnd, dashOffset, lineStart, startsLine } from './node-text';
import { columnOf, detectIndentSeq, isBlockValue, toFlowYaml, toYaml } from './serialise';

/** One document's text being edited, re-parsed after every step so each step sees fresh ranges. */
export interface DocState {
  text: string;
  ast: Document.Parsed;
  indentSeq: boolean;
}

/** Why a step was refused. */
export interface Failure {
  reason: string;
}

export type Step = DocState | Failure;

export function isFailure(s: object): s is Failure {
  return 'reason' in s;
}

const PARSE = { uniqueKeys: true, strict: true } as const;

/** Parses one document's text for editing; refuses a document that does not parse. */
export function openDoc(text: string): Step {
  const ast = parseDocument(text, PARSE);
  const err = ast.errors[0];
  if (err) return { reason: `the document does not parse: ${err.message.split('\n')[0] ?? ''}` };
  return { text, ast, indentSeq: detectIndentSeq(ast, text) };
}

function splice(state: DocState, start: number, end: number, insert: string): Step {
  const text = state.text.slice(0, start) + insert + state.text.slice(end);
  const ast = parseDocument(text, PARSE);
  const err = ast.errors[0];
  // A guard, not a feature: an op that would break the text is refused rather than applied.
  if (err) return { reason: `internal: the edit would not parse (${err.message.split('\n')[0] ?? ''})` };
  return { text, ast, indentSeq: state.indentSeq };
}

const pad = (n: number): string => ' '.repeat(n);
const where = (path: YamlPath): string => formatPath(path) || 'the document';

function isBlock(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !node.flow;
}

function keyNode(map: unknown, key: string | number): Node | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
  return isNode(pair?.key) ? pair.key : undefined;
}

/** Offset just after the `:` that follows a key. */
function colonEnd(text: string, key: Node): number | undefined {
  const end = key.range?.[1];
  if (end === undefined) return undefined;
  const i = text.indexOf(':', end);
  return i < 0 ? undefined : i + 1;
}

/** Length of the shortest prefix of `path` that is a flow collection, if any (strict ancestors only). */
function flowAncestor(ast: Document.Parsed, path: YamlPath): number | undefined {
  for (let n = 0; n < path.length; n++) {
    const node = nodeAt(ast, path.slice(0, n));
    if (node === undefined) return undefined;
    if ((isMap(node) || isSeq(node)) && node.flow) return n;
  }
  return undefined;
}

function editFlow(state: DocState, flowPath: YamlPath, change: (js: unknown) => unknown): Step {
  const node = nodeAt(state.ast, flowPath);
  const r = node?.range;
  if (!node || !r) return { reason: `${where(flowPath)} has no source range` };
  const js: unknown = node.toJS(state.ast);
  return splice(state, r[0], r[1], toFlowYaml(change(js)));
}

function scalarText(state: DocState, node: Node, value: unknown, col: number): string {
  if (typeof value === 'string' && isScalar(node) && !value.includes('\n')) {
    if (node.type === 'QUOTE_DOUBLE') return JSON.stringify(value);
    if (node.type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  }
  return isBlockValue(value) ? toYaml(value, col, state.indentSeq) : toFlowYaml(value);
}

function replaceNode(state: DocState, path: YamlPath, node: Node, value: unknown): Step {
  const { text } = state;
  const r = node.range;
  if (!r) return { reason: `${where(path)} has no source range` };
  const parent = nodeAt(state.ast, path.slice(0, -1));
  const last = path[path.length - 1];
  const key = last === undefined ? undefined : keyNode(parent, last);
  const keyCol = key?.range ? columnOf(text, key.range[0]) : undefined;
  const after = key ? colonEnd(text, key) : undefined;
  const end = contentEnd(text, node) ?? r[1];
  if (isBlockValue(value)) {
    if (isBlock(node)) return splice(state, r[0], end, toYaml(value, columnOf(text, r[0]), state.indentSeq));
    if (keyCol !== undefined && after !== undefined) {
      const col = Array.isArray(value) && !state.indentSeq ? keyCol : keyCol + 2;
      return splice(state, after, end, `\n${pad(col)}${toYaml(value, col, state.indentSeq)}`);
    }
    return splice(state, r[0], r[1], toYaml(value, columnOf(text, r[0]), state.indentSeq));
  }
  const col = keyCol ?? columnOf(text, dashOffset(text, r[0]) ?? r[0]);
  const out = scalarText(state, node, value, col);
  if (isScalar(node) && r[0] === r[1]) return splice(state, r[0], r[0], ` ${out}`);
  if (isBlock(node) && after !== undefined) return splice(state, after, end, ` ${out}`);
  if (isBlock(node)) return splice(state, r[0], end, out);
  return splice(state, r[0], r[1], out);
}

/**
 * Sets a value at a path: replaces the node there, or adds the missing keys under the deepest existing map.
 * `undefined` deletes the key.
 */
export function setIn(state: DocState, path: YamlPath, value: unknown): Step {
  if (value === undefined) return deleteIn(state, path);
  if (path.length === 0) return { reason: 'cannot replace a whole document' };
  const flow = flowAncestor(state.ast, path);
  if (flow !== undefined) {
    return editFlow(state, path.slice(0, flow), (js) => setJs(js, path.slice(flow), value));
  }
  const node = nodeAt(state.ast, path);
  if (node) return replaceNode(state, path, node, value);
  for (let k = path.length - 1; k >= 0; k--) {
    const anc = nodeAt(state.ast, path.slice(0, k));
    if (anc === undefined) continue;
    const rest = path.slice(k);
    const keys = rest.filter((p): p is string => typeof p === 'string');
    if (keys.length !== rest.length)
      return { reason: `${where(path.slice(0, k))} has no item ${String(rest[0])}` };
    const obj = nest(keys, value);
    if (isMap(anc) && !anc.flow) {
      const first = anc.items[0];
      const start = isPair(first) && isNode(first.key) ? first.key.range?.[0] : undefined;
      const at = contentEnd(state.text, anc);
      if (start === undefined || at === undefined)
        return { reason: `${where(path.slice(0, k))} has no source range` };
      const col = columnOf(state.text, start);
      return splice(state, at, at, `\n${pad(col)}${toYaml(obj, col, state.indentSeq)}`);
    }
    if (isScalar(anc) && anc.value === null) return replaceNode(state, path.slice(0, k), anc, obj);
    return { reason: `${where(path.slice(0, k))} is not a map` };
  }
  return { reason: 'the document is empty' };
}

/** Deletes the key or list item at a path with its lines; a collection left empty becomes `{}` or `[]`. */
export function deleteIn(state: DocState, path: YamlPath): Step {
  if (path.length === 0) return { reason: 'cannot delete a whole document here' };
  const flow = flowAncestor(state.ast, path);
  if (flow !== undefined) return editFlow(state, path.slice(0, flow), (js) => deleteJs(js, path.slice(flow)));
  const node = nodeAt(state.ast, path);
  if (!node) return state;
  const { text } = state;
  const parentPath = path.slice(0, -1);
  const parent = nodeAt(state.ast, parentPath);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const idx = parent.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === String(last));
    const pair = parent.items[idx];
    const start = isNode(pair?.key) ? pair.key.range?.[0] : undefined;
    const end = contentEnd(text, pair?.value) ?? contentEnd(text, pair?.key);
    if (start === undefined || end === undefined) return { reason: `${where(path)} has no source range` };
    if (parent.items.length === 1) return replaceNode(state, parentPath, parent, {});
    if (startsLine(text, start))
      return splice(state, lineStart(text, start), Math.min(end + 1, text.length), '');
    const next = parent.items[idx + 1];
    const nextStart = isNode(next?.key) ? next.key.range?.[0] : undefined;
    if (nextStart === undefined) return { reason: `cannot delete ${where(path)} in this layout` };
    return splice(state, start, nextStart, '');
  }
  if (isSeq(parent) && typeof last === 'number') {
    const r = node.range;
    const end = contentEnd(text, node);
    if (!r || end === undefined) return { reason: `${where(path)} has no source range` };
    if (parent.items.length === 1) return replaceNode(state, parentPath, parent, []);
    const dash = dashOffset(text, r[0]) ?? r[0];
    if (startsLine(text, dash))
      return splice(state, lineStart(text, dash), Math.min(end + 1, text.length), '');
    return { reason: `cannot delete ${where(path)} in this layout` };
  }
  return { reason: `${where(parentPath)} is not a map or list` };
}

/** Appends an item to the list at a path, creating the list when it is absent or empty. */
export function appendIn(state: DocState, seqPath: YamlPath, item: unknown): Step {
  const flow = flowAncestor(state.ast, seqPath);
  if (flow !== undefined) {
    return editFlow(state, seqPath.slice(0, flow), (js) => {
      const list: unknown = nodeAtJs(js, seqPath.slice(flow));
      return setJs(js, seqPath.slice(flow), [...(Array.isArray(list) ? list : []), item]);
    });
  }
  const node = nodeAt(state.ast, seqPath);
  if (
    node === undefined ||
    (isScalar(node) && node.value === null) ||
    (isSeq(node) && node.items.length === 0)
  ) {
    return setIn(state, seqPath, [item]);
  }
  if (!isSeq(node)) return { reason: `${where(seqPath)} is not a list` };
  if (node.flow) return editFlow(state, seqPath, (js) => [...(Array.isArray(js) ? js : []), item]);
  const lastItem: unknown = node.items[node.items.length - 1];
  const start = isNode(lastItem) ? lastItem.range?.[0] : undefined;
  const at = contentEnd(state.text, node);
  if (start === undefined || at === undefined) return { reason: `${where(seqPath)} has no source range` };
  const col = columnOf(state.text, dashOffset(state.text, start) ?? start);
  return splice(state, at, at, `\n${pad(col)}- ${toYaml(item, col + 2, state.indentSeq)}`);
}

function nodeAtJs(root: unknown, path: YamlPath): unknown {
  let v = root;
  for (const p of path) {
    if (Array.isArray(v) && typeof p === 'number') v = v[p];
    else if (isRec(v)) v = v[String(p)];
    else return undefined;
  }
  return v;
}

/** Moves a list item, with its comments on the same lines, to the end of its list. */
export function moveLast(state: DocState, seqPath: YamlPath, index: number): Step {
  const node = nodeAt(state.ast, seqPath);
  if (!isSeq(node) || node.flow) return { reason: `${where(seqPath)} is not a block list` };
  if (index < 0 || index >= node.items.length) return { reason: `${where(seqPath)} has no item ${index}` };
  if (index === node.items.length - 1) return state;
  const { text } = state;
  const item: unknown = node.items[index];
  const r = isNode(item) ? item.range : undefined;
  const end = contentEnd(text, item);
  const at = contentEnd(text, node);
  if (!r || end === undefined || at === undefined) return { reason: `${where(seqPath)} has no source range` };
  const dash = dashOffset(text, r[0]) ?? r[0];
  if (!startsLine(text, dash)) return { reason: `cannot move ${where([...seqPath, index])} in this layout` };
  const s = lineStart(text, dash);
  return splice(state, s, at, `${text.slice(end + 1, at)}\n${text.slice(s, end)}`);
}
