import type { MeshIndex } from '../graph/build-graph';
import { edgeId, nodeId } from '../graph/ids';
import type { MeshModel } from '../model/types';
import { probabilities, resolveDestination, type Client, type DestinationInput } from './destinations';
import { ruleFeatures } from './features';
import { acceptingServers, findGateway, requestGateway } from './gateways';
import type { MatchContext } from './match';
import { resolveRequestHost, selectVirtualServices } from './select-vs';
import type { SimDestination, SimRequest, SimResult } from './types';
import { closestRule, ruleRef, walk } from './walk';

export function describe(ds: readonly SimDestination[]): string {
  return ds
    .map((d) => `${d.host}${d.subset ? ` ${d.subset}` : ''} ${Math.round(d.probability * 1000) / 10}%`)
    .join(', ');
}

export function collect(result: SimResult): SimResult {
  const nodes = new Set(result.highlight.nodes);
  const edges = new Set(result.highlight.edges);
  for (const d of result.destinations) {
    d.nodeIds.forEach((n) => nodes.add(n));
    d.edgeIds.forEach((e) => edges.add(e));
  }
  return { ...result, highlight: { nodes: [...nodes], edges: [...edges] } };
}

/**
 * The VirtualService walk: which VirtualService and rule apply, destinations with their probabilities, subset,
 * policy and workloads; or, when nothing matches, the closest rule and why it failed. `simulate` keeps its
 * answer only where Envoy's tables cannot be traced (no port, no gateway) and for TCP/TLS rules; elsewhere
 * Envoy's route decides and this supplies the explanation. Pure and total: it never throws.
 */
