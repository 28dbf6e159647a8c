import { edgeId } from '../../graph/ids';
import type { VirtualService } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { boundToMesh, cappedList, NAMES_SHOWN, report } from './util';

/**
 * IST0140, the IngressRouteRulesNotAffected part of istioctl's DestinationHostAnalyzer: a VirtualService bound to a
 * gateway routes to host H with no subset, while a mesh VirtualService for H picks subsets. A request entering
 * through the gateway goes straight to H's endpoints: the mesh VirtualService applies only to sidecars, so its
 * subset split never happens for gateway traffic. istioctl compares host strings as written; we compare resolved
 * hosts, and skip VirtualServices bound to `mesh` only (they serve no gateway).
 */
export const ingressSubsets: Rule = (ctx) => {
  // Resolved host → mesh VirtualServices that route that host (one of their own hosts) to a subset.
  const subsetRouters = new Map<string, VirtualService[]>();
  for (const vs of ctx.model.virtualServices) {
    if (!boundToMesh(vs)) continue;
    const own = new Set(vs.fqdns);
    const hosts = new Set<string>();
    for (const r of vs.routes) {
      if (r.protocol !== 'http') continue;
      for (const d of r.destinations) if (d.subset && own.has(d.fqdn)) hosts.add(d.fqdn);
    }
    for (const h of hosts) {
      const list = subsetRouters.get(h);
      if (list) list.push(vs);
      else subsetRouters.set(h, [vs]);
    }
  }
  const out: Diagnostic[] = [];
  for (const vs of ctx.model.virtualServices) {
    const gateways = vs.gateways.filter((g) => g !== 'mesh');
    if (gateways.length === 0) continue;
    for (const r of vs.routes) {
      if (r.protocol !== 'http') continue;
      for (const d of r.destinations) {
        if (d.subset) continue;
        const others = (subsetRouters.get(d.fqdn) ?? []).filter((o) => o !== vs);
        if (others.length === 0) continue;
        const names = cappedList(
          others.slice(0, NAMES_SHOWN + 1).map((o) => `${o.namespace}/${o.name}`),
          others.length,
        );
        out.push(
          report(
            ctx,
            vs,
            ['spec', 'http', r.index, 'route', d.index, 'destination', 'host'],
            'IST0140',
            `Subset in virtual service ${names} has no effect on ingress gateway ${vs.namespace}/${vs.name} requests: ` +
              `traffic from gateway ${gateways.join(', ')} to ${d.host} skips the mesh VirtualService's subset routing. ` +
              `Name the subset here (\`subset:\`), or bind that VirtualService to the gateway as well.`,
            { edgeId: edgeId.route(vs.namespace, vs.name, r.protocol, r.index, d.index) },
          ),
        );
      }
    }
  }
  return out;
};
