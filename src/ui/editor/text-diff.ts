/** The one span that differs between two texts: replace old[start, end) with `text` to get the new one. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * The smallest single splice turning `before` into `after` (common prefix and suffix kept). A canvas edit
 * changes a few lines of a text that may be megabytes long; handing Monaco just those lines keeps its
 * undo step small and its work proportional to the edit, not to the text.
 */
export function spliceBetween(before: string, after: string): Splice {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (
    tail < max - start &&
    before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)
  )
    tail++;
  // Never split a surrogate pair: Monaco counts UTF-16 units, but half an emoji is not text.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (tail > 0 && isLowSurrogate(before.charCodeAt(before.length - tail))) tail--;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