export function walkAnswer(model: MeshModel, index: MeshIndex, req: SimRequest): SimResult {
  const gateway = requestGateway(model, req.gateway);
  const fqdn = resolveRequestHost(index, req.host, req.sourceNamespace);
  const hostPort = /:(\d+)$/.exec(req.host.trim());
  let port = req.port ?? (hostPort ? Number(hostPort[1]) : undefined);
  const client: Client = { namespace: req.sourceNamespace, labels: req.sourceLabels };
  const base: SimResult = {
    outcome: 'no-match',
    summary: '',
    fqdn,
    port,
    virtualServices: [],
    shadowed: [],
    rule: undefined,
    matchIndex: undefined,
    delegatedFrom: undefined,
    trace: [],
    closest: undefined,
    destinations: [],
    features: undefined,
    notes: [],
    highlight: { nodes: [], edges: [] },
  };

  let viewerNs = req.sourceNamespace;
  let gwNode: string | undefined;
  if (gateway !== 'mesh') {
    const gw = findGateway(model, gateway);
    if (!gw)
      return { ...base, summary: `Gateway ${gateway} does not exist, so nothing receives the request.` };
    viewerNs = gw.namespace;
    gwNode = nodeId.gateway(gw.namespace, gw.name);
    const servers = acceptingServers(gw, fqdn, port);
    if (servers.length === 0) {
      return {
        ...base,
        summary: `Gateway ${gateway} has no server for host ${fqdn}${port !== undefined ? ` on port ${port}` : ''}: the request is refused (404).`,
        highlight: { nodes: [gwNode], edges: [] },
      };
    }
    port ??= servers[0]?.port;
  } else if (port === undefined) {
    const svcPorts = index.servicesByFqdn.get(fqdn)?.[0]?.ports ?? [];
    if (svcPorts.length === 1) port = svcPorts[0]?.port;
  }

  const sel = selectVirtualServices(model, fqdn, gateway, viewerNs);
  const applied = sel.applied.filter((vs) => vs.routes.some((r) => r.protocol === req.protocol));
  const notes = sel.shadowed.map(
    (vs) =>
      `${vs.ref} also claims host ${sel.host ?? fqdn}; a sidecar uses only ${sel.applied[0]?.ref ?? ''}.`,
  );
  for (const vs of sel.applied) {
    if (!applied.includes(vs))
      notes.push(`${vs.ref} has no ${req.protocol} rules, so it does not route this request.`);
  }
  const withVs: SimResult = {
    ...base,
    port,
    notes,
    virtualServices: applied.map((v) => v.ref),
    shadowed: sel.shadowed.map((v) => v.ref),
    highlight: { nodes: gwNode ? [gwNode] : [], edges: [] },
  };

  if (applied.length === 0) {
    if (gateway !== 'mesh') {
      return {
        ...withVs,
        summary: `No VirtualService bound to gateway ${gateway} has host ${fqdn}: the gateway answers 404.`,
      };
    }
    const dest = resolveDestination(
      model,
      index,
      {
        index: 0,
        host: req.host.trim().replace(/:\d+$/, ''),
        fqdn,
        subset: undefined,
        port,
        weight: undefined,
        probability: 1,
        routeEdgeId: undefined,
      },
      client,
      port,
    );
    if (!dest.service && !dest.serviceEntry) {
      return {
        ...withVs,
        outcome: 'unknown-host',
        summary: `No VirtualService, Service or ServiceEntry knows ${fqdn}: the sidecar passes it through (ALLOW_ANY) or blocks it (REGISTRY_ONLY).`,
      };
    }
    return collect({
      ...withVs,
      outcome: 'default-route',
      summary: `No VirtualService applies to ${fqdn}; the request goes to ${dest.service ?? dest.serviceEntry} directly.`,
      destinations: [dest],
    });
  }

  const ctx: MatchContext = { req, fqdn, port, gateway, vsNamespace: '' };
  const w = walk(model, applied, ctx);
  const nodes = [
    ...withVs.highlight.nodes,
    ...applied.map((v) => nodeId.virtualservice(v.namespace, v.name)),
  ];
  const edges = gwNode
    ? applied.map((v) => edgeId.binds(gwNode, nodeId.virtualservice(v.namespace, v.name)))
    : [];
  const traced: SimResult = {
    ...withVs,
    trace: w.trace,
    delegatedFrom: w.via && ruleRef(w.via.vs, w.via.route),
  };
  if (w.via) {
    const from = nodeId.virtualservice(w.via.vs.namespace, w.via.vs.name);
    const d = w.via.route.delegate;
    if (d) {
      const to = nodeId.virtualservice(d.namespace, d.name);
      nodes.push(to);
      edges.push(edgeId.delegate(from, to));
    }
  }
  if (!w.hit) {
    const closest = closestRule(w.trace);
    const why =
      w.failure ??
      (closest
        ? `Closest: ${closest.rule.id}, ${closest.failure ?? 'no match'}.`
        : `It has no ${req.protocol} rules.`);
    return {
      ...traced,
      closest,
      summary:
        w.failure ?? `No rule of ${applied.map((v) => v.ref).join(', ')} matches the request (404). ${why}`,
      highlight: { nodes, edges },
    };
  }

  const { vs, route, matchIndex } = w.hit;
  const rule = ruleRef(vs, route);
  const features =
    route.protocol === 'http'
      ? ruleFeatures(route, route.match[matchIndex ?? -1], req, vs.namespace)
      : undefined;
  const probs = probabilities(route.destinations.map((d) => d.weight));
  const destinations =
    features?.redirect || features?.directResponse
      ? []
      : route.destinations.map((d, i): SimDestination => {
          const input: DestinationInput = {
            ...d,
            probability: probs[i] ?? 0,
            routeEdgeId: edgeId.route(vs.namespace, vs.name, route.protocol, route.index, d.index),
          };
          return resolveDestination(model, index, input, client, port);
        });
  if (route.mirror && features?.mirrors.length) edges.push(edgeId.mirror(vs.namespace, vs.name, route.index));
  const head = `${rule.id}${matchIndex !== undefined ? ` (match ${matchIndex})` : ''}`;
  const outcome = features?.redirect ? 'redirect' : features?.directResponse ? 'direct-response' : 'routed';
  const summary =
    outcome === 'redirect'
      ? `${head} redirects to ${features?.redirect?.location ?? ''} (${features?.redirect?.status ?? 301}).`
      : outcome === 'direct-response'
        ? `${head} answers ${features?.directResponse?.status ?? 200} directly.`
        : destinations.length === 0
          ? `${head} matches but names no destination.`
          : `${head} sends it to ${describe(destinations)}.`;
  return collect({
    ...traced,
    outcome,
    summary,
    rule,
    matchIndex,
    destinations,
    features,
    highlight: { nodes, edges },
  });
}
