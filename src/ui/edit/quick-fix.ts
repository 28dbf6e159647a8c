import type { QuickFix } from '../../core/validate/types';
import type { EditorPort, Studio } from '../../state/studio';
import { dispatchIntent } from './dispatch';

/**
 * Applies a diagnostic's quick fix: an intent goes through the edit ops like any canvas action; a text fix
 * (quoting a scalar) is spliced in as it is, one undo step, only while the text still holds what it replaces.
 */
export function applyQuickFix(studio: Studio<EditorPort>, fix: QuickFix): boolean {
  if (fix.intent) return dispatchIntent(studio, fix.intent).ok;
  const s = studio.store.getState();
  const { start, end, text, replaces } = fix.edit;
  if (s.text.slice(start, end) !== replaces) {
    s.notify('The text changed since this fix was offered; look at the problem again.', 'error');
    return false;
  }
  studio.edit([{ start, end, text }]);
  return true;
}
