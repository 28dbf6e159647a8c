import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { StudioActions, StudioState, StudioStore } from '../state/store';
import { createDeriveScheduler, type DeriveScheduler } from '../state/derive-scheduler';
import type { Derived } from '../core/derive';
import type { Progress } from '../state/parse-ahead';
import { startParseAhead } from './parse-worker';

const StoreContext = createContext<StudioStore | null>(null);
const SchedulerContext = createContext<DeriveScheduler | null>(null);

export function StoreProvider({ store, children }: { store: StudioStore; children: ReactNode }) {
  // One scheduler per store: every view reads the same settled derivation, so they never disagree.
  const scheduler = useMemo(() => createDeriveScheduler(store, { ahead: startParseAhead() }), [store]);
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

/** The derivation scheduler views read from (settled results; see `useDerived`). */
export function useScheduler(): DeriveScheduler {
  const scheduler = useContext(SchedulerContext);
  if (!scheduler) throw new Error('StoreProvider missing');
  return scheduler;
}

/**
 * The derived model, graph and diagnostics the views draw: the current text's, except while a big text
 * waits out a pause in typing (then the last settled one; see `useDeriveBusy`). Edit ops use `derivedFor`.
 */
export function useDerived(): Derived {
  const scheduler = useScheduler();
  // Select the derivation itself, so a change of `busy` alone re-renders only the canvas, not every view.
  return useSyncExternalStore(scheduler.subscribe, () => scheduler.get().derived);
}

/** True while a newer text than the one `useDerived` shows waits to be derived. */
export function useDeriveBusy(): boolean {
  const scheduler = useScheduler();
  return useSyncExternalStore(scheduler.subscribe, () => scheduler.get().busy);
}

/** While a worker parses a big paste: how many of its new documents are read. */
export function useDeriveProgress(): Progress | undefined {
  const scheduler = useScheduler();
  return useSyncExternalStore(scheduler.subscribe, () => scheduler.get().progress);
}
