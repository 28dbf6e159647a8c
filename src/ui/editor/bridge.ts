import type { editor } from 'monaco-editor';
import type { TextEdit } from '../../core/edit/intents';
import type { EditorPort } from '../../state/studio';

/** The pane's Monaco editor (views that decorate it, like the simulator's rule highlight, read it here). */
export type BridgeEditor = editor.IStandaloneCodeEditor;

/**
 * The studio's port to its Monaco editor, attached once the lazily loaded pane has created it. Edits go
 * through Monaco's model, so Ctrl+Z undoes a canvas action like typing: one history for both panes.
 */
export interface EditorBridge extends EditorPort {
  attach(e: BridgeEditor | undefined): void;
  /** The attached editor, if the pane has loaded. */
  get(): BridgeEditor | undefined;
}

export function createEditorBridge(): EditorBridge {
  let current: BridgeEditor | undefined;
  const model = () => current?.getModel() ?? undefined;
  return {
    attach: (e) => {
      current = e;
    },
    get: () => current,
    applyEdits(edits: readonly TextEdit[], merge: boolean): boolean {
      const m = model();
      if (!current || !m) return false;
      const ops = edits.map((ed) => ({
        range: rangeOf(m, ed.start, ed.end),
        text: ed.text,
        forceMoveMarkers: true,
      }));
      if (!merge) m.pushStackElement();
      m.pushEditOperations(current.getSelections(), ops, () => null);
      if (!merge) m.pushStackElement();
      return true;
    },
    closeUndoStep: () => model()?.pushStackElement(),
    undo: () => {
      const m = model();
      if (!m) return false;
      void m.undo();
      return true;
    },
    redo: () => {
      const m = model();
      if (!m) return false;
      void m.redo();
      return true;
    },
    reveal(start, end) {
      const m = model();
      if (!current || !m) return;
      const range = rangeOf(m, start, end);
      current.setSelection(range);
      current.revealRangeInCenterIfOutsideViewport(range);
    },
  };
}

function rangeOf(m: Pick<editor.ITextModel, 'getPositionAt'>, start: number, end: number) {
  const a = m.getPositionAt(start);
  const b = m.getPositionAt(end);
  return {
    startLineNumber: a.lineNumber,
    startColumn: a.column,
    endLineNumber: b.lineNumber,
    endColumn: b.column,
  };
}
