import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compare } from '../../core/compare/index';
import { unionGraphs } from '../../core/compare/graph-union';
import type { Comparison, NamedRequest } from '../../core/compare/types';
import type { Derived } from '../../core/derive';
import { createDerivation, deriveOptionsOf } from '../../state/derived';
import type { StudioState } from '../../state/store';
import { loadPresets, presetKey } from '../panels/simulator/preset-storage';
import { useSettledDerived, useStudio } from '../store-context';
import { useCompare, useCompareStore } from './compare-context';
import type { CompareState } from './compare-store';

/** Heads up to this size are compared at once; bigger ones after a typing pause (the canvas draws first). */
const AT_ONCE_CHARS = 60_000;
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

  useEffect(() => {
    if (!baseDerived) return;
    const run = () => {
      const comparison = compare(baseDerived, head, { requests: presetsOf(head, baseDerived) });
      store.getState().setView({
        union: unionGraphs(baseDerived.graph, head.graph, changedRefs(comparison)),
        comparison,
        headText: head.text,
        comparedText: head.text,
      });
    };
    if (head.text.length <= AT_ONCE_CHARS) {
      run();
      return;
    }
    const prev = store.getState().view;
    // The canvas gets the union at once; the comparison (and the resources it names changed) follows.
    store.getState().setView({
      union: unionGraphs(baseDerived.graph, head.graph, changedRefs(prev?.comparison)),
      comparison: prev?.comparison,
      headText: head.text,
      comparedText: prev?.comparedText,
    });
    const timer = setTimeout(run, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [baseDerived, head, store]);

  // Leaving the comparison drops what it computed.
  useEffect(() => () => store.getState().setView(undefined), [store]);
  return null;
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
