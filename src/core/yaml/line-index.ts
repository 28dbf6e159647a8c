/** 1-based line and column, as editors show them. */
export interface LineCol {
  line: number;
  col: number;
}

/** Maps offsets to lines and back for one text; built once per text in O(n). */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let i = text.indexOf('\n');
    while (i !== -1) {
      starts.push(i + 1);
      i = text.indexOf('\n', i + 1);
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Position of an offset (clamped into the text). */
  at(offset: number): LineCol {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: o - (this.lineStarts[lo] ?? 0) + 1 };
  }

  /** Offset of a 1-based line and column (clamped). */
  offsetOf(pos: LineCol): number {
    const line = Math.max(1, Math.min(pos.line, this.lineStarts.length));
    const start = this.lineStarts[line - 1] ?? 0;
    return Math.min(start + Math.max(0, pos.col - 1), this.text.length);
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line - 1, this.lineStarts.length - 1))] ?? 0;
  }
}
