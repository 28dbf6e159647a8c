import { useState } from 'react';
import { rebalance } from '../../../core/edit/index';
import { edgeId } from '../../../core/graph/ids';
import type { Route, VirtualService } from '../../../core/model/types';
import { dispatchIntent } from '../../edit/dispatch';
import { useStudioInstance } from '../../store-context';
import { WeightBox } from './weight-box';

/**
 * Weights of one route: slider + number per destination, a lock to keep one fixed, "evenly". Moving one
 * rebalances the others so the sum stays 100; one drag of a slider is one undo step, and so is one number
 * typed in the box (written on Enter, blur or a pause: `WeightBox`).
 */
export function WeightsSection({ vs, route }: { vs: VirtualService; route: Route }) {
  const studio = useStudioInstance();
  const [locked, setLocked] = useState<number[]>([]);
  const weights = route.destinations.map((d) => d.weight ?? (route.destinations.length === 1 ? 100 : 0));
  const sum = weights.reduce((a, b) => a + b, 0);
  const at = { vsRef: vs.ref, protocol: route.protocol, routeIndex: route.index };
  // True when an edit was written (false: refused, or the weights would not change).
  const set = (i: number, value: number, dragging: boolean): boolean => {
    const next = rebalance(weights, i, value, locked);
    if (next.every((w, k) => w === weights[k])) return false;
    return dispatchIntent(studio, { type: 'setWeights', ...at, weights: next, dragging }).ok;
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
            <WeightBox
              value={weights[i] ?? 0}
              label={`Weight of ${label} in percent`}
              edgeId={id}
              disabled={locked.includes(i)}
              onCommit={(v) => set(i, v, false)}
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
