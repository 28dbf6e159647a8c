import { Fragment } from 'react';
import { useRowLimit } from './show-more';
import { useRowState } from './use-row-state';
import type { EnvoyCluster } from '../../../core/envoy';
import { ExpandCell, JsonRow } from './json-row';
import { dotted } from '../../../core/envoy/proxy-config-table';

interface Props {
  clusters: readonly EnvoyCluster[];
  onReveal(cluster: EnvoyCluster): void;
}

/**
 * CDS for the proxy, laid out as `istioctl proxy-config clusters`: Envoy's own clusters (`BlackHoleCluster`,
 * `PassthroughCluster`, `InboundPassthroughCluster`) under SERVICE FQDN with `-` for the rest, and inbound
 * clusters with an empty SERVICE FQDN, as istioctl prints them. A row opens to its JSON.
 */
export function ClustersTable({ clusters, onReveal }: Props) {
  const { open, toggle, active, setActive } = useRowState();
  const { limit, more } = useRowLimit(clusters.length);
  if (clusters.length === 0) return <p className="muted">No clusters for this proxy.</p>;
  return (
    <>
      <table className="envoy-table">
        <thead>
          <tr>
            <th aria-label="JSON" />
            <th>SERVICE FQDN</th>
            <th>PORT</th>
            <th>SUBSET</th>
            <th>DIRECTION</th>
            <th>TYPE</th>
            <th>DESTINATION RULE</th>
          </tr>
        </thead>
        <tbody>
          {clusters.slice(0, limit).map((c) => (
            <Fragment key={c.name}>
              <tr
                data-testid="envoy-cluster"
                data-cluster={c.name}
                title={
                  c.workloads?.length
                    ? `→ ${c.workloads.join('\n→ ')}`
                    : c.direction === 'inbound'
                      ? `${c.name}: this pod's own port ${c.port}, reached through its sidecar (istioctl leaves SERVICE FQDN empty)`
                      : c.name
                }
                aria-selected={active === c.name}
                onClick={() => {
                  setActive(c.name);
                  onReveal(c);
                }}
              >
                <ExpandCell open={open.has(c.name)} onToggle={() => toggle(c.name)} />
                <td>{c.serviceFqdn}</td>
                <td>{c.port || '-'}</td>
                <td>{c.subset || '-'}</td>
                <td>{c.direction || '-'}</td>
                <td>{c.type}</td>
                <td>{c.destinationRule ? dotted(c.destinationRule) : ''}</td>
              </tr>
              {open.has(c.name) && <JsonRow columns={7}>{JSON.stringify(c, null, 2)}</JsonRow>}
            </Fragment>
          ))}
        </tbody>
      </table>
      {more}
    </>
  );
}
