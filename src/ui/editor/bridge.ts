import type { editor, Selection } from 'monaco-editor';
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
      // The step's cursor afterwards, which a redo in the focused editor (Monaco's own keys) takes: where its
      // last change ends, collapsed, rather than whatever selection Monaco's markers held.
      m.pushEditOperations(current.getSelections(), ops, (inverse) => {
        const last = inverse.at(-1)?.range;
        return last ? [collapsedAt(last.endLineNumber, last.endColumn)] : null;
      });
      if (!merge) m.pushStackElement();
      return true;
    },
    canUndo: () => model()?.canUndo() ?? false,
    canRedo: () => model()?.canRedo() ?? false,
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
      // From the toolbar or the global keys the editor has no focus, and then Monaco ignores the redone
      // step's cursor and keeps the selection its markers hold (often a whole document a reveal selected):
      // put the cursor where the redone change ends.
      let first: { rangeOffset: number; text: string } | undefined;
      const watch = m.onDidChangeContent((e) => {
        for (const c of e?.changes ?? []) if (!first || c.rangeOffset < first.rangeOffset) first = c;
      });
      try {
        void m.redo();
      } finally {
        watch.dispose();
      }
      if (first && current) {
        const at = m.getPositionAt(first.rangeOffset + first.text.length);
        current.setSelection(collapsedAt(at.lineNumber, at.column));
      }
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

/**
 * A collapsed selection. Monaco reads a cursor state's fields only (it lifts them into its own Selection),
 * so a plain object does; importing Monaco's Selection class here would pull Monaco into the first screen.
 */
function collapsedAt(line: number, column: number): Selection {
  return {
    selectionStartLineNumber: line,
    selectionStartColumn: column,
    positionLineNumber: line,
    positionColumn: column,
    startLineNumber: line,
    startColumn: column,
    endLineNumber: line,
    endColumn: column,
  } as unknown as Selection;
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
