import type { Derived } from '../core/derive';
import { derivedFor } from './derived';
import type { StudioStore } from './store';

/** What the views draw: the last settled derivation, and whether a newer text is waiting to be derived. */
export interface Settled {
  derived: Derived;
  busy: boolean;
}

export interface DeriveScheduler {
  get(): Settled;
  subscribe(listener: () => void): () => void;
}

/**
 * Texts at least this long (≈ 300 resources) are derived after a pause in typing instead of on every
 * keystroke: one derivation and one canvas render there cost more than the gap between two keys.
 */
export const BIG_TEXT = 150_000;
/** Pause in typing (ms) after which a big text is derived. */
export const SETTLE_DELAY = 150;

/**
 * Follows the store's text and settles the derivation the views read: at once for ordinary texts (as
 * before), after `SETTLE_DELAY` ms of quiet for big ones, with `busy` true meanwhile so the canvas can say so
 * (`data-busy`). Edit ops keep calling `derivedFor(currentText)`, so they never act on a stale derivation.
 */
export function createDeriveScheduler(
  store: StudioStore,
  delay = SETTLE_DELAY,
  schedule: (f: () => void, ms: number) => () => void = (f, ms) => {
    const t = setTimeout(f, ms);
    return () => clearTimeout(t);
  },
): DeriveScheduler {
  let snapshot: Settled = { derived: derivedFor(store.getState().text), busy: false };
  const listeners = new Set<() => void>();
  let cancel: (() => void) | undefined;
  let detach: (() => void) | undefined;
  const emit = () => {
    for (const f of listeners) f();
  };
  const settle = () => {
    cancel = undefined;
    snapshot = { derived: derivedFor(store.getState().text), busy: false };
    emit();
  };
  const onText = (text: string) => {
    cancel?.();
    cancel = undefined;
    if (text.length < BIG_TEXT && snapshot.derived.text.length < BIG_TEXT) {
      settle();
      return;
    }
    if (!snapshot.busy) {
      snapshot = { ...snapshot, busy: true };
      emit();
    }
    cancel = schedule(settle, delay);
  };
  // The store is followed only while someone reads (React subscribes and unsubscribes as it mounts, also twice
  // under StrictMode), so nothing needs disposing; a read with no one subscribed catches up at once.
  return {
    get: () => {
      const text = store.getState().text;
      if (!detach && snapshot.derived.text !== text) snapshot = { derived: derivedFor(text), busy: false };
      return snapshot;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      detach ??= store.subscribe((s, prev) => {
        if (s.text !== prev.text) onText(s.text);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        detach?.();
        detach = undefined;
        cancel?.();
        cancel = undefined;
        if (snapshot.busy) snapshot = { ...snapshot, busy: false };
      };
    },
  };
}
