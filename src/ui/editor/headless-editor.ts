import type { editor } from 'monaco-editor';
import { createStudio, type Studio } from '../../state/studio';
import { createStudioStore } from '../../state/store';
import { createEditorBridge, type EditorBridge } from './bridge';
import { startTextSync, type TextSyncOptions } from './text-sync';

// Test support, imported by tests only: a Monaco-like model and editor without a DOM, with Monaco's undo
// semantics (edits pushed while a stack element is open join it; pushStackElement closes it; undo reverts one
// element, redo re-applies it), so the studio, its bridge and the text sync run headless as in the app.

interface Op {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
  text: string;
}
interface Position {
  lineNumber: number;
  column: number;
}

export class FakeModel {
  private done: { before: string; after: string }[] = [];
  private undone: { before: string; after: string }[] = [];
  private open = false;
  private readonly listeners = new Set<() => void>();
  /** Every edit operation the model received, in order (what the editor was asked to do). */
  readonly received: Op[][] = [];
  /** Like Monaco: one line ending per model, taken from the text it starts with; inserted text takes it. */
  private eol: '\n' | '\r\n';
  constructor(private value: string) {
    const i = value.indexOf('\n');
    this.eol = i > 0 && value[i - 1] === '\r' ? '\r\n' : '\n';
    this.value = value.replace(/\r?\n/g, this.eol);
  }
  getValue = () => this.value;
  getEOL = () => this.eol;
  pushEOL = (eol: 0 | 1) => {
    const before = this.value;
    this.eol = eol === 1 ? '\r\n' : '\n';
    this.value = this.value.replace(/\r?\n/g, this.eol);
    this.record(before);
    this.emit();
  };
  get undoSteps() {
    return this.done.length;
  }
  getPositionAt = (offset: number): Position => {
    const lines = this.value.slice(0, offset).split('\n');
    return { lineNumber: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
  };
  getOffsetAt = ({ lineNumber, column }: Position): number => {
    const lines = this.value.split('\n');
    return lines.slice(0, lineNumber - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  };
  onDidChangeContent = (listener: () => void) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };
  pushStackElement = () => {
    this.open = false;
  };
  pushEditOperations = (_selections: unknown, ops: Op[]) => {
    this.received.push(ops);
    const before = this.value;
    const spans = ops
      .map((o) => ({
        start: this.getOffsetAt({ lineNumber: o.range.startLineNumber, column: o.range.startColumn }),
        end: this.getOffsetAt({ lineNumber: o.range.endLineNumber, column: o.range.endColumn }),
        text: o.text.replace(/\r?\n/g, this.eol),
      }))
      .sort((a, b) => b.start - a.start);
    for (const s of spans) this.value = this.value.slice(0, s.start) + s.text + this.value.slice(s.end);
    this.record(before);
    this.emit();
    return null;
  };
  private record(before: string) {
    const last = this.done[this.done.length - 1];
    if (this.open && last) last.after = this.value;
    else this.done.push({ before, after: this.value });
    this.undone = [];
    this.open = true;
  }
  /** A person typing: one edit at an offset, as Monaco's own typing does (an open step). */
  type(offset: number, text: string, deleteCount = 0) {
    const a = this.getPositionAt(offset);
    const b = this.getPositionAt(offset + deleteCount);
    this.pushEditOperations(null, [
      {
        range: {
          startLineNumber: a.lineNumber,
          startColumn: a.column,
          endLineNumber: b.lineNumber,
          endColumn: b.column,
        },
        text,
      },
    ]);
  }
  undo = () => {
    const el = this.done.pop();
    this.open = false;
    if (!el) return;
    this.undone.push(el);
    this.value = el.before;
    this.emit();
  };
  redo = () => {
    const el = this.undone.pop();
    if (!el) return;
    this.done.push(el);
    this.value = el.after;
    this.emit();
  };
  private emit() {
    for (const f of this.listeners) f();
  }
}

/** A Monaco-like editor over a FakeModel: cursor moves are made by `moveCursor`, as a person's would be. */
export class FakeEditor {
  readOnly = false;
  selection: unknown;
  private readonly cursorListeners = new Set<(e: { position: Position; source: string }) => void>();
  constructor(readonly model: FakeModel) {}
  getModel = () => this.model;
  getSelections = () => null;
  setSelection = (range: unknown) => {
    this.selection = range;
  };
  revealRangeInCenterIfOutsideViewport = () => undefined;
  updateOptions = (o: { readOnly: boolean }) => {
    this.readOnly = o.readOnly;
  };
  onDidChangeCursorPosition = (listener: (e: { position: Position; source: string }) => void) => {
    this.cursorListeners.add(listener);
    return { dispose: () => this.cursorListeners.delete(listener) };
  };
  moveCursor(offset: number, source = 'mouse') {
    const position = this.model.getPositionAt(offset);
    for (const f of this.cursorListeners) f({ position, source });
  }
}

export interface HeadlessStudio {
  studio: Studio<EditorBridge>;
  model: FakeModel;
  editor: FakeEditor;
  stop: () => void;
}

/**
 * A studio with the fake editor attached and the text sync running, as the Monaco pane sets them up. In the
 * app the views subscribe to the scheduler before the lazily loaded editor follows the store; `viewsFirst`
 * does the same here (the scheduler then settles a new text before the editor has it).
 */
export function headlessStudio(
  text: string,
  options: TextSyncOptions & { viewsFirst?: boolean } = {},
): HeadlessStudio {
  const studio = createStudio(createStudioStore(text), { editor: createEditorBridge() });
  const stopViews = options.viewsFirst ? studio.scheduler.subscribe(() => undefined) : undefined;
  const model = new FakeModel(text);
  const ed = new FakeEditor(model);
  studio.editor.attach(ed as unknown as editor.IStandaloneCodeEditor);
  const stopSync = startTextSync(studio, model, ed, options);
  return {
    studio,
    model,
    editor: ed,
    stop: () => {
      stopViews?.();
      stopSync();
      studio.editor.attach(undefined);
    },
  };
}
