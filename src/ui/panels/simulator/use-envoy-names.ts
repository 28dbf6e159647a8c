import { useEffect, useMemo, useState } from 'react';
import { envoyNamesFor, type EnvoyNames } from '../../../core/simulate/envoy-names';
import type { SimResult } from '../../../core/simulate/types';
import type { StudioState } from '../../../state/store';
import { useSettledDerived, useStudio } from '../../store-context';

const selectSimRequest = (s: StudioState) => s.simRequest;

// Tracing builds the proxy's listeners and routes: a few ms for bookinfo, ~100 ms at 2,000 resources. Above
// this size it waits for a pause in typing, so a keystroke never pays for it.
const SYNC_LIMIT = 400;
const PAUSE_MS = 200;

/** The Envoy names (core/envoy trace for the request's proxy) of a result, with the same request and text. */
export function useEnvoyNames(result: SimResult): EnvoyNames | undefined {
  const request = useStudio(selectSimRequest);
  const { model } = useSettledDerived();
  const small = model.resources.length <= SYNC_LIMIT;
  const now = useMemo(
    () => (small && request ? envoyNamesFor(model, request, result) : undefined),
    [small, request, model, result],
  );
  // Big texts keep the last names until the new ones are computed.
  const [late, setLate] = useState<EnvoyNames | undefined>(undefined);
  useEffect(() => {
    if (small || !request) return undefined;
    const timer = setTimeout(() => setLate(envoyNamesFor(model, request, result)), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [small, request, model, result]);
  return small ? now : late;
}
