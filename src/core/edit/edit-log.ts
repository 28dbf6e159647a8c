import type { TextEdit } from './intents';

// Where the current text of a document came from: kept slices of the original and inserted strings. Splices
// on the current text update it, so an op's changes come out as edits in the original's offsets, each no
// wider than the splices that made it (a diff of the whole document could slide an edit into a neighbour
// that happens to read the same).

/** A run of the current text: a slice [from, to) of the original, or inserted text. */
export type Segment = { from: number; to: number } | { text: string };

export type EditLog = readonly Segment[];

export function freshLog(length: number): EditLog {
  return length > 0 ? [{ from: 0, to: length }] : [];
}

const sizeOf = (s: Segment): number => ('text' in s ? s.text.length : s.to - s.from);

/** Splits a segment at `k` characters into it. */
function cut(s: Segment, k: number): [Segment, Segment] {
  if ('text' in s) return [{ text: s.text.slice(0, k) }, { text: s.text.slice(k) }];
  return [
    { from: s.from, to: s.from + k },
    { from: s.from + k, to: s.to },
  ];
}

/** The log after replacing [start, end) of the current text with `insert`. */
export function spliceLog(log: EditLog, start: number, end: number, insert: string): EditLog {
  const before: Segment[] = [];
  const after: Segment[] = [];
  let at = 0;
  for (const seg of log) {
    const n = sizeOf(seg);
    const [a, rest] = cut(seg, Math.max(0, Math.min(n, start - at)));
    const [, b] = cut(rest, Math.max(0, Math.min(sizeOf(rest), end - Math.max(at, start))));
    if (sizeOf(a) > 0) before.push(a);
    if (sizeOf(b) > 0) after.push(b);
    at += n;
  }
  return [...before, ...(insert ? [{ text: insert }] : []), ...after];
}

/** The changes a log records, as edits of the original text (offset by `base`), each trimmed to what differs. */
export function logEdits(log: EditLog, original: string, base: number): TextEdit[] {
  const edits: TextEdit[] = [];
  let pos = 0;
  let text = '';
  const flush = (to: number) => {
    if (to > pos || text) edits.push(trim(base, pos, original.slice(pos, to), text));
    text = '';
  };
  for (const seg of log) {
    if ('text' in seg) {
      text += seg.text;
      continue;
    }
    if (seg.from !== pos || text) flush(seg.from);
    pos = seg.to;
  }
  flush(original.length);
  return edits.filter((e) => e.start !== e.end || e.text !== '');
}

/** One edit replacing `before` (at `start`) with `after`, common prefix and suffix trimmed. */
function trim(base: number, start: number, before: string, after: string): TextEdit {
  let p = 0;
  const max = Math.min(before.length, after.length);
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  // Never split a CRLF pair: Monaco counts it as one line break.
  if (p > 0 && before.charAt(p - 1) === '\r') p--;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s))
    s++;
  if (s > 0 && before.charAt(before.length - s) === '\n' && before.charAt(before.length - s - 1) === '\r')
    s--;
  return {
    start: base + start + p,
    end: base + start + before.length - s,
    text: after.slice(p, after.length - s),
  };
}
