import type { MeshIndex } from '../../../core/graph/build-graph';
import type { MeshModel } from '../../../core/model/types';
import { simulate } from '../../../core/simulate/simulate';
import type { SimRequest, SimResult } from '../../../core/simulate/types';
import type { Trace } from '../../canvas/to-flow';
import { traceOf } from './trace';

/** What the canvas trace needs from the simulator; loaded on demand so the tracer is not on the first screen. */
export function runTrace(
  model: MeshModel,
  index: MeshIndex,
  request: SimRequest,
): { result: SimResult; trace: Trace } {
  const result = simulate(model, index, request);
  return { result, trace: traceOf(result) };
}
