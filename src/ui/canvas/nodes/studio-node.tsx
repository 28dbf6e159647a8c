import { stateClasses } from '../state-classes';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatLabels } from '../../../core/model/labels';
import type { StudioNode } from '../to-flow';
import { DiagBadge } from './badges';
import { missingLook } from './missing-look';
import { NodeBody } from './node-body';

const KIND_LABEL: Record<string, string> = {
  gateway: 'Gateway',
  virtualservice: 'VirtualService',
  service: 'Service',
  serviceentry: 'ServiceEntry',
  destinationrule: 'DestinationRule',
  subset: 'subset',
  deployment: 'Deployment',
  missing: 'missing',
};

/**
 * Every node kind shares this shell: a header of two lines (kind, namespace and findings; then the name in
 * larger type), the kind's body, handles. Subsets, small boxes inside their rule, have a one-line header.
 */
function StudioNodeView({ data, selected }: NodeProps<StudioNode>) {
  const { g, diag, traced, dimmed, change } = data;
  const cls = stateClasses(['studio-node', `kind-${g.kind}`, change ? `change-${change}` : ''], {
    // A ghost is never selected, even when the selection still names what was deleted.
    selected: selected && change !== 'removed',
    traced,
    dimmed,
    diag,
  });
  const missing = missingLook(g);
  const kind =
    g.kind === 'deployment' && g.workloadKind !== 'Deployment'
      ? g.workloadKind
      : (missing?.label ?? KIND_LABEL[g.kind]);
  return (
    <div
      className={cls}
      data-testid="node"
      data-kind={g.kind}
      data-elsewhere={missing?.elsewhere}
      data-node-id={g.id}
      data-traced={traced ? 'true' : undefined}
      data-change={change}
      style={{ width: g.width, height: g.height }}
      title={g.ref ?? g.title}
    >
      <Handle type="target" position={Position.Left} id="in" />
      {g.kind === 'subset' ? (
        <div className="head">
          <span className="name">{g.title}</span>
          {g.badges.length > 0 && <span className="v">{formatLabels(g.labels)}</span>}
          <DiagBadge diag={diag} />
        </div>
      ) : (
        <div className="head">
          <div className="kind-line">
            <span className="kind">{kind}</span>
            {g.kind !== 'missing' && g.namespace !== 'default' && <span className="ns">{g.namespace}</span>}
            <DiagBadge diag={diag} />
          </div>
          <div className="name">{g.title}</div>
        </div>
      )}
      <div className="body">
        <NodeBody g={g} />
      </div>
      {g.kind !== 'virtualservice' && <Handle type="source" position={Position.Right} id="out" />}
    </div>
  );
}

export const StudioNodeComponent = memo(StudioNodeView);
