import { resolveHost } from '../model/hosts';
import { sameNameInOtherNamespace } from '../model/presence';
import type { Destination, MeshModel, VirtualService, Workload } from '../model/types';
import { edgeId, nodeId, routeHandle } from './ids';
import { byModelOrder, indexModel, type MeshIndex } from './mesh-index';
import {
  destinationRuleNodes,
  gatewayNodes,
  serviceEntryNodes,
  serviceNodes,
  virtualServiceNodes,
  workloadNodes,
} from './resource-nodes';
import { NODE_WIDTH, sizeOf } from './sizes';
import type { Graph, GraphEdge, GraphNode } from './types';

export { indexModel, type MeshIndex } from './mesh-index';

/** How to read the model: see `DeriveOptions.meshComplete` (undefined reads as true). */
export interface GraphOptions {
  meshComplete?: boolean;
}

/** Builds the canvas graph from the model: node and edge ids as DESIGN.md lays them out. */
export function buildGraph(
  m: MeshModel,
  index: MeshIndex = indexModel(m),
  options: GraphOptions = {},
): Graph {
  const partial = options.meshComplete === false;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  const addNode = (n: GraphNode) => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    nodes.push(n);
  };
  // `absent`: nothing of the kind is in the text (it may be applied from another file), as opposed to a gap in
  // something that is (a subset a DestinationRule of the text does not define).
  const missing = (what: string, reason: string, namespace: string, absent: boolean): string => {
    const id = nodeId.missing(what);
    const elsewhere = partial && absent;
    addNode({
      id,
      kind: 'missing',
      title: what,
      what,
      reason: elsewhere ? `Not in this text: ${reason}` : reason,
      elsewhere,
      ref: undefined,
      namespace,
      origin: undefined,
      stale: false,
      width: NODE_WIDTH,
      height: sizeOf.missing(),
    });
    return id;
  };

  for (const g of m.gateways) gatewayNodes(g).forEach(addNode);
  for (const s of m.services) serviceNodes(s).forEach(addNode);
  for (const se of m.serviceEntries) serviceEntryNodes(se).forEach(addNode);
  for (const w of m.workloads) workloadNodes(w).forEach(addNode);
  // Workloads any of the selectors match, in model order (several Services can share one host).
  let workloadOrder: Map<Workload, number> | undefined;
  const selectedBy = (selectors: { ns: string; sel: Record<string, string> }[]): Workload[] => {
    const [only] = selectors;
    if (selectors.length === 1 && only) return index.workloadsMatching(only.ns, only.sel);
    workloadOrder ??= new Map(m.workloads.map((w, i) => [w, i]));
    const found = new Set(selectors.flatMap((s) => index.workloadsMatching(s.ns, s.sel)));
    return byModelOrder(found, workloadOrder);
  };
  for (const dr of m.destinationRules) {
    destinationRuleNodes(dr).forEach(addNode);
    const services = index.servicesByFqdn.get(dr.fqdn) ?? [];
    for (const sub of dr.subsets) {
      const subId = nodeId.subset(dr.namespace, dr.name, sub.name);
      // A subset selects pods by its labels merged with the Service's selector (as istioctl does).
      const selectors = services.length
        ? services.map((s) => ({ ns: s.namespace, sel: { ...s.selector, ...sub.labels } }))
        : [{ ns: dr.namespace, sel: sub.labels }];
      for (const w of selectedBy(selectors)) {
        const to = nodeId.deployment(w.namespace, w.name);
        edges.push({
          id: edgeId.selects(subId, to),
          kind: 'selects',
          source: subId,
          target: to,
          stale: dr.stale || w.stale,
        });
      }
    }
  }
  for (const s of m.services) {
    const from = nodeId.service(s.namespace, s.name);
    for (const w of index.workloadsMatching(s.namespace, s.selector)) {
      const to = nodeId.deployment(w.namespace, w.name);
      edges.push({
        id: edgeId.selects(from, to),
        kind: 'selects',
        source: from,
        target: to,
        stale: s.stale || w.stale,
      });
    }
  }

  const vsIds = new Map(
    m.virtualServices.map((v) => [`${v.namespace}/${v.name}`, nodeId.virtualservice(v.namespace, v.name)]),
  );
  // A host nothing in the text stands for: one "not in this text" node for it (and the subsets asked of it).
  const absentHost = (d: Pick<Destination, 'fqdn'>) =>
    !index.servicesByFqdn.get(d.fqdn)?.length &&
    !index.hasServiceEntry(d.fqdn) &&
    !sameNameInOtherNamespace(m, d.fqdn);
  const missingHost = (vs: VirtualService, d: Pick<Destination, 'host' | 'fqdn'>): string =>
    partial && absentHost(d)
      ? missing(d.fqdn, `the Service or ServiceEntry for host ${d.host}`, vs.namespace, true)
      : missing(d.fqdn, `No Service or ServiceEntry for host ${d.host}`, vs.namespace, absentHost(d));
  const targetOf = (vs: VirtualService, d: Pick<Destination, 'host' | 'fqdn' | 'subset'>): string => {
    if (d.subset !== undefined) {
      const drs = index.drsFor(d.fqdn);
      for (const dr of drs) {
        if (dr.subsets.some((s) => s.name === d.subset))
          return nodeId.subset(dr.namespace, dr.name, d.subset);
      }
      if (drs.length > 0) {
        const reason = `No DestinationRule for ${d.host} defines subset "${d.subset}"`;
        return missing(`${d.fqdn}/${d.subset}`, reason, vs.namespace, false);
      }
      if (partial && absentHost(d)) return missingHost(vs, d);
      const reason = partial
        ? `the DestinationRule for ${d.host} (subset "${d.subset}")`
        : `No DestinationRule for ${d.host} defines subset "${d.subset}"`;
      return missing(`${d.fqdn}/${d.subset}`, reason, vs.namespace, true);
    }
    const svc = index.servicesByFqdn.get(d.fqdn)?.[0];
    if (svc) return nodeId.service(svc.namespace, svc.name);
    const se = index.hasServiceEntry(d.fqdn);
    if (se) return se;
    return missingHost(vs, d);
  };

  for (const vs of m.virtualServices) {
    const vsId = nodeId.virtualservice(vs.namespace, vs.name);
    virtualServiceNodes(vs).forEach(addNode);
    for (const gwRef of vs.gateways) {
      if (gwRef === 'mesh') continue;
      const [gns, gname] = gwRef.includes('/')
        ? (gwRef.split('/', 2) as [string, string])
        : [vs.namespace, gwRef];
      const gw = index.gateway(gns, gname);
      const from = gw
        ? nodeId.gateway(gns, gname)
        : missing(
            `gateway ${gns}/${gname}`,
            partial ? `Gateway ${gns}/${gname}` : `No Gateway ${gns}/${gname}`,
            vs.namespace,
            true,
          );
      edges.push({
        id: edgeId.binds(from, vsId),
        kind: 'binds',
        source: from,
        target: vsId,
        stale: vs.stale,
      });
    }
    for (const r of vs.routes) {
      const routePath = [...vs.basePath, 'spec', r.protocol, r.index];
      const total = r.destinations.reduce((s, d) => s + Math.max(0, d.weight ?? 0), 0);
      for (const d of r.destinations) {
        const percent =
          r.destinations.length === 1
            ? 100
            : total > 0
              ? (Math.max(0, d.weight ?? 0) / total) * 100
              : 100 / r.destinations.length;
        edges.push({
          id: edgeId.route(vs.namespace, vs.name, r.protocol, r.index, d.index),
          kind: 'route',
          source: vsId,
          sourceHandle: routeHandle(r.protocol, r.index),
          target: targetOf(vs, d),
          weight: d.weight,
          percent,
          origin: { docIndex: vs.docIndex, path: [...routePath, 'route', d.index] },
          stale: vs.stale,
        });
      }
      if (r.mirror) {
        edges.push({
          id: edgeId.mirror(vs.namespace, vs.name, r.index),
          kind: 'mirror',
          source: vsId,
          sourceHandle: routeHandle(r.protocol, r.index),
          target: targetOf(vs, {
            host: r.mirror.host,
            fqdn: resolveHost(r.mirror.host, vs.namespace),
            subset: r.mirror.subset,
          }),
          percent: r.mirrorPercent ?? 100,
          origin: { docIndex: vs.docIndex, path: [...routePath, 'mirror'] },
          stale: vs.stale,
        });
      }
      if (r.delegate) {
        const key = `${r.delegate.namespace}/${r.delegate.name}`;
        const to =
          vsIds.get(key) ??
          missing(
            `virtualservice ${key}`,
            partial ? `VirtualService ${key} (delegated to)` : `No VirtualService ${key} to delegate to`,
            vs.namespace,
            true,
          );
        edges.push({
          id: edgeId.delegate(vsId, to),
          kind: 'delegate',
          source: vsId,
          sourceHandle: routeHandle(r.protocol, r.index),
          target: to,
          origin: { docIndex: vs.docIndex, path: [...routePath, 'delegate'] },
          stale: vs.stale,
        });
      }
    }
  }
  const edgeIds = new Set<string>();
  return { nodes, edges: edges.filter((e) => !edgeIds.has(e.id) && Boolean(edgeIds.add(e.id))) };
}
