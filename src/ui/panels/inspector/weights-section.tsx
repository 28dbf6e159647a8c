import { useState } from 'react';
import { rebalance } from '../../../core/edit/index';
import { edgeId } from '../../../core/graph/ids';
import type { Route, VirtualService } from '../../../core/model/types';
import { dispatchIntent } from '../../edit/dispatch';
import { useStudioInstance } from '../../store-context';

/**
 * Weights of one route: slider + number per destination, a lock to keep one fixed, "evenly". Moving one
 * rebalances the others so the sum stays 100; one drag of a slider is one undo step.
 */
export function WeightsSection({ vs, route }: { vs: VirtualService; route: Route }) {
  const studio = useStudioInstance();
  const [locked, setLocked] = useState<number[]>([]);
  const weights = route.destinations.map((d) => d.weight ?? (route.destinations.length === 1 ? 100 : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const at = { vsRef: vs.ref, protocol: route.protocol, routeIndex: route.index };
  const set = (i: number, value: number, dragging: boolean) => {
    const next = rebalance(weights, i, value, locked);
    dispatchIntent(studio, { type: 'setWeights', ...at, weights: next, dragging });
  };
  if (route.destinations.length === 0) return <p className="muted">This route has no destinations.</p>;
  return (
    <div className="weights" data-testid="weights">
      {route.destinations.map((d, i) => {
        const id = edgeId.route(vs.namespace, vs.name, route.protocol, route.index, d.index);
        const label = `${d.host}${d.subset ? ` / ${d.subset}` : ''}${d.port ? `:${d.port}` : ''}`;
        return (
          <div className="weight-row" key={d.index}>
            <span className="dest" title={d.fqdn}>
              {label}
            </span>
            <input
              type="range"
              min={0}
              max={100}
              value={weights[i] ?? 0}
              aria-label={`Weight of ${label}`}
              data-testid="weight-slider"
              data-edge-id={id}
              disabled={locked.includes(i) || route.destinations.length === 1}
              onPointerDown={() => studio.closeUndoStep()}
              onPointerUp={() => studio.closeUndoStep()}
              onKeyDown={() => studio.closeUndoStep()}
              onChange={(e) => set(i, Number(e.target.value), true)}
            />
            <input
              type="number"
              min={0}
              max={100}
              value={weights[i] ?? 0}
              aria-label={`Weight of ${label} in percent`}
              data-testid="weight-input"
              data-edge-id={id}
              disabled={locked.includes(i)}
              onChange={(e) => {
                const v = Number(e.target.value);
                if (Number.isFinite(v)) set(i, v, false);
              }}
            />
            <input
              type="checkbox"
              checked={locked.includes(i)}
              title="Lock: keep this weight when others move"
              aria-label={`Lock weight of ${label}`}
              data-testid="weight-lock"
              onChange={(e) => setLocked((l) => (e.target.checked ? [...l, i] : l.filter((x) => x !== i)))}
            />
          </div>
        );
      })}
      <div className="row-actions">
        <button
          type="button"
          data-testid="weights-even"
          onClick={() => dispatchIntent(studio, { type: 'evenlyDistribute', ...at })}
        >
          Evenly distribute
        </button>
        {sum !== 100 && route.destinations.length > 1 && (
          <button type="button" onClick={() => dispatchIntent(studio, { type: 'normaliseWeights', ...at })}>
            Normalise to 100 (now {sum})
          </button>
        )}
      </div>
    </div>
  );
}
