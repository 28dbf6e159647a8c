import { appendManifests, applyEdits } from '../core/edit/index';
import type { StudioStore } from '../state/store';

/** Replaces the whole text (one undo step in the editor) and lays the new graph out afresh. */
export function replaceText(store: StudioStore, text: string): void {
  const s = store.getState();
  s.setPositions({});
  s.setText(text);
  s.select({});
  s.requestFit();
}

/**
 * Import → Append: adds documents after the text, keeping what is there, with the separator and line endings
 * core's `appendManifests` (the same append edit ops use) gives them.
 */
export function appendText(store: StudioStore, text: string): void {
  const s = store.getState();
  const edit = appendManifests(s.text, text);
  if (edit) s.setText(applyEdits(s.text, [edit]));
  s.requestFit();
}
