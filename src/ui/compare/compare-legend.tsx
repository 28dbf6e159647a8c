import { useCompare, useCompareStore } from './compare-context';
import type { CompareState } from './compare-store';
import './compare.css';

const selectPlain = (s: CompareState) => s.plain;
const selectRisk = (s: CompareState) => s.view?.comparison?.risk ?? false;
const selectBaseLabel = (s: CompareState) => s.base?.label;

const SWATCHES = [
  ['added', 'added', 'var(--change-added)'],
  ['changed', 'changed', 'var(--change-changed)'],
  ['removed', 'removed', 'var(--change-removed)'],
] as const;

/**
 * What the overlay's colours mean and the switch back to the plain view: small, beside the zoom controls (the
 * fit keeps the graph clear of it). The toolbar names the base; the Changes tab says the rest.
 */
export function CompareLegend() {
  const store = useCompareStore();
  const plain = useCompare(selectPlain);
  const risk = useCompare(selectRisk);
  const label = useCompare(selectBaseLabel);
  return (
    <div
      className="compare-legend"
      data-testid="compare-legend"
      aria-label="Comparison legend"
      title={`Compared with ${label ?? 'the base'}`}
    >
      {!plain &&
        SWATCHES.map(([kind, text, colour]) => (
          <span key={kind} className={`swatch ${kind}`} style={{ ['--c' as string]: colour }}>
            <i aria-hidden="true" />
            {text}
          </span>
        ))}
      {risk && (
        <span className="risk" data-testid="compare-risk">
          503 risk
        </span>
      )}
      <label>
        <input
          type="checkbox"
          data-testid="compare-plain"
          checked={plain}
          onChange={(e) => store.getState().setPlain(e.target.checked)}
        />{' '}
        plain view
      </label>
    </div>
  );
}
