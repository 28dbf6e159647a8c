import { Handle, Position } from '@xyflow/react';
import { formatLabels } from '../../../core/model/labels';
import { NODE_WIDTH, SUBSET_INSET } from '../../../core/graph/sizes';
import type { GraphNode } from '../../../core/graph/types';
import { PolicyBadges } from './badges';

// Room for text inside a node, as app.css lays it out: 4 px kind border on the left, 1 px on the right,
// 8 px padding each side.
const INNER = NODE_WIDTH - 4 - 1 - 16;
const SUBSET_INNER = NODE_WIDTH - 2 * SUBSET_INSET - 4 - 1 - 12;
/** A route row keeps its protocol tag (28 px + gap) and at least this much of its match summary. */
const ROW_MATCH_MIN = 64;

function Line({ label, value }: { label: string; value: string }) {
  return (
    <div className="line" title={`${label} ${value}`}>
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
                <PolicyBadges badges={r.badges} room={INNER - 34 - ROW_MATCH_MIN} />
                <Handle type="source" position={Position.Right} id={r.handle} className="row-handle" />
              </div>
            ))}
            <div className="row add-route" title="Drag from here to a subset or Service to add a route">
              <span className="proto">+</span>
              <span className="match">{g.rows.length === 0 ? 'drag to add a route' : 'add route'}</span>
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
        <>
          <Line label="host" value={g.host} />
          {g.badges.length > 0 && (
            <div className="badge-line">
              <PolicyBadges badges={g.badges} room={INNER} />
            </div>
          )}
        </>
      );
    case 'subset':
      // With badges, the labels share the name's line and the badges get the second line whole.
      return g.badges.length > 0 ? (
        <div className="badge-line">
          <PolicyBadges badges={g.badges} room={SUBSET_INNER} />
        </div>
      ) : (
        <div className="line">
          <span className="v">{formatLabels(g.labels)}</span>
        </div>
      );
    case 'deployment':
      return (
        <Line
          label={`${g.version ?? 'no version'}${g.replicas !== undefined ? ` ×${g.replicas}` : ''}`}
          value={g.rollout ?? g.image ?? ''}
        />
      );
    case 'missing':
      return <div className="line missing-reason">{g.reason}</div>;
  }
}
