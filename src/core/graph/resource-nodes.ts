import type {
  DestinationRule,
  Gateway,
  ResourceBase,
  Service,
  ServiceEntry,
  VirtualService,
  Workload,
} from '../model/types';
import { describeRollout, isRollout } from '../model/rollout';
import { nodeId, routeHandle } from './ids';
import { summariseMatches } from './match-summary';
import { routeFeatureBadges, trafficPolicyBadges } from './policy-badges';
import { NODE_WIDTH, SUBSET_HEIGHT, SUBSET_INSET, sizeOf } from './sizes';
import type { GraphNode } from './types';

// A resource's own nodes depend on that resource alone. Model resources are reused while their document's
// text is unchanged, so caching on them makes a keystroke rebuild only the touched document's nodes, and the
// canvas gets the very same node objects for everything else (memoised node components skip them).
const cache = new WeakMap<ResourceBase, GraphNode[]>();

function cached<R extends ResourceBase>(r: R, build: (r: R) => GraphNode[]): GraphNode[] {
  let nodes = cache.get(r);
  if (!nodes) {
    nodes = build(r);
    cache.set(r, nodes);
  }
  return nodes;
}

function common(r: ResourceBase, id: string, width: number, height: number) {
  return {
    id,
    title: r.name,
    ref: r.ref,
    namespace: r.namespace,
    origin: { docIndex: r.docIndex, path: r.basePath },
    stale: r.stale,
    width,
    height,
  };
}

export const gatewayNodes = (g: Gateway): GraphNode[] =>
  cached(g, () => [
    {
      ...common(g, nodeId.gateway(g.namespace, g.name), NODE_WIDTH, sizeOf.gateway(g.servers.length)),
      kind: 'gateway',
      hosts: [...new Set(g.servers.flatMap((s) => s.hosts))],
      servers: g.servers.map(
        (s) => `${s.port ?? '?'}/${s.protocol ?? '?'}${s.tlsMode ? ` tls ${s.tlsMode}` : ''}`,
      ),
    },
  ]);

export const serviceNodes = (s: Service): GraphNode[] =>
  cached(s, () => [
    {
      ...common(s, nodeId.service(s.namespace, s.name), NODE_WIDTH, sizeOf.service()),
      kind: 'service',
      ports: s.ports.map((p) => `${p.port ?? '?'}${p.name ? `/${p.name}` : ''}`),
      selector: s.selector,
    },
  ]);

export const serviceEntryNodes = (se: ServiceEntry): GraphNode[] =>
  cached(se, () => [
    {
      ...common(se, nodeId.serviceentry(se.namespace, se.name), NODE_WIDTH, sizeOf.serviceentry()),
      kind: 'serviceentry',
      hosts: se.hosts,
      ports: se.ports.map((p) => `${p.port ?? '?'}${p.protocol ? `/${p.protocol}` : ''}`),
      location: se.location,
    },
  ]);

export const workloadNodes = (w: Workload): GraphNode[] =>
  cached(w, () => [
    {
      ...common(w, nodeId.deployment(w.namespace, w.name), NODE_WIDTH, sizeOf.deployment()),
      kind: 'deployment',
      workloadKind: w.kind,
      app: w.app,
      version: w.version,
      replicas: w.replicas,
      image: w.images[0],
      ...(isRollout(w) ? { rollout: describeRollout(w.rollout) } : {}),
    },
  ]);

/** The DestinationRule's node, then one node per subset (in subset order), riding inside it. */
export const destinationRuleNodes = (dr: DestinationRule): GraphNode[] =>
  cached(dr, () => {
    const drId = nodeId.destinationrule(dr.namespace, dr.name);
    const badges = trafficPolicyBadges(dr.trafficPolicy);
    return [
      {
        ...common(dr, drId, NODE_WIDTH, sizeOf.destinationrule(dr.subsets.length, badges.length > 0)),
        kind: 'destinationrule',
        host: dr.host,
        fqdn: dr.fqdn,
        badges,
      },
      ...dr.subsets.map((sub): GraphNode => ({
        ...common(
          dr,
          nodeId.subset(dr.namespace, dr.name, sub.name),
          NODE_WIDTH - 2 * SUBSET_INSET,
          SUBSET_HEIGHT,
        ),
        origin: { docIndex: dr.docIndex, path: [...dr.basePath, 'spec', 'subsets', sub.index] },
        title: sub.name,
        kind: 'subset',
        name: sub.name,
        labels: sub.labels,
        badges: trafficPolicyBadges(sub.trafficPolicy),
        parentId: drId,
      })),
    ];
  });

export const virtualServiceNodes = (vs: VirtualService): GraphNode[] =>
  cached(vs, () => [
    {
      ...common(
        vs,
        nodeId.virtualservice(vs.namespace, vs.name),
        NODE_WIDTH,
        sizeOf.virtualservice(vs.routes.length),
      ),
      kind: 'virtualservice',
      hosts: vs.hosts,
      gateways: vs.gateways,
      rows: vs.routes.map((r) => ({
        handle: routeHandle(r.protocol, r.index),
        protocol: r.protocol,
        index: r.index,
        name: r.name,
        match: summariseMatches(r.match),
        badges: routeFeatureBadges(r.raw),
      })),
    },
  ]);
