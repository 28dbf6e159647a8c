import type { SimResult } from '../../../core/simulate/types';
import type { StudioState } from '../../../state/store';
import { useSettledDerived, useStudio } from '../../store-context';
import { simulateCached } from './canvas-trace-runner';
import { useSimulation } from './use-simulation';

const selectSimRequest = (s: StudioState) => s.simRequest;

/** The result of the simulator's request against the current text; re-runs when either changes. */
export function useSimResult(): SimResult | undefined {
  const request = useStudio(selectSimRequest);
  return useSimulation(useSettledDerived(), request, simulateCached);
}
