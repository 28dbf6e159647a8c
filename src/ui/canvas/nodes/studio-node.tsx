import { stateClasses } from '../state-classes';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StudioNode } from '../to-flow';
import { DiagBadge } from './badges';
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

/** Every node kind shares this shell: header (kind, name, namespace), body, handles, badges. */
function StudioNodeView({ data, selected }: NodeProps<StudioNode>) {
  const { g, diag, traced, dimmed } = data;
  const cls = stateClasses(['studio-node', `kind-${g.kind}`], { selected, traced, dimmed, diag });
  return (
    <div
      className={cls}
      data-testid="node"
      data-kind={g.kind}
      data-node-id={g.id}
      data-traced={traced ? 'true' : undefined}
      style={{ width: g.width, height: g.height }}
      title={g.ref ?? g.title}
    >
      <Handle type="target" position={Position.Left} id="in" />
      <div className="head">
        <span className="kind">
          {g.kind === 'deployment' && g.workloadKind !== 'Deployment' ? g.workloadKind : KIND_LABEL[g.kind]}
        </span>
        <span className="name">{g.title}</span>
        {g.kind !== 'subset' && g.kind !== 'missing' && g.namespace !== 'default' && (
          <span className="ns">{g.namespace}</span>
        )}
        <DiagBadge diag={diag} />
      </div>
      <div className="body">
        <NodeBody g={g} />
      </div>
      {g.kind !== 'virtualservice' && <Handle type="source" position={Position.Right} id="out" />}
    </div>
  );
}

export const StudioNodeComponent = memo(StudioNodeView);
