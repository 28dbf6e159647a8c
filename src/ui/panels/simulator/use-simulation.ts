import { useEffect, useMemo, useState } from 'react';
import type { MeshIndex } from '../../../core/graph/build-graph';
import type { MeshModel } from '../../../core/model/types';
import type { SimRequest } from '../../../core/simulate/types';

// Simulating builds the proxy's listeners and routes (core/envoy): a few ms for bookinfo, ~100 ms at 2,000
// resources. Above this size it waits for a pause in typing, so a keystroke never pays for it.
const SYNC_LIMIT = 400;
const PAUSE_MS = 200;

/**
 * `run(model, index, request)` for the settled derivation: at once for small texts; for big ones after a pause
 * in typing, keeping the last answer meanwhile. Undefined while there is no request or no `run` yet. The
 * derivation's `index` is read only to run: after a patched keystroke it is built on first read (~10 ms at
 * 10,000 resources), which a canvas without a traced request must not pay on every key.
 */
export function useSimulation<T>(
  derived: { readonly model: MeshModel; readonly index: MeshIndex },
  request: SimRequest | undefined,
  run: ((model: MeshModel, index: MeshIndex, request: SimRequest) => T) | undefined,
): T | undefined {
  const small = derived.model.resources.length <= SYNC_LIMIT;
  const now = useMemo(
    () => (small && request && run ? run(derived.model, derived.index, request) : undefined),
    [small, request, run, derived],
  );
  const [late, setLate] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (small || !request || !run) return undefined;
    const timer = setTimeout(() => setLate(run(derived.model, derived.index, request)), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [small, request, run, derived]);
  return small ? now : late;
}
