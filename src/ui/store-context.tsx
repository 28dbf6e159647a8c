import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Derived } from '../core/derive';
import type { DeriveScheduler } from '../state/derive-scheduler';
import type { Progress } from '../state/parse-ahead';
import type { StudioActions, StudioState, StudioStore } from '../state/store';
import type { AppStudio } from './studio';

const StudioContext = createContext<AppStudio | null>(null);

/** Gives the views their studio: one per app (see `ui/studio.ts`), so nothing stateful is module-global. */
export function StudioProvider({ studio, children }: { studio: AppStudio; children: ReactNode }) {
  return <StudioContext.Provider value={studio}>{children}</StudioContext.Provider>;
}

/** The app's studio: store, derivations, scheduler, editor. */
export function useStudioInstance(): AppStudio {
  const studio = useContext(StudioContext);
  if (!studio) throw new Error('StudioProvider missing');
  return studio;
}

export function useStudioStore(): StudioStore {
  return useStudioInstance().store;
}

/** Reads a slice of the store; pass a module-scope selector. */
export function useStudio<T>(selector: (s: StudioState & StudioActions) => T): T {
  return useStore(useStudioStore(), selector);
}

/** The derivation scheduler views read from (settled results; see `useSettledDerived`). */
export function useScheduler(): DeriveScheduler {
  return useStudioInstance().scheduler;
}

/**
 * The settled derivation: the model, graph and diagnostics the views draw. It is the current text's, except
 * while a big text waits to be read (then the last settled one; see `useDeriveBusy`). Edits act on
 * `studio.current()` instead.
 */
export function useSettledDerived(): Derived {
  const scheduler = useScheduler();
  // Select the derivation itself, so a change of `busy` alone re-renders only the canvas, not every view.
  return useSyncExternalStore(scheduler.subscribe, () => scheduler.get().derived);
}

/** True while a newer text than the one `useSettledDerived` shows waits to be derived. */
export function useDeriveBusy(): boolean {
  const scheduler = useScheduler();
  return useSyncExternalStore(scheduler.subscribe, () => scheduler.get().busy);
}

/** While a worker parses a big paste: how many of its new documents are read. */
export function useDeriveProgress(): Progress | undefined {
  const scheduler = useScheduler();
  return useSyncExternalStore(scheduler.subscribe, () => scheduler.get().progress);
}
