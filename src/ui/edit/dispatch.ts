import { applyIntent, undoMode } from '../../core/edit/index';
import type { EditIntent } from '../../core/edit/intents';
import { isEdgeId } from '../../core/graph/ids';
import type { EditorPort, Studio } from '../../state/studio';

/**
 * Runs a canvas or inspector action: intent → minimal text edits → the studio's text, and from there the editor
 * (one undo history for both panes; a slider drag's moves merge into one step).
 * Refuses, with a message, while the text does not parse, so nothing typed is overwritten.
 * Selects what the op suggests (a new node, or the route edge an op added or changed) and returns its id;
 * the id names a node or an edge (`isEdgeId`), and is undefined when the op suggests nothing.
 */
export function dispatchIntent(
  studio: Studio<EditorPort>,
  intent: EditIntent,
): { ok: boolean; select?: string } {
  const s = studio.store.getState();
  const d = studio.current();
  if (d.parseErrors.length > 0) {
    s.notify(
      'The YAML does not parse right now; fix the error shown in the banner, then try again.',
      'error',
    );
    return { ok: false };
  }
  const r = applyIntent(d.parsed, d.model, intent);
  if (!r.ok) {
    s.notify(`Could not ${describe(intent)}: ${r.reason}`, 'error');
    return { ok: false };
  }
  if (r.edits.length === 0) return { ok: true, select: r.select };
  studio.edit(r.edits, { merge: undoMode(intent) === 'merge' });
  if (r.select) s.select(isEdgeId(r.select) ? { edgeId: r.select } : { nodeId: r.select });
  return { ok: true, select: r.select };
}

function describe(intent: EditIntent): string {
  return intent.type.replace(/([A-Z])/g, ' $1').toLowerCase();
}
