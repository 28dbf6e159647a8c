import type { MeshModel } from '../model/types';
import type { ParsedText } from '../yaml/parse';
import type { EditIntent } from './intents';
import { addResource, deletePath, deleteResource, renameHost, setValue } from './ops-resources';
import { addRoute, bindGateway, deleteRoute, moveRuleLast, setMatch } from './ops-routes';
import {
  addSubset,
  addSubsetForDeployment,
  createDestinationRule,
  renameSubset,
  setTrafficPolicy,
} from './ops-rules';
import {
  connectRoute,
  deleteDestination,
  evenlyDistribute,
  normaliseWeights,
  setWeights,
} from './ops-weights';
import { matchWorkloadSelector, setWorkloadLabels } from './ops-workload';
import type { EditResult } from './session';

/**
 * Turns an intent into minimal text edits: only the changed nodes are rewritten, so comments, key order,
 * quoting, unknown fields and other documents stay byte for byte. `edits` use the original text's offsets
 * and do not overlap; `text` is the result. Never throws: a refusal comes back as `{ ok: false, reason }`.
 */
export function applyIntent(parsed: ParsedText, model: MeshModel, intent: EditIntent): EditResult {
  try {
    return dispatch(parsed, model, intent);
  } catch (err) {
    // Ops are written not to throw; this keeps a bug from taking the editor down with it.
    return { ok: false, reason: `internal error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function dispatch(parsed: ParsedText, model: MeshModel, i: EditIntent): EditResult {
  switch (i.type) {
    case 'addResource':
      return addResource(parsed, model, i);
    case 'addSubset':
      return addSubset(parsed, model, i);
    case 'addSubsetForDeployment':
      return addSubsetForDeployment(parsed, model, i);
    case 'createDestinationRule':
      return createDestinationRule(parsed, model, i);
    case 'connectRoute':
      return connectRoute(parsed, model, i);
    case 'addRoute':
      return addRoute(parsed, model, i);
    case 'bindGateway':
      return bindGateway(parsed, model, i);
    case 'normaliseWeights':
      return normaliseWeights(parsed, model, i);
    case 'evenlyDistribute':
      return evenlyDistribute(parsed, model, i);
    case 'moveRuleLast':
      return moveRuleLast(parsed, model, i);
    case 'setWeights':
      return setWeights(parsed, model, i);
    case 'deleteRoute':
      return deleteRoute(parsed, model, i);
    case 'deleteDestination':
      return deleteDestination(parsed, model, i);
    case 'setMatch':
      return setMatch(parsed, model, i);
    case 'setValue':
      return setValue(parsed, model, i);
    case 'deletePath':
      return deletePath(parsed, model, i);
    case 'deleteResource':
      return deleteResource(parsed, model, i);
    case 'renameSubset':
      return renameSubset(parsed, model, i);
    case 'renameHost':
      return renameHost(parsed, model, i);
    case 'setTrafficPolicy':
      return setTrafficPolicy(parsed, model, i);
    case 'setWorkloadLabels':
      return setWorkloadLabels(parsed, model, i);
    case 'matchWorkloadSelector':
      return matchWorkloadSelector(parsed, model, i);
  }
}
