import type { Derived } from '../core/derive';
import { isDerivedFrom, type Derivation } from './derived';
import type { ParseAhead, Progress } from './parse-ahead';
import type { StudioStore } from './store';

/**
 * What the views draw ("settled"): the last derivation the scheduler settled, which may lag the store's text
 * while a big text waits; and whether a newer text is waiting. Edits act on `Derivation.current` instead.
 */
export interface Settled {
  derived: Derived;
  busy: boolean;
  /** Set while a worker parses a big paste: how many of its new documents are read. */
  progress?: Progress;
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
 * New (unparsed) document text from this many characters on goes to the parse worker: parsing it here would
 * hold the main thread for more than ~100 ms. A keystroke leaves one small document new, so it stays here.
 */
export const AHEAD_MIN = 64_000;

export interface SchedulerOptions {
  delay?: number;
  schedule?: (f: () => void, ms: number) => () => void;
  /** Parses big pastes off the main thread; without it they are parsed here after the pause. */
  ahead?: ParseAhead;
}

const timeout = (f: () => void, ms: number) => {
  const t = setTimeout(f, ms);
  return () => clearTimeout(t);
};

/**
 * Follows the store's text and settles the derivation the views read: at once for ordinary texts, after
 * `delay` ms of quiet for big ones, and for a big paste once the worker has parsed its new documents (with
 * `progress` meanwhile). `busy` is true while a newer text waits, so the canvas can say so (`data-busy`).
 * Edit ops read `derivation.current(state)` instead, so they never act on a stale derivation.
 */
export function createDeriveScheduler(
  store: StudioStore,
  derivation: Derivation,
  options: SchedulerOptions = {},
): DeriveScheduler {
  const { delay = SETTLE_DELAY, schedule = timeout, ahead } = options;
  const listeners = new Set<() => void>();
  let cancel: (() => void) | undefined;
  let detach: (() => void) | undefined;
  // Bumped by every new text, so a parse ahead that finishes late does not settle an older text.
  let generation = 0;
  const emit = () => {
    for (const f of listeners) f();
  };
  const settle = () => {
    cancel = undefined;
    snapshot = { derived: derivation.current(store.getState()), busy: false };
    emit();
  };
  const markBusy = (progress?: Progress) => {
    snapshot = progress ? { ...snapshot, busy: true, progress } : { derived: snapshot.derived, busy: true };
    emit();
  };
  /** Sends the text's new documents to the worker when there are enough of them; false if it did not. */
  const parseAhead = (text: string): boolean => {
    if (!ahead) return false;
    const docs = derivation.parser.missing(text);
    if (docs.reduce((n, d) => n + d.length, 0) < AHEAD_MIN) return false;
    const mine = generation;
    markBusy({ done: 0, total: docs.length });
    void ahead
      .run(docs, (p) => {
        if (mine === generation) markBusy(p);
      })
      .then((ok) => {
        // Not ok only when a newer run replaced this one; a failed or silent worker is replaced by a reader
        // on this thread inside `ahead`, so this always settles.
        if (mine !== generation) return;
        if (ok) settle();
        else cancel = schedule(settle, delay);
      });
    return true;
  };
  const onText = (text: string) => {
    generation++;
    cancel?.();
    cancel = undefined;
    if (text.length < BIG_TEXT && snapshot.derived.text.length < BIG_TEXT) {
      settle();
      return;
    }
    if (parseAhead(text)) return;
    if (!snapshot.busy || snapshot.progress) markBusy();
    cancel = schedule(settle, delay);
  };

  const initial = store.getState().text;
  // A big restored text starts empty and busy rather than freezing the first screen while it parses.
  let snapshot: Settled =
    ahead && initial.length >= BIG_TEXT
      ? { derived: derivation.of(''), busy: true }
      : { derived: derivation.current(store.getState()), busy: false };
  if (snapshot.busy && !parseAhead(initial))
    snapshot = { derived: derivation.current(store.getState()), busy: false };

  // The store is followed only while someone reads (React subscribes and unsubscribes as it mounts, also twice
  // under StrictMode), so nothing needs disposing; a read with no one subscribed catches up at once, unless
  // the worker is on it.
  return {
    get: () => {
      const state = store.getState();
      if (!detach && !snapshot.progress && !isDerivedFrom(snapshot.derived, state))
        snapshot = { derived: derivation.current(state), busy: false };
      return snapshot;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      detach ??= store.subscribe((s, prev) => {
        // The namespace setting re-reads the same text: the same path as a new text (settle or wait).
        if (
          s.text !== prev.text ||
          s.defaultNamespace !== prev.defaultNamespace ||
          s.meshComplete !== prev.meshComplete
        )
          onText(s.text);
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        detach?.();
        detach = undefined;
        cancel?.();
        cancel = undefined;
        if (snapshot.busy && !snapshot.progress) snapshot = { derived: snapshot.derived, busy: false };
      };
    },
  };
}
