import type { MeshModel, ResourceBase } from '../model/types';
import { blockRangeAt, pathAtOffset } from '../yaml/locate';
import type { ParsedText } from '../yaml/parse';
import { edgeId, nodeId } from './ids';
import type { Graph } from './types';

/** The node id a resource is drawn as. */
export function nodeIdOf(r: ResourceBase): string | undefined {
  switch (r.kind) {
    case 'Gateway':
      return nodeId.gateway(r.namespace, r.name);
    case 'VirtualService':
      return nodeId.virtualservice(r.namespace, r.name);
    case 'Service':
      return nodeId.service(r.namespace, r.name);
    case 'ServiceEntry':
      return nodeId.serviceentry(r.namespace, r.name);
    case 'DestinationRule':
      return nodeId.destinationrule(r.namespace, r.name);
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Pod':
      return nodeId.deployment(r.namespace, r.name);
    default:
      return undefined;
  }
}

/** What the cursor at an offset points at: a route edge inside a VirtualService, a subset, or a resource. */
export function elementAtOffset(
  parsed: ParsedText,
  model: MeshModel,
  graph: Graph,
  offset: number,
): { nodeId?: string; edgeId?: string } {
  const doc = parsed.docs.find((d) => offset >= d.start && offset <= d.end);
  if (!doc) return {};
  const path = pathAtOffset(doc, offset);
  const r = model.resources.find(
    (res) => res.docIndex === doc.index && res.basePath.every((p, i) => path[i] === p),
  );
  if (!r) return {};
  const rest = path.slice(r.basePath.length);
  const id = nodeIdOf(r);
  if (!id || !graph.nodes.some((n) => n.id === id)) return {};
  if (
    r.kind === 'VirtualService' &&
    rest[0] === 'spec' &&
    (rest[1] === 'http' || rest[1] === 'tcp' || rest[1] === 'tls')
  ) {
    const ri = rest[2];
    const di = rest[4];
    if (typeof ri === 'number' && rest[3] === 'route' && typeof di === 'number') {
      const e = edgeId.route(r.namespace, r.name, rest[1], ri, di);
      if (graph.edges.some((x) => x.id === e)) return { edgeId: e };
    }
  }
  if (
    r.kind === 'DestinationRule' &&
    rest[0] === 'spec' &&
    rest[1] === 'subsets' &&
    typeof rest[2] === 'number'
  ) {
    const subset = graph.nodes.find(
      (n) =>
        n.kind === 'subset' &&
        n.origin?.docIndex === doc.index &&
        n.origin.path[n.origin.path.length - 1] === rest[2] &&
        n.parentId === id,
    );
    if (subset) return { nodeId: subset.id };
  }
  return { nodeId: id };
}

/** The text range of a node or edge, for "reveal in editor". */
export function rangeOfElement(parsed: ParsedText, graph: Graph, id: string): [number, number] | undefined {
  const el = graph.nodes.find((n) => n.id === id) ?? graph.edges.find((e) => e.id === id);
  const origin = el?.origin;
  if (!origin) return undefined;
  const doc = parsed.docs[origin.docIndex];
  if (!doc) return undefined;
  return blockRangeAt(doc, origin.path) ?? [doc.start, doc.end];
}
