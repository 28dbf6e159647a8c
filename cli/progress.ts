import type { InputFile } from './combine';
import type { Io } from './io';

/** Over this many characters of manifests a command says on stderr what it reads (a whole cluster's dump). */
export const BIG_INPUT = 1_000_000;

export const count = (n: number): string => n.toLocaleString('en-US');

const files = (n: number): string => `${count(n)} file${n === 1 ? '' : 's'}`;

/**
 * Progress on stderr for big inputs (or always, when `always` — e.g. stderr is a terminal): before reading,
 * "reading N files (K KB)…"; `done` then says what was read. Says nothing for small inputs, so output stays
 * as istioctl's for everyday files.
 */
export function readingProgress(
  io: Io,
  inputs: readonly InputFile[],
  always = false,
): { done(what: string): void } {
  const size = inputs.reduce((s, f) => s + f.text.length, 0);
  const on = always || size > BIG_INPUT;
  if (on) io.err(`its: reading ${files(inputs.length)} (${count(Math.round(size / 1024))} KB)…`);
  return {
    done(what) {
      if (on) io.err(`its: read ${files(inputs.length)}, ${what}`);
    },
  };
}
