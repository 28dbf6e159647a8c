import { isMap, isNode, isPair, isScalar, isSeq, type Node } from 'yaml';
import { formatPath, nodeAt, type YamlPath } from '../yaml/locate';
import { splice, type DocState, type Step } from './doc-state';
import { flowAddPair, flowAppend, flowDelete, flowReplace, isFlow } from './flow-edit';
import { nest } from './js-path';
import { contentEnd, dashOffset, lineStart, pastBreak, startsLine } from './node-text';
import { columnOf, isBlockValue, toFlowYaml, toYaml } from './serialise';

export { isFailure, openDoc, type DocState, type Failure, type Step } from './doc-state';

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
  const node = nodeAt(state.ast, path);
  const parent = nodeAt(state.ast, path.slice(0, -1));
  // Inside a flow collection (or JSON), or replacing one that holds entries: stay in flow style.
  if (node && (isFlow(parent) || (isFlow(node) && node.items.length > 0)))
    return flowReplace(state, node, value, isFlow(parent) ? parent : undefined);
  if (node) return replaceNode(state, path, node, value);
  for (let k = path.length - 1; k >= 0; k--) {
    const anc = nodeAt(state.ast, path.slice(0, k));
    if (anc === undefined) continue;
    const rest = path.slice(k);
    const keys = rest.filter((p): p is string => typeof p === 'string');
    if (keys.length !== rest.length)
      return { reason: `${where(path.slice(0, k))} has no item ${String(rest[0])}` };
    const [first, ...more] = keys;
    if (isMap(anc) && anc.flow && first !== undefined)
      return flowAddPair(state, anc, first, nest(more, value));
    const obj = nest(keys, value);
    const ancParent = nodeAt(state.ast, path.slice(0, Math.max(0, k - 1)));
    if (isScalar(anc) && anc.value === null && k > 0 && isFlow(ancParent))
      return flowReplace(state, anc, obj, ancParent);
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
  const node = nodeAt(state.ast, path);
  if (!node) return state;
  const { text } = state;
  const parentPath = path.slice(0, -1);
  const parent = nodeAt(state.ast, parentPath);
  const last = path[path.length - 1];
  if (isFlow(parent)) {
    const at = isMap(parent)
      ? parent.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === String(last))
      : Number(last);
    return flowDelete(state, parent, at);
  }
  if (isMap(parent)) {
    const idx = parent.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === String(last));
    const pair = parent.items[idx];
    const start = isNode(pair?.key) ? pair.key.range?.[0] : undefined;
    const end = contentEnd(text, pair?.value) ?? contentEnd(text, pair?.key);
    if (start === undefined || end === undefined) return { reason: `${where(path)} has no source range` };
    if (parent.items.length === 1) return replaceNode(state, parentPath, parent, {});
    if (startsLine(text, start)) return splice(state, lineStart(text, start), pastBreak(text, end), '');
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
    if (startsLine(text, dash)) return splice(state, lineStart(text, dash), pastBreak(text, end), '');
    return { reason: `cannot delete ${where(path)} in this layout` };
  }
  return { reason: `${where(parentPath)} is not a map or list` };
}

/** Appends an item to the list at a path, creating the list when it is absent or empty. */
export function appendIn(state: DocState, seqPath: YamlPath, item: unknown): Step {
  const node = nodeAt(state.ast, seqPath);
  if (isSeq(node) && node.flow && (node.items.length > 0 || isFlow(nodeAt(state.ast, seqPath.slice(0, -1)))))
    return flowAppend(state, node, item);
  if (
    node === undefined ||
    (isScalar(node) && node.value === null) ||
    (isSeq(node) && node.items.length === 0)
  ) {
    return setIn(state, seqPath, [item]);
  }
  if (!isSeq(node)) return { reason: `${where(seqPath)} is not a list` };
  const lastItem: unknown = node.items[node.items.length - 1];
  const start = isNode(lastItem) ? lastItem.range?.[0] : undefined;
  const at = contentEnd(state.text, node);
  if (start === undefined || at === undefined) return { reason: `${where(seqPath)} has no source range` };
  const col = columnOf(state.text, dashOffset(state.text, start) ?? start);
  return splice(state, at, at, `\n${pad(col)}- ${toYaml(item, col + 2, state.indentSeq)}`);
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
  return splice(state, s, at, `${text.slice(pastBreak(text, end), at)}\n${text.slice(s, end)}`);
}
