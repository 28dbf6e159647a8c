import { isMap, isNode, isPair, isSeq } from 'yaml';

// Where nodes begin and end in a document's text. The `yaml` library's ranges of block collections run on
// past trailing comments and the next line's indentation, so edits use these tighter bounds instead.

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the line break ending the line holding `offset` (its `\r` in a CRLF text), or the text's end. */
export function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  if (i < 0) return text.length;
  return i > offset && text.charAt(i - 1) === '\r' ? i - 1 : i;
}

/** Offset just past the line break at `end` (a `lineEnd`), or `end` at the text's end. */
export function pastBreak(text: string, end: number): number {
  if (text.startsWith('\r\n', end)) return end + 2;
  return text.charAt(end) === '\n' ? end + 1 : end;
}

function leafEnd(node: unknown): number | undefined {
  if (isMap(node) && !node.flow) {
    const last = node.items[node.items.length - 1];
    if (!isPair(last)) return undefined;
    return leafEnd(last.value) ?? leafEnd(last.key);
  }
  if (isSeq(node) && !node.flow) return leafEnd(node.items[node.items.length - 1]);
  return isNode(node) ? node.range?.[1] : undefined;
}

/**
 * End of a node's own text: the end of the line where its last value ends, so a comment on that line stays
 * with it, while comments on the lines after belong to what follows.
 */
export function contentEnd(text: string, node: unknown): number | undefined {
  let end = leafEnd(node);
  if (end === undefined) return undefined;
  while (end > 0 && /\s/.test(text.charAt(end - 1))) end--;
  return lineEnd(text, end);
}

/** Offset of the `-` that introduces a block sequence item starting at `itemStart`, if there is one. */
export function dashOffset(text: string, itemStart: number): number | undefined {
  let i = itemStart - 1;
  while (i >= 0 && /\s/.test(text.charAt(i))) i--;
  return text.charAt(i) === '-' ? i : undefined;
}

/** True when only spaces precede `offset` on its line. */
export function startsLine(text: string, offset: number): boolean {
  return /^[ \t]*$/.test(text.slice(lineStart(text, offset), offset));
}
