import type { MeshIndex } from '../graph/build-graph';
import { edgeId, nodeId } from '../graph/ids';
import { clusterName } from '../envoy/translate';
import type { EnvoyRoute } from '../envoy/types';
import type { MeshModel } from '../model/types';
import { resolveDestination, type Client } from './destinations';
import { type EnvoyAnswer, weightedClustersOf } from './envoy-names';
import { blockIndex, envoyRows, ruleAt, type RuleAt } from './envoy-rows';
import { ruleFeatures } from './features';
import type { MatchContext } from './match';
import { evaluateRule } from './match';
import type { SimDestination, SimOutcome, SimResult } from './types';
import { closestRule, ruleRef } from './walk';
import { collect, describe } from './walk-answer';

/** `outbound|<port>|<subset>|<fqdn>` back to its parts; undefined for Envoy's own clusters. */
function parseCluster(name: string): { port: number; subset: string; fqdn: string } | undefined {
  const [dir, port, subset, fqdn] = name.split('|');
  if (dir !== 'outbound' || port === undefined || subset === undefined || fqdn === undefined)
    return undefined;
  return { port: Number(port), subset, fqdn };
}

export function destinationsOf(
  model: MeshModel,
  index: MeshIndex,
  clusters: readonly { name: string; weight: number }[],
  at: RuleAt | undefined,
  client: Client,
): SimDestination[] {
  const total = clusters.reduce((a, c) => a + c.weight, 0);
  return clusters.flatMap((c, i) => {
    const parts = parseCluster(c.name);
    if (!parts) return [];
    // The rule's destination this cluster was made from (host, port and subset named as Envoy names them).
    const written = at?.route.destinations.find(
      (d) => clusterName(d.port ?? parts.port, d.subset ?? '', d.fqdn) === c.name,
    );
    const probability = clusters.length === 1 ? 1 : total > 0 ? c.weight / total : 0;
    return [
      resolveDestination(
        model,
        index,
        {
          index: written?.index ?? i,
          host: written?.host ?? parts.fqdn,
          fqdn: parts.fqdn,
          subset: parts.subset === '' ? undefined : parts.subset,
          port: parts.port,
          weight: written?.weight,
          probability,
          routeEdgeId:
            at && written
              ? edgeId.route(at.vs.namespace, at.vs.name, 'http', at.route.index, written.index)
              : undefined,
        },
        client,
        parts.port,
      ),
    ];
  });
}

/** The root VirtualServices of a virtual host's routes, in route order. */
function rootsOf(routes: readonly EnvoyRoute[]): string[] {
  const refs = routes.flatMap((r) => {
    const ref = r.source?.via?.ref ?? r.source?.ref;
    return ref ? [ref] : [];
  });
  return [...new Set(refs)];
}

/** Notes on rules of the bound VirtualServices that are not in this proxy's routes, and why. */
function missingRuleNotes(
  model: MeshModel,
  vsRefs: readonly string[],
  routes: readonly EnvoyRoute[],
  ctx: MatchContext,
): string[] {
  const present = new Set(
    routes.flatMap((r) =>
      r.source
        ? [`${r.source.via?.ref ?? r.source.ref}#${r.source.via?.httpIndex ?? r.source.httpIndex}`]
        : [],
    ),
  );
  const notes: string[] = [];
  for (const ref of vsRefs) {
    const vs = model.virtualServices.find((v) => v.ref === ref);
    for (const route of vs?.routes ?? []) {
      if (route.protocol !== 'http' || present.has(`${ref}#${route.index}`) || !vs) continue;
      const c = evaluateRule(route, { ...ctx, vsNamespace: vs.namespace });
      const id = ruleRef(vs, route).id;
      notes.push(
        c.ok
          ? `${id} is not in this proxy's routes: an earlier catch-all ends them.`
          : `${id} is not in this proxy's routes: ${c.failure ?? 'its matches do not fit this proxy'}.`,
      );
    }
  }
  return notes;
}

/**
 * The simulator's answer from Envoy's trace of the request: the rule (the Envoy route's source), destinations
 * and shares (its cluster or weighted clusters), redirect, direct response, default route, passthrough or
 * blackhole, no route. The walk (`walked`) only explains: why the other rules did not match, features,
 * policy, workloads.
 */
