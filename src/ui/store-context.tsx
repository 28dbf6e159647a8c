import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StudioActions, StudioState, StudioStore } from '../state/store';
import { createDeriveScheduler, type DeriveScheduler, type Settled } from '../state/derive-scheduler';
import type { Derived } from '../core/derive';

const StoreContext = createContext<StudioStore | null>(null);
const SchedulerContext = createContext<DeriveScheduler | null>(null);

export function StoreProvider({ store, children }: { store: StudioStore; children: ReactNode }) {
  // One scheduler per store: every view reads the same settled derivation, so they never disagree.
  const scheduler = useMemo(() => createDeriveScheduler(store), [store]);
  return (
    <StoreContext.Provider value={store}>
      <SchedulerContext.Provider value={scheduler}>{children}</SchedulerContext.Provider>
    </StoreContext.Provider>
  );
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

function useSettled(): Settled {
  const scheduler = useContext(SchedulerContext);
  if (!scheduler) throw new Error('StoreProvider missing');
  return useSyncExternalStore(scheduler.subscribe, scheduler.get);
}

/**
 * The derived model, graph and diagnostics the views draw: the current text's, except while a big text
 * waits out a pause in typing (then the last settled one; see `useDeriveBusy`). Edit ops use `derivedFor`.
 */
export function useDerived(): Derived {
  return useSettled().derived;
}

/** True while a newer text than the one `useDerived` shows waits to be derived. */
export function useDeriveBusy(): boolean {
  return useSettled().busy;
}
