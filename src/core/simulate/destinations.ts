import type { MeshIndex } from '../graph/build-graph';
import { edgeId, nodeId } from '../graph/ids';
import { hostMatches } from '../model/hosts';
import { selectorMatches } from '../model/labels';
import type { Destination, DestinationRule, MeshModel } from '../model/types';
import { mergeTrafficPolicy } from './policy';
import { isVisible } from './select-vs';
import type { SimDestination } from './types';

/**
 * Shares of traffic as Istio normalises weights: weight / sum; one destination gets all of it; when no
 * destination carries a positive weight the traffic is split evenly. Negative weights count as 0.
 */
export function probabilities(weights: readonly (number | undefined)[]): number[] {
  if (weights.length === 1) return [1];
  const w = weights.map((x) => Math.max(0, x ?? 0));
  const total = w.reduce((a, b) => a + b, 0);
  return total > 0 ? w.map((x) => x / total) : w.map(() => 1 / w.length);
}

/** Who is asking: the DestinationRule that applies depends on the client's namespace and labels. */
export interface Client {
  namespace: string;
  labels: Record<string, string>;
}

function specificity(dr: DestinationRule, fqdn: string): number {
  return dr.fqdn === fqdn ? Number.MAX_SAFE_INTEGER : dr.fqdn.length;
}

/**
 * The DestinationRule a client uses for a host, as Istio looks it up: the client's namespace first, then the
 * host's Service namespace, then any other (root namespace); within one, the most specific host. Rules not
 * exported to the client, or whose workloadSelector does not select it, are skipped.
 */
export function chooseDestinationRule(
  index: MeshIndex,
  fqdn: string,
  client: Client,
  serviceNamespace: string | undefined,
): DestinationRule | undefined {
  const rank = (dr: DestinationRule) =>
    dr.namespace === client.namespace ? 0 : dr.namespace === serviceNamespace ? 1 : 2;
  return index
    .drsFor(fqdn)
    .filter((dr) => isVisible(dr.exportTo, dr.namespace, client.namespace))
    .filter(
      (dr) =>
        dr.workloadSelector === undefined ||
        (dr.namespace === client.namespace && selectorMatches(dr.workloadSelector, client.labels)),
    )
    .map((dr, i) => ({ dr, i }))
    .sort(
      (a, b) => rank(a.dr) - rank(b.dr) || specificity(b.dr, fqdn) - specificity(a.dr, fqdn) || a.i - b.i,
    )[0]?.dr;
}

/** A destination as written on a route (or the host itself for the default route), with its share. */
export interface DestinationInput extends Destination {
  probability: number;
  /** The canvas edge of this destination, when it comes from a VirtualService route. */
  routeEdgeId: string | undefined;
}

/** Resolves one destination: its Service, DestinationRule, subset, policy in force and workloads. */
export function resolveDestination(
  model: MeshModel,
  index: MeshIndex,
  d: DestinationInput,
  client: Client,
  requestPort: number | undefined,
): SimDestination {
  const problems: string[] = [];
  const nodeIds: string[] = [];
  const edgeIds: string[] = d.routeEdgeId ? [d.routeEdgeId] : [];
  const svc = index.servicesByFqdn.get(d.fqdn)?.[0];
  const se = svc ? undefined : model.serviceEntries.find((s) => s.fqdns.some((h) => hostMatches(h, d.fqdn)));
  const svcPorts = (svc ?? se)?.ports.map((p) => p.port) ?? [];
  const port =
    d.port ??
    (requestPort !== undefined && svcPorts.includes(requestPort)
      ? requestPort
      : svcPorts.length === 1
        ? svcPorts[0]
        : requestPort);
  if (svc) nodeIds.push(nodeId.service(svc.namespace, svc.name));
  else if (se) nodeIds.push(nodeId.serviceentry(se.namespace, se.name));
  else {
    problems.push(`No Service or ServiceEntry for host ${d.host}: Envoy has no cluster for it (503)`);
    if (d.subset === undefined) nodeIds.push(nodeId.missing(d.fqdn));
  }

  const dr = chooseDestinationRule(index, d.fqdn, client, svc?.namespace);
  const sub = d.subset === undefined ? undefined : dr?.subsets.find((s) => s.name === d.subset);
  if (dr) nodeIds.push(nodeId.destinationrule(dr.namespace, dr.name));
  if (d.subset !== undefined && !sub) {
    problems.push(
      dr
        ? `DestinationRule ${dr.namespace}/${dr.name} defines no subset "${d.subset}" (503, no cluster)`
        : `No DestinationRule for ${d.host} defines subset "${d.subset}" (503, no cluster)`,
    );
    nodeIds.push(nodeId.missing(`${d.fqdn}/${d.subset}`));
  }
  const subId = dr && sub ? nodeId.subset(dr.namespace, dr.name, sub.name) : undefined;
  if (subId) nodeIds.push(subId);
  const merged = mergeTrafficPolicy(dr?.trafficPolicy, sub?.trafficPolicy, port);

  const workloads: string[] = [];
  if (svc && (d.subset === undefined || sub)) {
    // Pods must match the Service's selector and the subset's labels, in the Service's namespace.
    const selector = { ...svc.selector, ...(sub?.labels ?? {}) };
    const from = subId ?? nodeId.service(svc.namespace, svc.name);
    for (const w of model.workloads) {
      if (w.namespace !== svc.namespace || !selectorMatches(selector, w.podLabels)) continue;
      const to = nodeId.deployment(w.namespace, w.name);
      workloads.push(w.ref);
      nodeIds.push(to);
      edgeIds.push(edgeId.selects(from, to));
    }
    if (workloads.length === 0)
      problems.push(`No workload has labels ${JSON.stringify(selector)}: no healthy upstream (503)`);
  }
  return {
    index: d.index,
    host: d.host,
    fqdn: d.fqdn,
    subset: d.subset,
    port,
    weight: d.weight,
    probability: d.probability,
    destinationRule: dr?.ref,
    trafficPolicy: merged.policy,
    policySources: merged.sources,
    service: svc?.ref,
    serviceEntry: se?.ref,
    workloads,
    problems,
    nodeIds,
    edgeIds,
  };
}
