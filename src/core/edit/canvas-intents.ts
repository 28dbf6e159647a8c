import type { Derived } from '../derive';
import type { GraphNode } from '../graph/types';
import { resolveHost } from '../model/hosts';
import type { DestinationRule, RouteProtocol } from '../model/types';
import type { EditIntent } from './intents';
import { gatewayReference, hostFor, inferHost, nextVersion, uniqueName } from './names';

// Pure mapping from canvas gestures (drop from the palette, connect two handles, delete the selection) to edit
// intents. The canvas passes the derivation an edit acts on (the current text's), never a settled older one.

/** What the palette can drop. */
export type PaletteKind =
  'service' | 'deployment' | 'destinationrule' | 'subset' | 'virtualservice' | 'gateway';

function nodeById(d: Derived, id: string | undefined): GraphNode | undefined {
  return id ? d.graph.nodes.find((n) => n.id === id) : undefined;
}

function drOf(d: Derived, n: GraphNode | undefined): DestinationRule | undefined {
  if (!n) return undefined;
  const ref = n.kind === 'subset' ? nodeById(d, n.parentId)?.ref : n.ref;
  return d.model.destinationRules.find((r) => r.ref === ref);
}

/** The app a new Deployment or rule is probably about: from the node dropped on or selected, else the first. */
function contextApp(d: Derived, near: GraphNode | undefined): { app: string; ns: string } {
  const ns = near?.namespace ?? 'default';
  const w = d.model.workloads.find((x) => near && x.ref === near.ref);
  if (w?.app) return { app: w.app, ns: w.namespace };
  const svc = d.model.services.find((s) => near && s.ref === near.ref);
  if (svc) return { app: svc.selector.app ?? svc.name, ns: svc.namespace };
  const dr = drOf(d, near);
  if (dr) return { app: dr.host.split('.')[0] ?? dr.host, ns: dr.namespace };
  const vs = d.model.virtualServices.find((v) => near && v.ref === near.ref);
  if (vs?.hosts[0]) return { app: vs.hosts[0].split('.')[0] ?? 'app', ns: vs.namespace };
  const first = d.model.workloads[0];
  return { app: first?.app ?? 'my-app', ns: first?.namespace ?? ns };
}

/** The intent for dropping a palette item, given the node it was dropped on or the selected node. */
export function dropIntent(
  d: Derived,
  kind: PaletteKind,
  near: GraphNode | undefined,
): EditIntent | undefined {
  const { app, ns } = contextApp(d, near);
  // Write a namespace only when the new resource would not land there without one, or when the resources
  // there all name it, as the person's own manifests do. The inferred or set namespace for resources without
  // one (`d.namespace`, kubectl's -n) is never written.
  const here = d.model.resources.filter((r) => r.namespace === ns);
  const allNameIt = here.length > 0 && here.every((r) => r.namespaceExplicit);
  const namespace = ns === d.namespace.name && !allNameIt ? undefined : ns;
  switch (kind) {
    case 'service':
      return {
        type: 'addResource',
        kind: 'Service',
        namespace,
        name: uniqueName(d.model, 'Service', ns, app),
        app,
      };
    case 'deployment': {
      const version = nextVersion(d.model, app, ns);
      return {
        type: 'addResource',
        kind: 'Deployment',
        namespace,
        name: uniqueName(d.model, 'Deployment', ns, `${app}-${version}`),
        app,
        version,
      };
    }
    case 'destinationrule': {
      const host = inferHost(d.model, ns, app);
      return {
        type: 'addResource',
        kind: 'DestinationRule',
        namespace,
        name: uniqueName(d.model, 'DestinationRule', ns, host.split('.')[0] ?? host),
        host,
      };
    }
    case 'virtualservice': {
      const host = inferHost(d.model, ns, near ? app : undefined);
      return {
        type: 'addResource',
        kind: 'VirtualService',
        namespace,
        name: uniqueName(d.model, 'VirtualService', ns, host.split('.')[0] ?? host),
        host,
      };
    }
    case 'gateway':
      return {
        type: 'addResource',
        kind: 'Gateway',
        namespace,
        name: uniqueName(d.model, 'Gateway', ns, `${app}-gateway`),
        hosts: ['*'],
      };
    case 'subset': {
      const dr = drOf(d, near) ?? d.model.destinationRules[0];
      if (!dr) return undefined;
      const taken = new Set(dr.subsets.map((s) => s.name));
      let n = dr.subsets.length + 1;
      while (taken.has(`v${n}`)) n++;
      return { type: 'addSubset', drRef: dr.ref, name: `v${n}`, labels: { version: `v${n}` } };
    }
  }
}

function routeHost(
  d: Derived,
  target: GraphNode,
  vsNs: string,
): { host: string; subset?: string } | undefined {
  if (target.kind === 'subset') {
    const dr = drOf(d, target);
    if (!dr) return undefined;
    const host =
      dr.host.includes('.') || dr.host.startsWith('*') ? dr.host : hostFor(dr.host, dr.namespace, vsNs);
    return { host, subset: target.kind === 'subset' ? target.name : undefined };
  }
  if (target.kind === 'service') return { host: hostFor(target.title, target.namespace, vsNs) };
  if (target.kind === 'serviceentry' && target.hosts[0]) return { host: target.hosts[0] };
  return undefined;
}

