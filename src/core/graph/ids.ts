import type { RouteProtocol } from '../model/types';

// Node and edge ids are part of the UI contract (DESIGN.md); build them only here.
export const nodeId = {
  gateway: (ns: string, name: string) => `gateway:${ns}/${name}`,
  virtualservice: (ns: string, name: string) => `virtualservice:${ns}/${name}`,
  service: (ns: string, name: string) => `service:${ns}/${name}`,
  serviceentry: (ns: string, name: string) => `serviceentry:${ns}/${name}`,
  destinationrule: (ns: string, name: string) => `destinationrule:${ns}/${name}`,
  subset: (ns: string, dr: string, subset: string) => `subset:${ns}/${dr}/${subset}`,
  deployment: (ns: string, name: string) => `deployment:${ns}/${name}`,
  missing: (what: string) => `missing:${what}`,
};

export const edgeId = {
  route: (ns: string, vs: string, protocol: RouteProtocol, routeIndex: number, destIndex: number) =>
    `route:${ns}/${vs}/${protocol}/${routeIndex}/${destIndex}`,
  mirror: (ns: string, vs: string, routeIndex: number) => `mirror:${ns}/${vs}/http/${routeIndex}`,
  selects: (from: string, to: string) => `selects:${from}->${to}`,
  binds: (gateway: string, vs: string) => `binds:${gateway}->${vs}`,
  delegate: (from: string, to: string) => `delegate:${from}->${to}`,
};

export function routeHandle(protocol: RouteProtocol, index: number): string {
  return `${protocol}-${index}`;
}

const EDGE_KINDS: ReadonlySet<string> = new Set(Object.keys(edgeId));

/**
 * Whether an id names an edge (`route:…`, `mirror:…`, …) rather than a node: the kind before the first colon
 * is one of {@link edgeId}'s. Node kinds and edge kinds never share a name.
 */
export function isEdgeId(id: string): boolean {
  const colon = id.indexOf(':');
  return colon > 0 && EDGE_KINDS.has(id.slice(0, colon));
}
