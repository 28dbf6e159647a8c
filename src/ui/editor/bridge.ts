import type { editor } from 'monaco-editor';
import type { TextEdit } from '../../core/edit/intents';

// The one Monaco editor of the page. Canvas edits go through its model so Ctrl+Z undoes them like typing.
let current: editor.IStandaloneCodeEditor | undefined;

export function attachEditor(e: editor.IStandaloneCodeEditor | undefined): void {
  current = e;
}

export function getEditor(): editor.IStandaloneCodeEditor | undefined {
  return current;
}

/**
 * Applies text edits (offsets in the current text) as one undo step, or merged into the open step when
 * `merge` is set (a slider drag). Returns false when no editor is attached yet.
 */
export function applyEditsToEditor(edits: readonly TextEdit[], merge: boolean): boolean {
  const e = current;
  const model = e?.getModel();
  if (!e || !model) return false;
  const ops = edits.map((ed) => {
    const a = model.getPositionAt(ed.start);
    const b = model.getPositionAt(ed.end);
    return {
      range: {
        startLineNumber: a.lineNumber,
        startColumn: a.column,
        endLineNumber: b.lineNumber,
        endColumn: b.column,
      },
      text: ed.text,
      forceMoveMarkers: true,
    };
  });
  if (!merge) model.pushStackElement();
  model.pushEditOperations(e.getSelections(), ops, () => null);
  if (!merge) model.pushStackElement();
  return true;
}

/** Closes the open undo step (end of a slider drag). */
export function closeUndoStep(): void {
  current?.getModel()?.pushStackElement();
}

export function undo(): boolean {
  const model = current?.getModel();
  if (!model) return false;
  void model.undo();
  return true;
}

export function redo(): boolean {
  const model = current?.getModel();
  if (!model) return false;
  void model.redo();
  return true;
}

/** Selects and scrolls to [start, end) without taking focus from the canvas. */
export function revealOffsets(start: number, end: number): void {
  const e = current;
  const model = e?.getModel();
  if (!e || !model) return;
  const a = model.getPositionAt(start);
  const b = model.getPositionAt(end);
  const range = {
    startLineNumber: a.lineNumber,
    startColumn: a.column,
    endLineNumber: b.lineNumber,
    endColumn: b.column,
  };
  e.setSelection(range);
  e.revealRangeInCenterIfOutsideViewport(range);
}
