import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { GraphUnion } from '../../core/compare/graph-union';
import {
  createCompareStore,
  type CompareActions,
  type CompareState,
  type CompareStore,
} from './compare-store';

const CompareContext = createContext<CompareStore | null>(null);

/** Gives the views the app's comparison state; `openedText` is the text as the tab opened. */
export function CompareProvider({ openedText, children }: { openedText: string; children: ReactNode }) {
  const [store] = useState(() => createCompareStore(openedText));
  return <CompareContext.Provider value={store}>{children}</CompareContext.Provider>;
}

// Views rendered without a provider (component tests of the canvas, the export body) read "not comparing".
const idle = createCompareStore('');

export function useCompareStore(): CompareStore {
  return useContext(CompareContext) ?? idle;
}

/** Reads a slice of the comparison state; pass a module-scope selector. */
export function useCompare<T>(selector: (s: CompareState & CompareActions) => T): T {
  return useStore(useCompareStore(), selector);
}

const selectOverlay = (s: CompareState): GraphUnion | undefined =>
  s.base && !s.plain ? s.view?.union : undefined;

/** The union the canvas draws instead of the plain graph, while comparing and not switched to plain. */
export function useCompareOverlay(): GraphUnion | undefined {
  return useCompare(selectOverlay);
}
