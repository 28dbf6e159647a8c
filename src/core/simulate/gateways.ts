import { hostMatches, resolveHost } from '../model/hosts';
import type { Gateway, MeshModel } from '../model/types';

/** `mesh`, or `ns/name` for a gateway reference written in namespace `ns` (a bare name means that namespace). */
export function normaliseGatewayRef(ref: string, namespace: string): string {
  const r = ref.trim();
  if (r === 'mesh' || r.includes('/')) return r;
  return `${namespace}/${r}`;
}

/** The request's gateway as `ns/name`: a bare name is looked up among the model's Gateways, else `default`. */
export function requestGateway(model: MeshModel, gateway: string): string {
  const g = gateway.trim();
  if (g === '' || g === 'mesh') return 'mesh';
  if (g.includes('/')) return g;
  const found = model.gateways.find((x) => x.name === g);
  return `${found?.namespace ?? 'default'}/${g}`;
}

export function findGateway(model: MeshModel, key: string): Gateway | undefined {
  return model.gateways.find((g) => `${g.namespace}/${g.name}` === key);
}

/**
 * The servers of a Gateway that accept a host (and port, when given). Server hosts may carry a
 * `namespace/` prefix, which limits the VirtualServices they take but not the hosts they accept.
 */
export function acceptingServers(gw: Gateway, fqdn: string, port: number | undefined) {
  return gw.servers.filter(
    (s) =>
      (port === undefined || s.port === undefined || s.port === port) &&
      s.hosts.some((h) => {
        const bare = h.includes('/') ? h.slice(h.indexOf('/') + 1) : h;
        return hostMatches(resolveHost(bare, gw.namespace), fqdn);
      }),
  );
}
