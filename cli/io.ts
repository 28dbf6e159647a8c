/** What a command may touch outside itself: output streams, stdin, terminal facts. Tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Uint8Array;
  /** Whether to colour text output, given the `--color` flag's value (undefined: decide by the terminal). */
  colour(flag: unknown): boolean;
  version: string;
  /** True when stderr is a terminal: long commands say what they are doing there. */
  stderrIsTTY?: boolean;
}
