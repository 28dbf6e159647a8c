import { useCompare, useCompareStore } from './compare-context';
import type { CompareState } from './compare-store';
import './compare.css';

const selectPlain = (s: CompareState) => s.plain;
const selectSummary = (s: CompareState) => s.view?.comparison?.summary;
const selectBaseLabel = (s: CompareState) => s.base?.label;

const SWATCHES = [
  ['added', 'added', 'var(--change-added)'],
  ['changed', 'changed', 'var(--change-changed)'],
  ['removed', 'removed (ghost)', 'var(--change-removed)'],
] as const;

/** What the overlay's colours mean, the comparison in one line, and the switch back to the plain view. */
export function CompareLegend() {
  const store = useCompareStore();
  const plain = useCompare(selectPlain);
  const summary = useCompare(selectSummary);
  const label = useCompare(selectBaseLabel);
  return (
    <div className="compare-legend" data-testid="compare-legend" aria-label="Comparison legend">
      <strong>Compared with {label}</strong>
      {!plain && (
        <div className="swatches">
          {SWATCHES.map(([kind, text, colour]) => (
            <span key={kind} className={`swatch ${kind}`} style={{ ['--c' as string]: colour }}>
              <i aria-hidden="true" />
              {text}
            </span>
          ))}
        </div>
      )}
      {summary && (
        <span className={summary.risks > 0 ? 'summary risk' : 'summary'} data-testid="compare-summary">
          {summary.text}
        </span>
      )}
      <label>
        <input
          type="checkbox"
          data-testid="compare-plain"
          checked={plain}
          onChange={(e) => store.getState().setPlain(e.target.checked)}
        />{' '}
        Plain view (hide the comparison on the canvas)
      </label>
    </div>
  );
}
