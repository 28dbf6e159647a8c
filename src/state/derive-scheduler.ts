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
/**
 * Pause in typing (ms) after which a big text is derived, when its keystrokes derive slowly (see SLOW_DERIVE).
 * Measured in `npm run bench:e2e` (typing.bench): at 2,000 resources this pause held every key back until the
 * typing stopped (key → graph p50 3 s over 50 keys at 100 ms), while deriving each key a task later shows it
 * in ~50 ms; so the pause is kept only for texts whose keystroke derivation costs more than a key's budget.
 */
export const SETTLE_DELAY = 150;
/**
 * Two keystroke derivations of a big text in a row that took longer than this (ms) make the next keys wait for
 * the pause (at most MAX_WAIT): deriving every key would hold the main thread longer than a key's budget, and
 * the keys would queue behind it.
 */
export const SLOW_DERIVE = 50;
/** While keys wait for the pause, the longest they wait (ms) in steady typing before one derivation runs. */
export const MAX_WAIT = 600;
/**
 * New (unparsed) document text from this many characters on goes to the parse worker: parsing it here would
 * hold the main thread for more than ~100 ms. A keystroke leaves one small document new, so it stays here.
 */
export const AHEAD_MIN = 64_000;

export interface SchedulerOptions {
  delay?: number;
  /** The clock that times keystroke derivations (performance.now by default). */
  now?: () => number;
  schedule?: (f: () => void, ms: number) => () => void;
  /** Parses big pastes off the main thread; without it they are parsed here after the pause. */
  ahead?: ParseAhead;
}

const newChars = (docs: readonly string[]) => docs.reduce((n, d) => n + d.length, 0);

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
  const { delay = SETTLE_DELAY, schedule = timeout, ahead, now = () => performance.now() } = options;
  const listeners = new Set<() => void>();
  let cancel: (() => void) | undefined;
  let detach: (() => void) | undefined;
  // Bumped by every new text, so a parse ahead that finishes late does not settle an older text.
  let generation = 0;
  // How many keystroke derivations of a big text in a row took longer than SLOW_DERIVE: one alone does not
  // count (the first after a paste builds the patch's indexes), two in a row make the next keys wait.
  let slowRuns = 0;
  // When the oldest key still waiting for the pause came (so steady typing still shows every MAX_WAIT ms).
  let waitingSince: number | undefined;
  const emit = () => {
    for (const f of listeners) f();
  };
  const settle = () => {
    cancel = undefined;
    snapshot = { derived: derivation.current(store.getState()), busy: false };
    emit();
  };
  /** Settles a keystroke in a big text, timing its derivation. */
  const settleTimed = () => {
    const t0 = now();
    waitingSince = undefined;
    settle();
    slowRuns = now() - t0 > SLOW_DERIVE ? slowRuns + 1 : 0;
  };
  const markBusy = (progress?: Progress) => {
    snapshot = progress ? { ...snapshot, busy: true, progress } : { derived: snapshot.derived, busy: true };
    emit();
  };
  /** Sends the text's new documents to the worker when there are enough of them; false if it did not. */
  const parseAhead = (text: string, docs = derivation.parser.missing(text)): boolean => {
    if (!ahead) return false;
    if (newChars(docs) < AHEAD_MIN) return false;
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
  /** A new text (or, when `typed` is false, new settings that re-read the same text). */
  const onText = (text: string, typed: boolean) => {
    generation++;
    cancel?.();
    cancel = undefined;
    if (text.length < BIG_TEXT && snapshot.derived.text.length < BIG_TEXT) {
      settle();
      return;
    }
    const docs = derivation.parser.missing(text);
    if (parseAhead(text, docs)) return;
    // An edit that leaves little to parse (a keystroke, a canvas edit) is derived a task later, so keys that
    // arrive together share one derivation, with no busy render for a task's wait; unless keystrokes are slow.
    const keystroke = typed && newChars(docs) < AHEAD_MIN;
    if (keystroke && slowRuns < 2 && !snapshot.busy) {
      cancel = schedule(settleTimed, 0);
      return;
    }
    if (!snapshot.busy || snapshot.progress) markBusy();
    const t = now();
    waitingSince ??= t;
    cancel = schedule(settleTimed, keystroke && t - waitingSince >= MAX_WAIT ? 0 : delay);
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
          onText(s.text, s.text !== prev.text);
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
