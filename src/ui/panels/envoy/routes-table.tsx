import { Fragment } from 'react';
import { useRowLimit } from './show-more';
import { useRowState } from './use-row-state';
import type { EnvoyRoute } from '../../../core/envoy';
import { ExpandCell, JsonRow } from './json-row';
import type { RouteRow } from '../../../core/envoy/proxy-config-table';

interface Props {
  rows: readonly RouteRow[];
  onReveal(route: EnvoyRoute): void;
}

/** RDS for the proxy, laid out as `istioctl proxy-config routes`; a row opens to its Envoy JSON. */
export function RoutesTable({ rows, onReveal }: Props) {
  const { open, toggle, active, setActive } = useRowState();
  const { limit, more } = useRowLimit(rows.length);
  if (rows.length === 0) return <p className="muted">No HTTP routes for this proxy.</p>;
  return (
    <>
      <table className="envoy-table">
        <thead>
          <tr>
            <th aria-label="JSON" />
            <th>NAME</th>
            <th>VHOST NAME</th>
            <th>DOMAINS</th>
            <th>MATCH</th>
            <th>VIRTUAL SERVICE</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((r) => (
            <Fragment key={r.key}>
              <tr
                data-testid="envoy-route"
                data-route-config={r.routeConfig}
                data-vhost={r.vhost}
                data-route={r.route?.name ?? ''}
                data-cluster={r.cluster}
                className={r.route?.source ? 'envoy-linked' : undefined}
                title={r.cluster ? `→ ${r.cluster.replaceAll(',', '\n→ ')}` : undefined}
                aria-selected={active === r.key}
                onClick={() => {
                  setActive(r.key);
                  if (r.route) onReveal(r.route);
                }}
              >
                <ExpandCell open={open.has(r.key)} onToggle={() => toggle(r.key)} />
                <td>{r.routeConfig}</td>
                <td>{r.vhost}</td>
                <td className="envoy-domains">{r.domains}</td>
                <td>{r.match}</td>
                <td>{r.virtualService}</td>
              </tr>
              {open.has(r.key) && (
                <JsonRow columns={6}>
                  {r.route
                    ? JSON.stringify(withoutSource(r.route), null, 2)
                    : '(no routes: Envoy answers 404 NR)'}
                </JsonRow>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {more}
    </>
  );
}

// `source` is ours (where the rule is in the text), not Envoy's.
function withoutSource(r: EnvoyRoute): Omit<EnvoyRoute, 'source'> {
  const { source: _source, ...rest } = r;
  return rest;
}
