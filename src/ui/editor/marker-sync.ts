import type { Derived } from '../../core/derive';
import type { EditorPort, Studio } from '../../state/studio';
import type { SyncModel } from './text-sync';

/**
 * Keeps the editor's markers on the settled derivation's diagnostics. Markers are shown only for the text the
 * editor holds, so they are set when both agree, whichever changes last: the derivation settles (a keystroke, a
 * big text read) or the editor takes the text (an import enters the editor after the store has settled it, and
 * a big one a task later). Showing the same derivation twice is skipped. Returns the function that stops it.
 */
export function startMarkerSync(
  studio: Studio<EditorPort>,
  model: Pick<SyncModel, 'getValue' | 'onDidChangeContent'>,
  show: (d: Derived) => void,
): () => void {
  let shown: Derived | undefined;
  const sync = () => {
    const d = studio.settled().derived;
    if (d === shown || d.text !== model.getValue()) return;
    shown = d;
    show(d);
  };
  sync();
  const stopSettled = studio.scheduler.subscribe(sync);
  const changed = model.onDidChangeContent(sync);
  return () => {
    stopSettled();
    changed.dispose();
  };
}
