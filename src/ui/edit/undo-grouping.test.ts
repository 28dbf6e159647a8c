import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Studio } from '../../state/studio';
import { headlessStudio } from '../editor/headless-editor';
import { dispatchIntent } from './dispatch';

// Undo grouping of a slider drag, headless: the real dispatch, undoMode, studio, text sync and bridge, over a
// fake Monaco model that keeps Monaco's undo semantics (see `ui/editor/headless-editor.ts`).
const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const at = { vsRef: 'VirtualService default/reviews', protocol: 'http' as const, routeIndex: 0 };

/** The studio with a fake Monaco attached and the text sync running, as in the app. */
function setUp() {
  const h = headlessStudio(canary);
  stops.push(h.stop);
  return { studio: h.studio, store: h.studio.store, model: h.model };
}

/** What the weight slider does: close the step on pointer down, one setWeights per move, close on up. */
function drag(studio: Studio, to: number[]): void {
  studio.closeUndoStep();
  for (const v2 of to)
    dispatchIntent(studio, { type: 'setWeights', ...at, weights: [100 - v2, v2], dragging: true });
  studio.closeUndoStep();
}

const weights = (text: string) => [...text.matchAll(/weight: (\d+)/g)].map((m) => Number(m[1]));

const stops: (() => void)[] = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

describe('undo grouping of a slider drag', () => {
  it('one drag of many moves is one undo step, and undo restores the text from before the drag', () => {
    const { studio, store, model } = setUp();
    drag(studio, [12, 20, 35, 50, 64, 70]);
    expect(weights(store.getState().text)).toEqual([30, 70]);
    expect(model.undoSteps).toBe(1);
    model.undo();
    expect(store.getState().text).toBe(canary);
  });

  it('two drags are two steps; typed numbers are one step each', () => {
    const { studio, store, model } = setUp();
    drag(studio, [20, 30]);
    drag(studio, [40, 45]);
    for (const v2 of [50, 60]) dispatchIntent(studio, { type: 'setWeights', ...at, weights: [100 - v2, v2] });
    expect(model.undoSteps).toBe(4);
    model.undo();
    expect(weights(store.getState().text)).toEqual([50, 50]);
    model.undo();
    model.undo();
    expect(weights(store.getState().text)).toEqual([70, 30]);
  });

  it('a drag right after typing in the editor does not join the typing', () => {
    const { studio, store, model } = setUp();
    // Typing leaves Monaco's step open; the slider's pointer down must close it.
    const p = model.getPositionAt(0);
    model.pushEditOperations(null, [
      {
        range: { startLineNumber: p.lineNumber, startColumn: 1, endLineNumber: 1, endColumn: 1 },
        text: '# typed\n',
      },
    ]);
    drag(studio, [25, 40]);
    model.undo();
    expect(store.getState().text).toBe(`# typed\n${canary}`);
  });
});