function parseHandle(h: string | null): { protocol: RouteProtocol; index: number } | 'new' | undefined {
  if (h === 'new-route') return 'new';
  const m = h ? /^(http|tcp|tls)-(\d+)$/.exec(h) : null;
  return m ? { protocol: m[1] as RouteProtocol, index: Number(m[2]) } : undefined;
}

/** The intent for connecting two handles (either direction), or a reason why the pair means nothing. */
export function connectIntent(
  d: Derived,
  sourceId: string,
  sourceHandle: string | null,
  targetId: string,
  targetHandle: string | null,
): EditIntent | string {
  let a = nodeById(d, sourceId);
  let b = nodeById(d, targetId);
  let handle = sourceHandle;
  if (!a || !b) return 'those nodes are not in the graph';
  // People drag in either direction; put the "from" side first.
  const order = [
    'gateway',
    'virtualservice',
    'destinationrule',
    'subset',
    'service',
    'serviceentry',
    'deployment',
  ];
  if (order.indexOf(a.kind) > order.indexOf(b.kind)) {
    [a, b] = [b, a];
    handle = targetHandle;
  }
  if (a.kind === 'gateway' && b.kind === 'virtualservice' && a.ref && b.ref) {
    return {
      type: 'bindGateway',
      vsRef: b.ref,
      gateway: gatewayReference(b.namespace, a.namespace, a.title),
    };
  }
  if (a.kind === 'virtualservice' && a.ref) {
    const target = routeHost(d, b, a.namespace);
    if (!target) return 'a route goes to a subset, a Service or a ServiceEntry';
    const h = parseHandle(handle);
    if (h === undefined || h === 'new' || a.rows.length === 0)
      return { type: 'addRoute', vsRef: a.ref, protocol: 'http', target };
    // A route that only sends to the bare Service of this host gets narrowed to the subset, not split.
    const vs = d.model.virtualServices.find((v) => v.ref === a.ref);
    const route = vs?.routes.find((r) => r.protocol === h.protocol && r.index === h.index);
    const only = route?.destinations.length === 1 ? route.destinations[0] : undefined;
    if (
      vs &&
      only &&
      only.subset === undefined &&
      target.subset &&
      only.fqdn === resolveHost(target.host, vs.namespace)
    ) {
      const path = [...vs.basePath, 'spec', h.protocol, h.index, 'route', 0, 'destination', 'subset'];
      return { type: 'setValue', docIndex: vs.docIndex, path, value: target.subset };
    }
    return { type: 'connectRoute', vsRef: a.ref, protocol: h.protocol, routeIndex: h.index, target };
  }
  if ((a.kind === 'destinationrule' || a.kind === 'subset') && b.kind === 'deployment' && b.ref) {
    const dr = drOf(d, a);
    if (dr) return { type: 'addSubsetForDeployment', drRef: dr.ref, deploymentRef: b.ref };
  }
  return `connecting a ${a.kind} to a ${b.kind} has no meaning here`;
}

/** The intent for deleting the selected node or edge, or a reason why it cannot be deleted. */
export function deleteIntent(d: Derived, sel: { nodeId?: string; edgeId?: string }): EditIntent | string {
  if (sel.edgeId) {
    const e = d.graph.edges.find((x) => x.id === sel.edgeId);
    if (!e) return 'nothing selected';
    const vs = d.model.virtualServices.find(
      (v) => v.ref === nodeById(d, e.source)?.ref || v.ref === nodeById(d, e.target)?.ref,
    );
    const m = /^route:[^/]+\/[^/]+\/(http|tcp|tls)\/(\d+)\/(\d+)$/.exec(e.id);
    if (e.kind === 'route' && m && vs) {
      return {
        type: 'deleteDestination',
        vsRef: vs.ref,
        protocol: m[1] as RouteProtocol,
        routeIndex: Number(m[2]),
        destIndex: Number(m[3]),
      };
    }
    if ((e.kind === 'mirror' || e.kind === 'delegate') && e.origin)
      return { type: 'deletePath', docIndex: e.origin.docIndex, path: e.origin.path };
    if (e.kind === 'binds' && vs) {
      const i = vs.gateways.findIndex((g) => e.source.endsWith(`/${g.includes('/') ? g.split('/')[1] : g}`));
      if (i >= 0)
        return { type: 'deletePath', docIndex: vs.docIndex, path: [...vs.basePath, 'spec', 'gateways', i] };
    }
    return 'this edge follows from labels; change the labels or the selector instead';
  }
  const n = nodeById(d, sel.nodeId);
  if (!n) return 'nothing selected';
  if (n.kind === 'subset' && n.origin)
    return { type: 'deletePath', docIndex: n.origin.docIndex, path: n.origin.path };
  if (n.kind === 'missing')
    return 'this node stands for something that does not exist; delete the reference instead';
  if (n.ref) return { type: 'deleteResource', ref: n.ref };
  return 'nothing to delete';
}
