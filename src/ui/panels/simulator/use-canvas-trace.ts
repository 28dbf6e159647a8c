import { useEffect, useState } from 'react';
import type { StudioState } from '../../../state/store';
import type { Trace } from '../../canvas/to-flow';
import { useSettledDerived, useStudio } from '../../store-context';
import type { runTrace } from './canvas-trace-runner';
import { useRuleHighlight } from './rule-highlight';
import { useSimulation } from './use-simulation';

interface Runner {
  runTrace: typeof runTrace;
}

const selectSimRequest = (s: StudioState) => s.simRequest;

// The tracer (and the Envoy tables it walks) is only needed once a request has run: keep it off the first screen.
let loaded: Runner | undefined;
const load = () => import('./canvas-trace-runner');

/**
 * Nodes and edges on the simulated request's path, or undefined when no request has run. Also keeps the
 * matched rule highlighted in the YAML pane while the trace is on.
 */
export function useTrace(): Trace | undefined {
  const request = useStudio(selectSimRequest);
  // The index is built lazily after a patched keystroke: read it only when a request is traced.
  const derived = useSettledDerived();
  const [runner, setRunner] = useState<Runner | undefined>(loaded);
  useEffect(() => {
    if (!request || runner) return;
    let live = true;
    void load().then((m) => {
      loaded = m;
      if (live) setRunner(m);
    });
    return () => {
      live = false;
    };
  }, [request, runner]);
  const run = useSimulation(derived, request, runner?.runTrace);
  useRuleHighlight(run?.result.rule, request);
  return run?.trace;
}
