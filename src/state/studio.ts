import type { Derived } from '../core/derive';
import type { TextEdit } from '../core/edit/intents';
import { applyEdits } from '../core/edit/session';
import { createDerivation, type Derivation } from './derived';
import {
  createDeriveScheduler,
  type DeriveScheduler,
  type SchedulerOptions,
  type Settled,
} from './derive-scheduler';
import type { Parser } from '../core/yaml/parse';
import type { ParseAhead } from './parse-ahead';
import type { StudioStore } from './store';

/** What the studio asks of the text editor (Monaco in the app; nothing in headless tests). */
export interface EditorPort {
  /**
   * Puts edits (offsets in the current text) into the editor as one undo step, or merged into the open step
   * (`merge`: a slider drag). False when no editor is attached.
   */
  applyEdits(edits: readonly TextEdit[], merge: boolean): boolean;
  /** Closes the open undo step (the end of a slider drag). */
  closeUndoStep(): void;
  undo(): boolean;
  redo(): boolean;
  /** Whether undo / redo would do anything now (the toolbar disables its buttons otherwise). */
  canUndo(): boolean;
  canRedo(): boolean;
  /** Selects and scrolls to [start, end) without taking focus. */
  reveal(start: number, end: number): void;
}

/** The person's ways out of a tab conflict (`otherTab`) and a kept backup (`backupOffer`) in the store. */
export interface TabChoices {
  /** Writes this tab's text over the other tab's. */
  keepMine(): void;
  /** Takes the other tab's text (one undoable replace). */
  loadTheirs(): void;
  /** Opens the offered backup of a closed tab (one undoable replace); the next one, if any, is offered. */
  openBackup(): void;
  /** Deletes the offered backup; the next one, if any, is offered. */
  discardBackup(): void;
}

/** No other tabs (tests, a comparison's second studio). */
export const noTabs: TabChoices = {
  keepMine: () => undefined,
  loadTheirs: () => undefined,
  openBackup: () => undefined,
  discardBackup: () => undefined,
};

/** A text change made outside the editor, with the edits that made it (so the editor gets just those). */
export interface OutsideEdit {
  from: string;
  to: string;
  edits: readonly TextEdit[];
  merge: boolean;
}

/**
 * Everything stateful of one app (or one test, or one side of a comparison): the store, its own derivation
 * (parser and memo), the scheduler that settles what the views draw, the parse worker, and the editor port.
 * No module singletons: two studios never share a parser, a worker or an editor.
 */
export interface Studio<E extends EditorPort = EditorPort> {
  readonly store: StudioStore;
  readonly derivation: Derivation;
  readonly scheduler: DeriveScheduler;
  readonly editor: E;
  /** Answers to the tab conflict and backup offers the store shows. */
  readonly tabs: TabChoices;
  /** The derivation an edit acts on: the store's text and settings now (derived here if need be). */
  current(): Derived;
  /** What the views draw: the last settled derivation, which may lag the text while a big one is read. */
  settled(): Settled;
  /**
   * The one way text changes from outside the editor: the store takes the new text, and the editor (which
   * follows the store, see `ui/editor/text-sync.ts`) gets exactly these edits as one undo step, or merged into
   * the open one.
   */
  edit(edits: readonly TextEdit[], options?: { merge?: boolean }): void;
  /** Replaces the whole text (import, example, another tab's text): the editor gets it as one undo step. */
  replace(text: string): void;
  /** The outside edit that produced the store's current text change, while listeners run; else undefined. */
  outsideEdit(): OutsideEdit | undefined;
  undo(): boolean;
  redo(): boolean;
  closeUndoStep(): void;
  reveal(start: number, end: number): void;
}

export interface StudioOptions<E extends EditorPort> {
  editor: E;
  tabs?: TabChoices;
  /** Starts this studio's parse worker for big pastes (seeding this studio's parser), if there can be one. */
  startAhead?: (parser: Parser) => ParseAhead | undefined;
  scheduler?: Omit<SchedulerOptions, 'ahead'>;
}

/** An editor port with no editor: edits go to the store only, and there is no undo history. */
export const noEditor: EditorPort = {
  applyEdits: () => false,
  closeUndoStep: () => undefined,
  undo: () => false,
  redo: () => false,
  canUndo: () => false,
  canRedo: () => false,
  reveal: () => undefined,
};

export function createStudio<E extends EditorPort>(store: StudioStore, options: StudioOptions<E>): Studio<E> {
  const derivation = createDerivation();
  const ahead = options.startAhead?.(derivation.parser);
  const scheduler = createDeriveScheduler(store, derivation, { ...options.scheduler, ahead });
  const { editor } = options;
  let pending: OutsideEdit | undefined;
  return {
    store,
    derivation,
    scheduler,
    editor,
    tabs: options.tabs ?? noTabs,
    current: () => derivation.current(store.getState()),
    settled: () => scheduler.get(),
    edit(edits, { merge = false } = {}) {
      const from = store.getState().text;
      const to = applyEdits(from, edits);
      if (to === from) return;
      pending = { from, to, edits, merge };
      try {
        store.getState().setText(to);
      } finally {
        pending = undefined;
      }
    },
    replace(text) {
      store.getState().setText(text);
    },
    outsideEdit: () => pending,
    undo: () => editor.undo(),
    redo: () => editor.redo(),
    closeUndoStep: () => editor.closeUndoStep(),
    reveal: (start, end) => editor.reveal(start, end),
  };
}
