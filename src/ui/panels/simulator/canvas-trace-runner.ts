import type { MeshIndex } from '../../../core/graph/build-graph';
import type { MeshModel } from '../../../core/model/types';
import { simulate } from '../../../core/simulate/simulate';
import type { SimRequest, SimResult } from '../../../core/simulate/types';
import type { Trace } from '../../canvas/to-flow';
import { traceOf } from './trace';

// The panel and the canvas ask for the same request on the same derivation: simulate once (it builds the
// proxy's Envoy tables, ~100 ms at 2,000 resources).
const cache = new WeakMap<MeshModel, WeakMap<SimRequest, SimResult>>();

/** `simulate`, memoised per derived model and request object. */
export function simulateCached(model: MeshModel, index: MeshIndex, request: SimRequest): SimResult {
  let byRequest = cache.get(model);
  if (!byRequest) cache.set(model, (byRequest = new WeakMap()));
  const hit = byRequest.get(request);
  if (hit) return hit;
  const result = simulate(model, index, request);
  byRequest.set(request, result);
  return result;
}

/** What the canvas trace needs from the simulator; loaded on demand so the tracer is not on the first screen. */
export function runTrace(
  model: MeshModel,
  index: MeshIndex,
  request: SimRequest,
): { result: SimResult; trace: Trace } {
  const result = simulateCached(model, index, request);
  return { result, trace: traceOf(result) };
}
