import { useMemo } from 'react';
import { simulate } from '../../../core/simulate/simulate';
import type { SimResult } from '../../../core/simulate/types';
import type { StudioState } from '../../../state/store';
import type { Trace } from '../../canvas/to-flow';
import { useSettledDerived, useStudio } from '../../store-context';
import { useRuleHighlight } from './rule-highlight';
import { traceOf } from './trace';

const selectSimRequest = (s: StudioState) => s.simRequest;

/** The result of the simulator's request against the current text; re-runs when either changes. */
export function useSimResult(): SimResult | undefined {
  const request = useStudio(selectSimRequest);
  const { model, index } = useSettledDerived();
  return useMemo(() => (request ? simulate(model, index, request) : undefined), [request, model, index]);
}

/**
 * Nodes and edges on the simulated request's path, or undefined when no request has run. Also keeps the
 * matched rule highlighted in the YAML pane while the trace is on.
 */
export function useTrace(): Trace | undefined {
  const result = useSimResult();
  useRuleHighlight(result?.rule, useStudio(selectSimRequest));
  return useMemo(() => (result ? traceOf(result) : undefined), [result]);
}
