import { useMemo } from 'react';
import { verdictFor, type Verdict } from '../../../core/testcases/verdict';
import { useSettledDerived } from '../../store-context';
import type { SavedRequest } from './preset-storage';

/**
 * Each saved request's verdict against the current text, by name; recomputed when the text (its settled
 * derivation) or the list changes, so a YAML edit turns a row from pass to fail while typing.
 */
export function useVerdicts(presets: readonly SavedRequest[]): Map<string, Verdict> {
  const { model, index } = useSettledDerived();
  return useMemo(
    () => new Map(presets.map((p) => [p.name, verdictFor(model, index, p.request, p.expect)])),
    [presets, model, index],
  );
}