export function decideByEnvoy(
  model: MeshModel,
  index: MeshIndex,
  walked: SimResult,
  answer: EnvoyAnswer,
  ctx: MatchContext,
  client: Client,
): SimResult {
  const { names, detail } = answer;
  const t = detail.result;
  const er = t.envoyRoute;
  const vh = detail.virtualHost;
  const src = er?.source;
  const at = src && ruleAt(model, src.ref, src.httpIndex);
  const via = src?.via && ruleAt(model, src.via.ref, src.via.httpIndex);
  const gwNodes = walked.highlight.nodes.filter((n) => n.startsWith('gateway:'));
  const gwNode = ctx.gateway === 'mesh' ? undefined : gwNodes[0];
  const virtualServices = vh ? rootsOf(vh.routes) : [];
  const shadowed =
    names.proxy.kind === 'sidecar' && vh
      ? detail.ignored
          .filter((i) => `${i.host}:${i.port}` === vh.name)
          .map((i) => `VirtualService ${i.virtualService}`)
      : [];
  const notes = [
    ...detail.ignored
      .filter(
        (i) => shadowed.includes(`VirtualService ${i.virtualService}`) && `${i.host}:${i.port}` === vh?.name,
      )
      .map(
        (i) =>
          `VirtualService ${i.virtualService} also claims host ${i.host}; a sidecar uses only VirtualService ${i.winner}, first in istiod's order (exportTo tier, creationTimestamp, name; untimed ones last, in text order).`,
      ),
    ...(vh ? missingRuleNotes(model, virtualServices, vh.routes, ctx) : []),
  ];
  const trace = vh ? envoyRows(model, vh, er, ctx) : [];
  const nodes = [
    ...gwNodes,
    ...virtualServices.flatMap((ref) => {
      const vs = model.virtualServices.find((v) => v.ref === ref);
      return vs ? [nodeId.virtualservice(vs.namespace, vs.name)] : [];
    }),
  ];
  const edges = gwNode
    ? nodes.filter((n) => n.startsWith('virtualservice:')).map((n) => edgeId.binds(gwNode, n))
    : [];
  if (at && via) {
    const from = nodeId.virtualservice(via.vs.namespace, via.vs.name);
    const to = nodeId.virtualservice(at.vs.namespace, at.vs.name);
    nodes.push(to);
    edges.push(edgeId.delegate(from, to));
  }
  const base: SimResult = {
    ...walked,
    virtualServices,
    shadowed,
    notes,
    trace,
    rule: undefined,
    matchIndex: undefined,
    delegatedFrom: undefined,
    closest: undefined,
    destinations: [],
    features: undefined,
    envoy: names,
    highlight: { nodes, edges },
  };
  const clusters = weightedClustersOf(t);
  const walkedNoMatch =
    walked.outcome === 'no-match' && walked.trace.length === 0 ? walked.summary : undefined;
  if (!er || !at) return unrouted(model, index, base, names.error, clusters, er, client, walkedNoMatch);

  const matchIndex = blockIndex(er, at, ctx);
  const rule = ruleRef(at.vs, at.route);
  const features = ruleFeatures(at.route, at.route.match[matchIndex ?? -1], ctx.req, at.vs.namespace);
  const outcome: SimOutcome = er.redirect ? 'redirect' : er.directResponse ? 'direct-response' : 'routed';
  const destinations = outcome === 'routed' ? destinationsOf(model, index, clusters, at, client) : [];
  if (at.route.mirror && features.mirrors.length)
    edges.push(edgeId.mirror(at.vs.namespace, at.vs.name, at.route.index));
  const head = `${rule.id}${matchIndex !== undefined ? ` (match ${matchIndex})` : ''}`;
  const summary =
    outcome === 'redirect'
      ? `${head} redirects to ${features.redirect?.location ?? ''} (${er.redirect?.responseCode ?? 301}).`
      : outcome === 'direct-response'
        ? `${head} answers ${er.directResponse?.status ?? 200} directly.`
        : destinations.length === 0
          ? `${head} matches but names no destination.`
          : `${head} sends it to ${describe(destinations)}.`;
  return collect({
    ...base,
    outcome,
    summary,
    rule,
    matchIndex,
    delegatedFrom: via ? ruleRef(via.vs, via.route) : undefined,
    destinations,
    features,
  });
}

/** No VirtualService rule took the request: Envoy's default route, passthrough, blackhole, or no route. */
function unrouted(
  model: MeshModel,
  index: MeshIndex,
  base: SimResult,
  error: string | undefined,
  clusters: readonly { name: string; weight: number }[],
  er: EnvoyRoute | undefined,
  client: Client,
  walkedNoMatch: string | undefined,
): SimResult {
  const host = base.fqdn;
  const names = clusters.map((c) => c.name);
  if (er?.directResponse && !er.source) {
    return {
      ...base,
      outcome: 'unknown-host',
      summary: `No Service or ServiceEntry knows ${host} and the mesh is REGISTRY_ONLY: the sidecar blocks it (${er.directResponse.status}, block_all).`,
    };
  }
  if (names.includes('PassthroughCluster') || names.includes('BlackHoleCluster')) {
    const pass = names.includes('PassthroughCluster');
    return {
      ...base,
      outcome: 'unknown-host',
      summary: pass
        ? `Nothing in this proxy's routes knows ${host}: the sidecar passes it through unchanged (PassthroughCluster, ALLOW_ANY).`
        : `Nothing in this proxy's routes knows ${host}: the sidecar drops it (BlackHoleCluster, REGISTRY_ONLY).`,
    };
  }
  const destinations = destinationsOf(model, index, clusters, undefined, client);
  if (destinations.length > 0) {
    return collect({
      ...base,
      outcome: 'default-route',
      summary: `No VirtualService applies to ${host}; the request goes to ${destinations.map((d) => d.service ?? d.serviceEntry ?? d.fqdn).join(', ')} directly.`,
      destinations,
    });
  }
  const closest = closestRule(base.trace);
  const why = closest ? ` Closest: ${closest.rule.id}, ${closest.failure ?? 'no match'}.` : '';
  // The walk says it in the person's terms when it stopped before any rule (the gateway refuses the host).
  if (walkedNoMatch !== undefined) return { ...base, outcome: 'no-match', closest, summary: walkedNoMatch };
  const summary =
    error === 'no route matched' && base.virtualServices.length > 0
      ? `No rule of ${base.virtualServices.join(', ')} matches the request (404).${why}`
      : error === 'no route matched' || error === 'no virtual host matched'
        ? `No route of ${base.envoy?.routeConfig ?? 'this proxy'} takes host ${host}: ${base.envoy?.proxy.kind === 'gateway' ? 'the gateway' : 'Envoy'} answers 404 (${error}).`
        : `Envoy cannot route it: ${error ?? 'no cluster'}.`;
  return { ...base, outcome: 'no-match', closest, summary };
}
