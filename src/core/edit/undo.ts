import type { EditIntent } from './intents';

/**
 * How an op enters undo history: `merge` folds it into the previous step (the moves of one slider drag),
 * `new` starts a step of its own.
 */
export function undoMode(intent: EditIntent): 'new' | 'merge' {
  return intent.type === 'setWeights' && intent.dragging === true ? 'merge' : 'new';
}
