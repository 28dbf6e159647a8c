import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BIG_TEXT } from '../../state/derive-scheduler';
import { headlessStudio, type HeadlessStudio } from './headless-editor';

const canary = readFileSync('src/examples/bookinfo-canary.yaml', 'utf8');
const running: HeadlessStudio[] = [];
function setUp(text = canary, later?: (f: () => void) => () => void) {
  const h = headlessStudio(text, later ? { later } : {});
  running.push(h);
  return h;
}
afterEach(() => running.splice(0).forEach((h) => h.stop()));

describe('text sync between the editor and the studio', () => {
  it('typing in the editor reaches the store, and is not sent back to the editor', () => {
    const { studio, model } = setUp();
    model.type(0, '# note\n');
    expect(studio.store.getState().text).toBe(`# note\n${canary}`);
    expect(model.received).toHaveLength(1);
  });

  it('an outside edit enters the editor as exactly that edit, one undo step, and Ctrl+Z restores the text', () => {
    const { studio, model } = setUp();
    const at = canary.indexOf('weight: 90') + 'weight: '.length;
    studio.edit([{ start: at, end: at + 2, text: '70' }]);
    expect(model.getValue()).toBe(studio.store.getState().text);
    expect(model.getValue()).toContain('weight: 70');
    const [ops] = model.received;
    expect(ops).toHaveLength(1);
    const p = model.getPositionAt(at);
    expect(ops?.[0]?.range).toEqual({
      startLineNumber: p.lineNumber,
      startColumn: p.column,
      endLineNumber: p.lineNumber,
      endColumn: p.column + 2,
    });
    expect(model.undoSteps).toBe(1);
    studio.undo();
    expect(studio.store.getState().text).toBe(canary);
  });

  it('a replaced text enters as the splice of just what changed', () => {
    const { studio, model } = setUp();
    const next = canary.replace('subset: v2', 'subset: v3');
    studio.replace(next);
    expect(model.getValue()).toBe(next);
    const op = model.received[0]?.[0];
    // Only the changed character, not the whole text.
    expect(op?.text).toBe('3');
    expect(model.undoSteps).toBe(1);
  });

  it('a big replace waits for its own task, the editor read-only meanwhile, and takes the latest text', () => {
    let run: (() => void) | undefined;
    const { studio, model, editor } = setUp(canary, (f) => ((run = f), () => (run = undefined)));
    const big = `${canary}# ${'x'.repeat(BIG_TEXT)}\n`;
    studio.replace(big);
    expect(model.getValue()).toBe(canary);
    expect(editor.readOnly).toBe(true);
    const bigger = `${big}# more\n`;
    studio.replace(bigger);
    expect(model.received).toHaveLength(0);
    run?.();
    expect(model.getValue()).toBe(bigger);
    expect(editor.readOnly).toBe(false);
    expect(model.received).toHaveLength(1);
  });

  it('a selection made elsewhere is revealed in the editor; a cursor the person moves selects what is under it', () => {
    const { studio, editor } = setUp();
    studio.store.getState().select({ nodeId: 'destinationrule:default/reviews' });
    const start = canary.indexOf('kind: DestinationRule');
    expect(editor.selection).toMatchObject({
      startLineNumber: canary.slice(0, start).split('\n').length - 1,
    });

    editor.selection = undefined;
    editor.moveCursor(canary.indexOf('kind: VirtualService'));
    expect(studio.store.getState().selection).toEqual({
      nodeId: 'virtualservice:default/reviews',
      edgeId: undefined,
    });
    // The cursor made that selection: it is not revealed back (the editor's selection stays the person's).
    expect(editor.selection).toBeUndefined();
  });

  it('a cursor moved by an edit, not by the person, selects nothing', () => {
    const { studio, editor } = setUp();
    editor.moveCursor(canary.indexOf('kind: VirtualService'), 'modelChange');
    expect(studio.store.getState().selection).toEqual({ nodeId: undefined, edgeId: undefined });
  });

  it('stops following the store once stopped', () => {
    const h = setUp();
    h.stop();
    h.studio.replace('a: 1\n');
    expect(h.model.getValue()).toBe(canary);
  });

  it('two studios derive apart: each has its own parser and editor', () => {
    const a = setUp();
    const b = setUp('apiVersion: v1\nkind: Service\nmetadata:\n  name: other\n');
    expect(a.studio.derivation.parser).not.toBe(b.studio.derivation.parser);
    a.model.type(0, '# a\n');
    expect(b.studio.store.getState().text).not.toContain('# a');
    expect(b.studio.current().model.services.map((s) => s.name)).toEqual(['other']);
  });

  it('by default a big text enters the editor only after its graph is settled', async () => {
    const h = headlessStudio(canary, { viewsFirst: true });
    running.push(h);
    const events: string[] = [];
    h.studio.scheduler.subscribe(() => {
      const s = h.studio.settled();
      if (!s.busy && s.derived.text.length > BIG_TEXT) events.push('graph settled');
    });
    h.model.onDidChangeContent(() => events.push('editor has it'));
    const big = `${canary}# ${'x'.repeat(BIG_TEXT)}\n`;
    h.studio.replace(big);
    expect(h.editor.readOnly).toBe(true);
    await vi.waitFor(() => expect(h.model.getValue()).toBe(big));
    expect(events).toEqual(['graph settled', 'editor has it']);
    expect(h.editor.readOnly).toBe(false);
  });

  it('a CRLF text replacing an LF one keeps its CRLF byte for byte, and one undo brings the LF text back', () => {
    const { studio, model } = setUp();
    const crlf = canary.replace('subset: v2', 'subset: v3').replace(/\n/g, '\r\n');
    studio.replace(crlf);
    expect(model.getValue()).toBe(crlf);
    expect(studio.store.getState().text).toBe(crlf);
    expect(model.undoSteps).toBe(1);
    studio.undo();
    expect(studio.store.getState().text).toBe(canary);
    // And back: an LF text replacing the CRLF one stays LF.
    studio.replace(crlf);
    studio.replace(canary);
    expect(studio.store.getState().text).toBe(canary);
  });

  it('an edit of a CRLF text keeps it CRLF', () => {
    const crlf = canary.replace(/\n/g, '\r\n');
    const { studio, model } = setUp(crlf);
    const at = crlf.indexOf('weight: 90') + 'weight: '.length;
    studio.edit([{ start: at, end: at + 2, text: '70\r\n      # was 90' }]);
    expect(model.getValue()).toBe(studio.store.getState().text);
    expect(studio.store.getState().text).not.toMatch(/[^\r]\n/);
  });

  it('a text with mixed line endings, which Monaco cannot hold, leaves store and editor agreeing', () => {
    const { studio, model } = setUp();
    studio.replace('a: 1\r\nb: 2\nc: 3\r\n');
    expect(studio.store.getState().text).toBe(model.getValue());
    expect(model.getValue()).toBe('a: 1\r\nb: 2\r\nc: 3\r\n');
  });
});
