import { stateClasses } from './state-classes';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StudioEdge } from './to-flow';
import { DiagBadge } from './nodes/badges';
import { useStudioStore } from '../store-context';

function formatPercent(p: number): string {
  return Number.isInteger(p) ? `${p}%` : `${p.toFixed(1)}%`;
}

/** Route edges carry their weight label and get thicker with traffic; mirror edges are dashed. */
function StudioEdgeView(props: EdgeProps<StudioEdge>) {
  const store = useStudioStore();
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, midX, midY] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  // Weight labels sit near the target end, so several routes leaving one row do not stack their labels.
  const nearTarget = data?.g.kind === 'route' || data?.g.kind === 'mirror';
  // A compared share (`80% → 50%`) is twice as wide: it moves left as far as it grew, clear of the target.
  const wide = data?.change === 'changed' && data.basePercent !== undefined;
  const labelX = nearTarget ? targetX - (wide ? 62 : 36) : midX;
  const labelY = nearTarget ? targetY : midY;
  if (!data) return <BaseEdge id={id} path={path} />;
  const { g, diag, traced, dimmed, change, basePercent } = data;
  const percent = g.percent ?? 0;
  const width = g.kind === 'route' ? 1.5 + (percent / 100) * 6 : g.kind === 'selects' ? 1.2 : 1.8;
  const cls = stateClasses(['studio-edge', `edge-${g.kind}`, change ? `change-${change}` : ''], {
    selected,
    traced,
    dimmed,
    diag,
  });
  const showLabel = g.kind === 'route' || g.kind === 'mirror' || diag !== undefined;
  // While comparing, a changed share reads `80% → 50%`: the base's share, then this text's.
  const was =
    change === 'changed' && basePercent !== undefined && basePercent !== percent ? basePercent : undefined;
  const dash = g.kind === 'mirror' ? '6 4' : change === 'removed' ? '5 5' : undefined;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={cls}
        style={{ strokeWidth: width, ...(dash ? { strokeDasharray: dash } : {}) }}
        interactionWidth={16}
      />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label ${cls}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-edge-id={g.id}
            data-traced={traced ? 'true' : undefined}
            data-change={change}
            onClick={(e) => {
              // The label sits over the pane; a click on it must not also count as a pane click.
              e.stopPropagation();
              // A ghost (an edge only the comparison's base has) is never selected: nothing can edit it.
              if (change !== 'removed') store.getState().select({ edgeId: g.id });
            }}
          >
            {was !== undefined && (
              <span className="route-was" data-testid="route-was" data-edge-id={g.id}>
                {formatPercent(Math.round(was * 10) / 10)} →{' '}
              </span>
            )}
            {g.kind === 'route' && (
              <span data-testid="route-weight" data-edge-id={g.id}>
                {formatPercent(Math.round(percent * 10) / 10)}
              </span>
            )}
            {g.kind === 'mirror' && <span data-testid="mirror-label">mirror {formatPercent(percent)}</span>}
            <DiagBadge diag={diag} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const StudioEdgeComponent = memo(StudioEdgeView);
