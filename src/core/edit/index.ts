export { applyIntent } from './apply';
export { appendManifests } from './append-docs';
export type { EditIntent, NewResource, RouteTarget, TextEdit } from './intents';
export {
  formatMatchMap,
  parseMatchMap,
  readMatch,
  matchFields,
  type MatchCondition,
  type StringMatch,
  type StringMatchKind,
} from './match-form';
export { gatewayReference, hostFor, inferHost, istioApiVersion, nextVersion, uniqueName } from './names';
export { applyEdits, type EditResult } from './session';
export { undoMode } from './undo';
export { addShare, evenly, normalise, rebalance, removeShare } from './weights';
