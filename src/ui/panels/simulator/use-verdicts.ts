import { useEffect, useMemo, useState } from 'react';
import { verdictFor, type Verdict } from '../../../core/testcases/verdict';
import { useSettledDerived } from '../../store-context';
import type { SavedRequest } from './preset-storage';

// A verdict runs the simulator (Envoy's tables for the request's proxy): a few ms on bookinfo, ~100 ms at 2,000
// resources. Above this size the verdicts wait for a pause in typing (as use-envoy-names does), so a keystroke
// never pays for every saved request.
const SYNC_LIMIT = 400;
const PAUSE_MS = 250;

type Verdicts = Map<string, Verdict>;

function verdictsOf(
  presets: readonly SavedRequest[],
  derived: ReturnType<typeof useSettledDerived>,
): Verdicts {
  return new Map(presets.map((p) => [p.name, verdictFor(derived.model, derived.index, p.request, p.expect)]));
}

/**
 * Each saved request's verdict against the current text, by name; recomputed when the text (its settled
 * derivation) or the list changes, so a YAML edit turns a row from pass to fail while typing.
 */
export function useVerdicts(presets: readonly SavedRequest[]): Verdicts {
  const derived = useSettledDerived();
  const small = derived.model.resources.length <= SYNC_LIMIT;
  const now = useMemo(() => (small ? verdictsOf(presets, derived) : undefined), [small, presets, derived]);
  // Big texts keep the last verdicts until the new ones are computed.
  const [late, setLate] = useState<Verdicts>(() => new Map());
  useEffect(() => {
    if (small) return undefined;
    const timer = setTimeout(() => setLate(verdictsOf(presets, derived)), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [small, presets, derived]);
  return now ?? late;
}
