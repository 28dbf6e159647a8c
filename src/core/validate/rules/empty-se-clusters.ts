import { clusterName } from './cluster-name';
import { nodeId } from '../../graph/ids';
import { formatLabels } from '../../model/labels';
import { arr, rec, strMap } from '../../model/read';
import type { ServiceEntry } from '../../model/types';
import type { Rule } from '../context';
import type { Diagnostic } from '../types';
import { report } from './util';

/** The labels of a ServiceEntry's `endpoints`. */
function endpointLabels(se: ServiceEntry): Record<string, string>[] {
  return arr(rec(se.raw.spec).endpoints).map((e) => strMap(rec(e).labels));
}

const hasSelector = (se: ServiceEntry) => rec(se.raw.spec).workloadSelector !== undefined;
const matches = (sel: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(sel).every(([k, v]) => labels[k] === v);

function clusterOf(se: ServiceEntry, host: string, subset: string): string {
  const port = se.ports[0]?.port;
  return port === undefined ? `outbound|<port>|${subset}|${host}` : clusterName(port, subset, host);
}

/**
 * ITS0131: Envoy clusters that will have no endpoints, from the ServiceEntry side (core/envoy's emptyClusters
 * for what checks can see without a proxy): a `resolution: STATIC` ServiceEntry without endpoints or
 * workloadSelector, and a DestinationRule subset of a STATIC ServiceEntry host whose labels no endpoint carries.
 * Requests to them get 503 (UH, no healthy upstream). Subsets of Kubernetes Services are IST0173's
 * (subset-pods.ts); ServiceEntries with a workloadSelector are left alone (WorkloadEntries are not modelled).
 */
export const emptySeClusters: Rule = (ctx) => {
  if (ctx.model.serviceEntries.length === 0) return [];
  const out: Diagnostic[] = [];
  // hasServiceEntry answers with the entry's graph node id.
  const byNode = new Map(
    ctx.model.serviceEntries.map((se) => [nodeId.serviceentry(se.namespace, se.name), se]),
  );
  for (const se of ctx.model.serviceEntries) {
    if (se.resolution !== 'STATIC' || hasSelector(se) || endpointLabels(se).length > 0) continue;
    const host = se.fqdns[0] ?? '';
    out.push(
      report(
        ctx,
        se,
        ['spec', 'resolution'],
        'ITS0131',
        `ServiceEntry with \`resolution: STATIC\` lists no endpoints and no workloadSelector: Envoy's cluster ${clusterOf(se, host, '')} is empty and requests to ${host} answer 503 (UH, no healthy upstream). ` +
          `Add \`endpoints\` with their addresses, or use \`resolution: DNS\` to resolve the host.`,
        { nodeId: nodeId.serviceentry(se.namespace, se.name) },
      ),
    );
  }
  for (const dr of ctx.model.destinationRules) {
    if (dr.subsets.length === 0 || ctx.index.servicesByFqdn.has(dr.fqdn)) continue;
    const id = ctx.index.hasServiceEntry(dr.fqdn);
    const se = id === undefined ? undefined : byNode.get(id);
    if (!se || se.resolution !== 'STATIC' || hasSelector(se)) continue;
    const eps = endpointLabels(se);
    if (eps.length === 0) continue; // said once, on the ServiceEntry
    for (const sub of dr.subsets) {
      if (Object.keys(sub.labels).length === 0 || eps.some((l) => matches(sub.labels, l))) continue;
      const carried = [...new Set(eps.map((l) => formatLabels(l)))].slice(0, 5).join('; ');
      out.push(
        report(
          ctx,
          dr,
          ['spec', 'subsets', sub.index, 'labels'],
          'ITS0131',
          `Subset "${sub.name}" selects none of the endpoints of ${se.ref} (their labels: ${carried || 'none'}): Envoy's cluster ${clusterOf(se, dr.fqdn, sub.name)} is empty and requests routed to it answer 503 (UH, no healthy upstream). ` +
            `Change the subset labels to ones an endpoint carries, or label an endpoint ${formatLabels(sub.labels)}.`,
          { nodeId: nodeId.subset(dr.namespace, dr.name, sub.name) },
        ),
      );
    }
  }
  return out;
};
