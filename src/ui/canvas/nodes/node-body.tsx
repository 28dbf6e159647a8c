import { Handle, Position } from '@xyflow/react';
import { formatLabels } from '../../../core/model/labels';
import type { GraphNode } from '../../../core/graph/types';
import { PolicyBadges } from './badges';

function Line({ label, value }: { label: string; value: string }) {
  return (
    <div className="line" title={value}>
      <span className="k">{label}</span> <span className="v">{value || '—'}</span>
    </div>
  );
}

/** The kind-specific part of a node. Everything is rendered as text (React escapes it). */
export function NodeBody({ g }: { g: GraphNode }) {
  switch (g.kind) {
    case 'gateway':
      return (
        <>
          <Line label="hosts" value={g.hosts.join(', ')} />
          {g.servers.slice(0, 3).map((s, i) => (
            <Line key={i} label="server" value={s} />
          ))}
        </>
      );
    case 'virtualservice':
      return (
        <>
          <Line label="hosts" value={g.hosts.join(', ')} />
          <div className="rows">
            {g.rows.map((r) => (
              <div key={r.handle} className="row" data-testid="route-row" data-row={r.handle} title={r.match}>
                <span className="proto">{r.protocol}</span>
                <span className="match">
                  {r.name ? `${r.name}: ` : ''}
                  {r.match}
                </span>
                <PolicyBadges badges={r.badges} />
                <Handle type="source" position={Position.Right} id={r.handle} className="row-handle" />
              </div>
            ))}
            <div className="row add-route" title="Drag from here to a subset or Service to add a route">
              <span className="proto">+</span>
              <span className="match">
                {g.rows.length === 0 ? 'no routes yet: drag to add one' : 'add route'}
              </span>
              <Handle type="source" position={Position.Right} id="new-route" className="row-handle" />
            </div>
          </div>
        </>
      );
    case 'service':
      return <Line label={`ports ${g.ports.join(', ')}`} value={formatLabels(g.selector)} />;
    case 'serviceentry':
      return (
        <Line label={g.location === 'MESH_INTERNAL' ? 'internal' : 'external'} value={g.hosts.join(', ')} />
      );
    case 'destinationrule':
      return (
        <div className="dr-host">
          <span className="v">{g.host}</span>
          <PolicyBadges badges={g.badges} />
        </div>
      );
    case 'subset':
      return (
        <div className="subset-body">
          <span className="v">{formatLabels(g.labels)}</span>
          <PolicyBadges badges={g.badges} />
        </div>
      );
    case 'deployment':
      return (
        <Line
          label={`${g.workloadKind !== 'Deployment' ? `${g.workloadKind} ` : ''}${g.version ?? 'no version'}${g.replicas !== undefined ? ` ×${g.replicas}` : ''}`}
          value={g.image ?? ''}
        />
      );
    case 'missing':
      return <div className="line missing-reason">{g.reason}</div>;
  }
}
