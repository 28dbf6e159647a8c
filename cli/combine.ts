/** One input file: its display name (as given, or `<stdin>`) and its text. */
export interface InputFile {
  name: string;
  text: string;
}

/** Where a file sits in the combined text, with its own line starts for line:column. */
interface FileSpan {
  name: string;
  start: number;
  end: number;
  lineStarts: number[];
}

/** Several files as one text, so the core derives them as one mesh, with a way back to each file. */
export interface Combined {
  text: string;
  spans: FileSpan[];
}

/** A place in one input file; line and column are 1-based, columns in UTF-16 code units (SARIF's default). */
export interface FilePlace {
  file: string;
  line: number;
  column: number;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

/**
 * Joins files into one multi-document text: each file ends with a line break and a `---` line before the next,
 * so no document runs across two files. A file that starts with a directive (`%YAML`) gets `...` (end of
 * document) instead, which YAML requires before directives. The separators belong to no file.
 */
export function combine(files: readonly InputFile[]): Combined {
  let text = '';
  const spans: FileSpan[] = [];
  files.forEach((f, i) => {
    if (i > 0) {
      if (!text.endsWith('\n')) text += '\n';
      text += f.text.startsWith('%') ? '...\n' : '---\n';
    }
    spans.push({
      name: f.name,
      start: text.length,
      end: text.length + f.text.length,
      lineStarts: lineStarts(f.text),
    });
    text += f.text;
  });
  return { text, spans };
}

/** The file, line and column of an offset in the combined text (a separator maps to the end of the file before). */
export function locate(c: Combined, offset: number): FilePlace | undefined {
  let span: FileSpan | undefined;
  for (const s of c.spans) {
    if (s.start > offset) break;
    span = s;
  }
  if (!span) return undefined;
  const rel = Math.min(Math.max(0, offset - span.start), span.end - span.start);
  const starts = span.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= rel) lo = mid;
    else hi = mid - 1;
  }
  return { file: span.name, line: lo + 1, column: rel - (starts[lo] ?? 0) + 1 };
}
