import { elementAtOffset, rangeOfElement } from '../../core/graph/reveal';
import { isDerivedFrom } from '../../state/derived';
import { BIG_TEXT } from '../../state/derive-scheduler';
import type { EditorPort, Studio } from '../../state/studio';
import { spliceBetween } from './text-diff';

/** The part of a Monaco text model the sync uses. */
export interface SyncModel {
  getValue(): string;
  /** The model's one line ending: Monaco keeps a single one per model. */
  getEOL(): string;
  /** Changes every line ending of the model, as an undoable edit (`EndOfLineSequence`: 0 LF, 1 CRLF). */
  pushEOL(eol: 0 | 1): void;
  pushStackElement(): void;
  getOffsetAt(position: { lineNumber: number; column: number }): number;
  onDidChangeContent(listener: () => void): { dispose(): void };
}

/** The part of a Monaco editor the sync uses. */
export interface SyncEditor {
  updateOptions(options: { readOnly: boolean }): void;
  onDidChangeCursorPosition(
    listener: (e: { position: { lineNumber: number; column: number }; source: string }) => void,
  ): { dispose(): void };
}

export interface TextSyncOptions {
  /** When a big text enters the editor; by default once its graph is drawn (`afterGraph`). */
  later?: (f: () => void) => () => void;
  /** Told when the editor starts and stops waiting for a big text (read-only meanwhile). */
  onWaiting?: (waiting: boolean) => void;
}

/**
 * Runs `f` once the studio has settled the store's current text and the picture of it had a frame to paint:
 * a big paste draws its graph first, and Monaco (hundreds of ms for a megabyte) takes the text after that,
 * instead of holding the main thread while the graph waits.
 */
export function afterGraph(studio: Studio<EditorPort>): (f: () => void) => () => void {
  return (f) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    let stop: (() => void) | undefined;
    const run = () => {
      const raf = typeof requestAnimationFrame === 'function' ? requestAnimationFrame : undefined;
      if (raf) frame = raf(() => (timer = setTimeout(f)));
      else timer = setTimeout(f);
    };
    const check = () => {
      const s = studio.settled();
      if (s.busy || s.derived.text !== studio.store.getState().text) return;
      stop?.();
      stop = undefined;
      run();
    };
    stop = studio.scheduler.subscribe(check);
    check();
    return () => {
      stop?.();
      if (timer !== undefined) clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  };
}

/**
 * Keeps the editor and the studio's store in step, both ways, and carries selection across:
 * - typing: the model's text goes to the store;
 * - text changed elsewhere (canvas, forms, import): it reaches the editor by this one route, as the edits
 *   that made it (`studio.edit`) or as the splice of just what changed (`studio.replace`), one undo step;
 *   a big one once its graph is drawn, the editor read-only meanwhile so a key cannot act on the old text;
 * - a selection made elsewhere is revealed in the editor; a cursor the person moves selects what is under it.
 * Returns the function that stops it.
 */
export function startTextSync(
  studio: Studio<EditorPort>,
  model: SyncModel,
  editor: SyncEditor,
  options: TextSyncOptions = {},
): () => void {
  const { store } = studio;
  const later = options.later ?? afterGraph(studio);
  // Set while the editor's own change is written to the store, and while the cursor writes the selection:
  // those changes came from the editor and must not be sent back to it.
  let fromEditor = false;
  let cursorDriven = false;
  let cancelLater: (() => void) | undefined;
  // Set while the sync itself puts the store's text into the editor: the editor's echo is not written back.
  let entering = false;

  const typed = model.onDidChangeContent(() => {
    if (entering) return;
    fromEditor = true;
    try {
      store.getState().setText(model.getValue());
    } finally {
      fromEditor = false;
    }
  });

  /**
   * Puts the store's text into the editor by `apply`. Monaco holds one line ending per model and converts
   * inserted text to it: a CRLF text replacing an LF one switches the model's line ending first, in the same
   * undo step. If the editor still holds something else (mixed line endings, which Monaco cannot hold), the
   * store takes the editor's text, so the two never disagree.
   */
  const enter = (target: string, apply: (merge: boolean) => void, merge: boolean) => {
    entering = true;
    try {
      const eol = lineEndingOf(target);
      if (eol && eol !== model.getEOL()) {
        if (!merge) model.pushStackElement();
        model.pushEOL(eol === '\r\n' ? 1 : 0);
        apply(true);
        if (!merge) model.pushStackElement();
      } else apply(merge);
    } finally {
      entering = false;
    }
    const held = model.getValue();
    if (held !== store.getState().text) {
      fromEditor = true;
      try {
        store.getState().setText(held);
      } finally {
        fromEditor = false;
      }
    }
  };
  const enterSplice = (after: string) =>
    enter(after, (merge) => studio.editor.applyEdits([spliceBetween(model.getValue(), after)], merge), false);

  const unsub = store.subscribe((s, prev) => {
    if (s.text !== prev.text && !fromEditor) {
      const outside = studio.outsideEdit();
      if (cancelLater) {
        // A big text is on its way in: it will take the store's text as it is then.
      } else if (outside && outside.from === model.getValue() && outside.to === s.text) {
        enter(s.text, (merge) => studio.editor.applyEdits(outside.edits, merge), outside.merge);
      } else {
        const splice = spliceBetween(model.getValue(), s.text);
        if (splice.text.length + splice.end - splice.start < BIG_TEXT) enterSplice(s.text);
        else {
          editor.updateOptions({ readOnly: true });
          options.onWaiting?.(true);
          cancelLater = later(() => {
            cancelLater = undefined;
            enterSplice(store.getState().text);
            editor.updateOptions({ readOnly: false });
            options.onWaiting?.(false);
          });
        }
      }
    }
    if (s.selection !== prev.selection && !cursorDriven) {
      const id = s.selection.edgeId ?? s.selection.nodeId;
      if (!id) return;
      // Only a selection needs a derivation (a paste clears it: deriving there would parse the paste here).
      const settled = studio.settled().derived;
      const d = isDerivedFrom(settled, s) ? settled : studio.current();
      const range = rangeOfElement(d.parsed, d.graph, id);
      if (range) studio.reveal(range[0], range[1]);
    }
  });

  const cursor = editor.onDidChangeCursorPosition((e) => {
    // Only the person's own cursor moves select: not edits (canvas, forms, undo) moving it along.
    if (e.source !== 'keyboard' && e.source !== 'mouse') return;
    // The settled derivation, not a fresh one: on a big text, arrowing around must not re-derive it.
    const d = studio.settled().derived;
    if (d.text !== model.getValue()) return;
    const hit = elementAtOffset(d.parsed, d.model, d.graph, model.getOffsetAt(e.position));
    const sel = store.getState().selection;
    if (hit.nodeId === sel.nodeId && hit.edgeId === sel.edgeId) return;
    cursorDriven = true;
    try {
      store.getState().select(hit);
    } finally {
      cursorDriven = false;
    }
  });

  return () => {
    cancelLater?.();
    typed.dispose();
    cursor.dispose();
    unsub();
  };
}

/** The text's line ending (its first one), or undefined for a text of one line. */
function lineEndingOf(text: string): '\n' | '\r\n' | undefined {
  const i = text.indexOf('\n');
  if (i < 0) return undefined;
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}
