import { Suspense, lazy } from 'react';
import type { StudioState } from '../../state/store';
import { useStudioStore } from '../store-context';
import { useCompare, useCompareStore } from './compare-context';
import type { CompareState } from './compare-store';

// The first screen holds only these slots and the toolbar button: the dialog, the session (base derivation,
// graph union, the core's comparison), the legend and the changes panel load when a comparison starts.
export const loadCompareDialog = () => import('./compare-dialog');
const loadSession = () => import('./compare-session');
const loadLegend = () => import('./compare-legend');
export const loadChangesPanel = () => import('./changes-panel');

const CompareDialog = lazy(() => loadCompareDialog().then((m) => ({ default: m.CompareDialog })));
const CompareSession = lazy(() => loadSession().then((m) => ({ default: m.CompareSession })));
const CompareLegend = lazy(() => loadLegend().then((m) => ({ default: m.CompareLegend })));
export const ChangesPanel = lazy(() => loadChangesPanel().then((m) => ({ default: m.ChangesPanel })));

const selectDialog = (s: CompareState) => s.dialogOpen;
const selectComparing = (s: CompareState) => s.base !== undefined;

/** The base dialog while open, and the session while comparing. */
export function CompareHost() {
  const open = useCompare(selectDialog);
  const comparing = useCompare(selectComparing);
  return (
    <Suspense fallback={null}>
      {open && <CompareDialog />}
      {comparing && <CompareSession />}
    </Suspense>
  );
}

/** The legend and the plain-view toggle, on the canvas while comparing. */
export function CompareLegendSlot() {
  const comparing = useCompare(selectComparing);
  if (!comparing) return null;
  return (
    <Suspense fallback={null}>
      <CompareLegend />
    </Suspense>
  );
}

const selectBase = (s: CompareState) => s.base;
const selectPanel = (s: StudioState) => s.sidePanel;

/** `compare-open` in the toolbar; while comparing, what the base is and `compare-close`. */
export function CompareButton() {
  const compare = useCompareStore();
  const studio = useStudioStore();
  const base = useCompare(selectBase);
  const open = () => compare.getState().openDialog(true);
  const warm = () => void loadCompareDialog();
  const close = () => {
    compare.getState().stop();
    if (selectPanel(studio.getState()) === 'changes') studio.getState().showPanel('inspector');
  };
  return (
    <span className={base ? 'compare-tools comparing' : 'compare-tools'}>
      <button
        type="button"
        data-testid="compare-open"
        onPointerEnter={warm}
        onFocus={warm}
        onClick={open}
        title={base ? `Comparing with ${base.label}: pick another base` : 'Compare with a base text'}
      >
        {base ? `Comparing with ${base.label}…` : 'Compare…'}
      </button>
      {base && (
        <button type="button" data-testid="compare-close" onClick={close} title="End the comparison">
          ✕
        </button>
      )}
    </span>
  );
}
