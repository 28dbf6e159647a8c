import type { MeshIndex } from '../graph/build-graph';
import type { MeshModel } from '../model/types';
import { simulate } from '../simulate/simulate';
import type { SimRequest } from '../simulate/types';
import { evaluateExpectation } from './evaluate';
import { parseExpectationText } from './expectation-text';

/** A saved request's verdict: `none` without an expectation; the reason says why it failed. */
export interface Verdict {
  verdict: 'pass' | 'fail' | 'none';
  reason: string | undefined;
}

/**
 * Runs a saved request against the model and checks its expectation (the one-line text), as `its test` checks
 * the case the request exports to: same simulator, same comparison. An unreadable expectation fails, saying why.
 */
export function verdictFor(
  model: MeshModel,
  index: MeshIndex,
  request: SimRequest,
  expectText: string | undefined,
): Verdict {
  const { expect, error } = parseExpectationText(expectText ?? '');
  if (error) return { verdict: 'fail', reason: error };
  if (!expect) return { verdict: 'none', reason: undefined };
  const problems = evaluateExpectation(expect, simulate(model, index, request), request.sourceNamespace);
  return problems.length === 0
    ? { verdict: 'pass', reason: undefined }
    : { verdict: 'fail', reason: problems.join('; ') };
}
