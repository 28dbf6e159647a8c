/** One YAML document's slice of the whole text. */
export interface DocChunk {
  /** Offset of the chunk's first character in the whole text. */
  start: number;
  /** Offset one past the chunk's last character. */
  end: number;
  text: string;
}

// A line that starts with `---` (then space or end of line) at column 0 always starts a new document:
// YAML forbids that sequence inside block scalars, flow collections and quoted strings alike.
const MARKER = /^---(?=[ \t]|\r?\n|$)/gm;

/**
 * Splits a multi-document text into chunks, one per document, so each can be parsed and memoised on its own.
 * The marker line belongs to the chunk it opens; text before the first marker is a chunk of its own.
 */
export function splitDocuments(text: string): DocChunk[] {
  const starts: number[] = [0];
  for (const m of text.matchAll(MARKER)) {
    if (m.index !== 0) starts.push(m.index);
  }
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? text.length;
    return { start, end, text: text.slice(start, end) };
  });
}
