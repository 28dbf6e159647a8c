import { compare } from '../../core/compare/index';
import type { Comparison, NamedRequest } from '../../core/compare/types';
import type { DeriveOptions } from '../../core/derive';
import { createDerivation } from '../../state/derived';

/** One comparison to make: both texts, the reading settings, and the person's saved requests. */
export interface CompareRequest {
  id: number;
  baseText: string;
  headText: string;
  options: DeriveOptions;
  requests: NamedRequest[];
}

export type CompareReply =
  { id: number; ok: true; comparison: Comparison } | { id: number; ok: false; reason: string };

/**
 * Compares texts with a derivation per side, kept between requests: the base is derived once, and a keystroke
 * re-parses only the head's touched document. Runs in the compare worker (the core's comparison traces every
 * drawn request through both versions: seconds on a big mesh) or, without workers, on the main thread.
 */
export function createCompareJob(): (req: CompareRequest) => CompareReply {
  const base = createDerivation();
  const head = createDerivation();
  return (req) => {
    try {
      const comparison = compare(base.of(req.baseText, req.options), head.of(req.headText, req.options), {
        requests: req.requests,
      });
      return { id: req.id, ok: true, comparison };
    } catch (e) {
      return { id: req.id, ok: false, reason: e instanceof Error ? e.message : String(e) };
    }
  };
}
