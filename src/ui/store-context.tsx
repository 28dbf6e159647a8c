import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StudioActions, StudioState, StudioStore } from '../state/store';
import { derivedFor } from '../state/derived';
import type { Derived } from '../core/derive';

const StoreContext = createContext<StudioStore | null>(null);

export function StoreProvider({ store, children }: { store: StudioStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useStudioStore(): StudioStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider missing');
  return store;
}

/** Reads a slice of the store; pass a module-scope selector. */
export function useStudio<T>(selector: (s: StudioState & StudioActions) => T): T {
  return useStore(useStudioStore(), selector);
}

const selectText = (s: StudioState) => s.text;

/** The derived model, graph and diagnostics of the current text. */
export function useDerived(): Derived {
  return derivedFor(useStudio(selectText));
}
