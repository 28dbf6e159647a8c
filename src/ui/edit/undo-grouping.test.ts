import { readFileSync } from 'node:fs';
import type { editor } from 'monaco-editor';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudioStore, type StudioStore } from '../../state/store';
import { attachEditor, closeUndoStep } from '../editor/bridge';
import { dispatchIntent } from './dispatch';

// Undo grouping of a slider drag, headless: the real dispatch, undoMode and bridge, over a fake Monaco model
// that keeps Monaco's undo semantics (edits pushed while a stack element is open join it; pushStackElement
// closes it; undo reverts one element).
const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const at = { vsRef: 'VirtualService default/reviews', protocol: 'http' as const, routeIndex: 0 };

interface Op {
  range: { startLineNumber: number; startColumn: number; endLineNumber: number; endColumn: number };
  text: string;
}

class FakeModel {
  private elements: { before: string; after: string }[] = [];
  private open = false;
  constructor(
    private value: string,
    private readonly changed: (text: string) => void,
  ) {}
  getValue = () => this.value;
  get undoSteps() {
    return this.elements.length;
  }
  getPositionAt = (offset: number) => {
    const lines = this.value.slice(0, offset).split('\n');
    return { lineNumber: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
  };
  private offsetAt(line: number, column: number): number {
    const lines = this.value.split('\n');
    return lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  }
  pushStackElement = () => {
    this.open = false;
  };
  pushEditOperations = (_selections: unknown, ops: Op[]) => {
    const before = this.value;
    const spans = ops
      .map((o) => ({
        start: this.offsetAt(o.range.startLineNumber, o.range.startColumn),
        end: this.offsetAt(o.range.endLineNumber, o.range.endColumn),
        text: o.text,
      }))
      .sort((a, b) => b.start - a.start);
    for (const s of spans) this.value = this.value.slice(0, s.start) + s.text + this.value.slice(s.end);
    const last = this.elements[this.elements.length - 1];
    if (this.open && last) last.after = this.value;
    else this.elements.push({ before, after: this.value });
    this.open = true;
    this.changed(this.value);
    return null;
  };
  undo = () => {
    const el = this.elements.pop();
    this.open = false;
    if (!el) return;
    this.value = el.before;
    this.changed(this.value);
  };
}

/** A store and a fake editor whose model feeds the store, as the Monaco pane does. */
function setUp(): { store: StudioStore; model: FakeModel } {
  const store = createStudioStore(canary);
  const model = new FakeModel(canary, (text) => store.getState().setText(text));
  const fake = { getModel: () => model, getSelections: () => null };
  attachEditor(fake as unknown as editor.IStandaloneCodeEditor);
  return { store, model };
}

/** What the weight slider does: close the step on pointer down, one setWeights per move, close on up. */
function drag(store: StudioStore, to: number[]): void {
  closeUndoStep();
  for (const v2 of to)
    dispatchIntent(store, { type: 'setWeights', ...at, weights: [100 - v2, v2], dragging: true });
  closeUndoStep();
}

const weights = (text: string) => [...text.matchAll(/weight: (\d+)/g)].map((m) => Number(m[1]));

afterEach(() => attachEditor(undefined));

describe('undo grouping of a slider drag', () => {
  it('one drag of many moves is one undo step, and undo restores the text from before the drag', () => {
    const { store, model } = setUp();
    drag(store, [12, 20, 35, 50, 64, 70]);
    expect(weights(store.getState().text)).toEqual([30, 70]);
    expect(model.undoSteps).toBe(1);
    model.undo();
    expect(store.getState().text).toBe(canary);
  });

  it('two drags are two steps; typed numbers are one step each', () => {
    const { store, model } = setUp();
    drag(store, [20, 30]);
    drag(store, [40, 45]);
    for (const v2 of [50, 60]) dispatchIntent(store, { type: 'setWeights', ...at, weights: [100 - v2, v2] });
    expect(model.undoSteps).toBe(4);
    model.undo();
    expect(weights(store.getState().text)).toEqual([50, 50]);
    model.undo();
    model.undo();
    expect(weights(store.getState().text)).toEqual([70, 30]);
  });

  it('a drag right after typing in the editor does not join the typing', () => {
    const { store, model } = setUp();
    // Typing leaves Monaco's step open; the slider's pointer down must close it.
    const p = model.getPositionAt(0);
    model.pushEditOperations(null, [
      {
        range: { startLineNumber: p.lineNumber, startColumn: 1, endLineNumber: 1, endColumn: 1 },
        text: '# typed\n',
      },
    ]);
    drag(store, [25, 40]);
    model.undo();
    expect(store.getState().text).toBe(`# typed\n${canary}`);
  });
});
