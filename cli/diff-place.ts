// Maps a comparison's offsets (into each side's combined text) back to file:line.
import type { Meaning } from '../src/core/compare/types';
import { locate, type Combined } from './combine';

/** One side of a diff: its combined text and the path the person gave. */
export interface Side {
  combined: Combined;
  name: string;
}

export interface Place {
  file: string;
  line: number;
}

export function placeOf(side: Side, range: [number, number] | undefined): Place | undefined {
  if (!range) return undefined;
  const at = locate(side.combined, range[0]);
  return at && { file: at.file, line: at.line };
}

export function meaningPlace(m: Meaning, sides: { base: Side; head: Side }): Place | undefined {
  return placeOf(m.side === 'base' ? sides.base : sides.head, m.range);
}
