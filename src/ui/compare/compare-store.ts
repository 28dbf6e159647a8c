import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Comparison } from '../../core/compare/types';
import type { GraphUnion } from '../../core/compare/graph-union';

/** The text a comparison starts from, and what the person knows it as ("pasted", "when the tab opened"). */
export interface CompareBase {
  text: string;
  label: string;
}

/**
 * What the comparison session (lazy, `compare-session.ts`) computed for the current head: the union the
 * canvas draws, and the core's comparison (undefined until the first one lands after a keystroke pause).
 */
export interface CompareView {
  union: GraphUnion;
  comparison: Comparison | undefined;
  /** The head text the union belongs to. */
  headText: string;
  /** The head text `comparison` was made from: behind `headText` while a newer one is being compared. */
  comparedText: string | undefined;
}

export interface CompareState {
  /** The base dialog is open. */
  dialogOpen: boolean;
  /** Comparing while set. */
  base: CompareBase | undefined;
  view: CompareView | undefined;
  /** The person switched back to the plain view (the comparison keeps running). */
  plain: boolean;
  /** The text as it was when this tab opened. */
  openedText: string;
  /** The text at the last manifest export (download, zip, copy), with when. */
  exported: { text: string; at: number } | undefined;
}

export interface CompareActions {
  openDialog(open: boolean): void;
  /** Starts comparing the studio's text with `base` (closes the dialog). */
  start(base: CompareBase): void;
  /** Ends comparing: the canvas is plain again and the changes panel goes. */
  stop(): void;
  setView(view: CompareView | undefined): void;
  setPlain(plain: boolean): void;
  recordExport(text: string, at?: number): void;
}

export type CompareStore = StoreApi<CompareState & CompareActions>;

/**
 * One per app (given by `CompareProvider`): plain data only, on the first screen; everything that computes
 * (base derivation, graph union, the core's comparison) loads when a comparison starts.
 */
export function createCompareStore(openedText: string): CompareStore {
  return createStore<CompareState & CompareActions>()((set) => ({
    dialogOpen: false,
    base: undefined,
    view: undefined,
    plain: false,
    openedText,
    exported: undefined,
    openDialog: (dialogOpen) => set({ dialogOpen }),
    start: (base) => set({ base, view: undefined, plain: false, dialogOpen: false }),
    stop: () => set({ base: undefined, view: undefined, plain: false }),
    setView: (view) => set({ view }),
    setPlain: (plain) => set({ plain }),
    recordExport: (text, at = Date.now()) => set({ exported: { text, at } }),
  }));
}
