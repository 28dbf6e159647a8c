import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compare, failedComparison } from '../../core/compare/index';
import { unionGraphs } from '../../core/compare/graph-union';
import type { Comparison, NamedRequest } from '../../core/compare/types';
import type { Derived } from '../../core/derive';
import { createDerivation, deriveOptionsOf } from '../../state/derived';
import type { StudioState } from '../../state/store';
import { loadPresets, presetKey } from '../panels/simulator/preset-storage';
import { useSettledDerived, useStudio } from '../store-context';
import { useCompare, useCompareStore } from './compare-context';
import type { CompareState } from './compare-store';
import { createCompareRunner, type CompareRunner } from './compare-runner';

/**
 * Pairs up to this size (both texts) are compared at once on the main thread (bookinfo: ~3 ms); bigger ones in
 * the compare worker after a typing pause (a cold comparison of 200–2,000 resources: 0.1–0.3 s, seconds when
 * every namespace changed: more than a keystroke may hold the main thread).
 */
const AT_ONCE_CHARS = 24_000;
const PAUSE_MS = 250;

const selectBase = (s: CompareState) => s.base;
const selectSettings = (s: StudioState) => ({
  defaultNamespace: s.defaultNamespace,
  meshComplete: s.meshComplete,
});

/**
 * Runs while comparing (loaded with the first comparison): derives the base once, in a derivation of its own
 * (a second parser and memo: base and head never evict each other's documents), and follows the settled head
 * on every keystroke: the graph union at once, the core's comparison soon after.
 */
export function CompareSession() {
  const store = useCompareStore();
  const base = useCompare(selectBase);
  const settings = useStudio(useShallow(selectSettings));
  const head = useSettledDerived();
  const [derivation] = useState(createDerivation);
  // The base is read with the head's settings, so a namespace setting does not show up as a change.
  const baseDerived = useMemo(
    () => (base ? derivation.of(base.text, deriveOptionsOf({ text: base.text, ...settings })) : undefined),
    [base, derivation, settings],
  );

  // The worker (or its main-thread stand-in) for big texts: one per session, ended with it.
  const runner = useRef<CompareRunner | undefined>(undefined);
  useEffect(() => {
    const r = createCompareRunner();
    runner.current = r;
    return () => {
      r.dispose();
      runner.current = undefined;
    };
  }, []);

  useEffect(() => {
    if (!base || !baseDerived) return;
    const show = (comparison: Comparison) =>
      store.getState().setView({
        union: unionGraphs(baseDerived.graph, head.graph, changedRefs(comparison)),
        comparison,
        headText: head.text,
        comparedText: head.text,
      });
    const requests = presetsOf(head, baseDerived);
    // A small pair costs a few ms: compared in the same frame. A big one would hold the main thread for
    // seconds (every drawn request is traced through both versions): the worker does it, newest text first.
    if (head.text.length + base.text.length <= AT_ONCE_CHARS) {
      show(compare(baseDerived, head, { requests }));
      return;
    }
    const prev = store.getState().view;
    store.getState().setView({
      union: unionGraphs(baseDerived.graph, head.graph, changedRefs(prev?.comparison)),
      comparison: prev?.comparison,
      headText: head.text,
      comparedText: prev?.comparedText,
    });
    const timer = setTimeout(() => {
      runner.current?.request(
        { baseText: base.text, headText: head.text, options: head.options, requests },
        (comparison, reason) => {
          if (store.getState().view?.headText !== head.text) return;
          // A failed comparison still shows the union; the panel says why the rest is missing.
          show(comparison ?? failed(reason));
        },
      );
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [base, baseDerived, head, store]);

  // Leaving the comparison drops what it computed.
  useEffect(() => () => store.getState().setView(undefined), [store]);
  return null;
}

/** A comparison that could not be made: empty, with the reason as its note (the panel shows notes). */
function failed(reason: string | undefined): Comparison {
  return failedComparison('The comparison could not be made.', reason ?? 'The comparison failed.');
}

function changedRefs(c: Comparison | undefined): Set<string> {
  return new Set(c?.resources.filter((r) => r.change === 'changed').map((r) => r.ref));
}

/** The simulator's saved requests of either text: the person's own questions belong in the behaviour table. */
function presetsOf(...sides: Derived[]): NamedRequest[] {
  let storage: Storage | undefined;
  try {
    storage = globalThis.localStorage;
  } catch {
    return [];
  }
  const seen = new Set<string>();
  const out: NamedRequest[] = [];
  for (const d of sides) {
    for (const p of loadPresets(storage, presetKey(d.model))) {
      const key = JSON.stringify(p.request);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name: p.name, request: p.request });
    }
  }
  return out;
}
