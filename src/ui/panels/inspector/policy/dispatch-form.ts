import type { EditIntent } from '../../../../core/edit/intents';
import type { StudioStore } from '../../../../state/store';
import { dispatchIntent } from '../../../edit/dispatch';

/**
 * Dispatches a form's edit and keeps the selection: the edit moves Monaco's cursor, and the pane's
 * cursor-follows-selection sync would otherwise select whatever the moved cursor lands on, closing the form.
 */
export function dispatchFromForm(store: StudioStore, intent: EditIntent): void {
  const selection = store.getState().selection;
  dispatchIntent(store, intent);
  const now = store.getState().selection;
  if (now.nodeId !== selection.nodeId || now.edgeId !== selection.edgeId) store.getState().select(selection);
}
