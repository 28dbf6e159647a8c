import type {
  DestinationRule,
  MeshModel,
  ResourceBase,
  Route,
  RouteProtocol,
  VirtualService,
} from '../model/types';
import type { YamlPath } from '../yaml/locate';
import type { EditResult } from './session';

/** A refusal, with the reason shown to the person. */
export function refuse(reason: string): EditResult {
  return { ok: false, reason };
}

function usable<T extends ResourceBase>(list: readonly T[], ref: string, what: string): T | string {
  const r = list.find((x) => x.ref === ref);
  if (!r) return `${what} ${ref} does not exist`;
  if (r.stale) return `${ref} is in a document that does not parse; fix it first`;
  return r;
}

export function findResource(model: MeshModel, ref: string): ResourceBase | string {
  return usable(model.resources, ref, 'resource');
}

export function findDr(model: MeshModel, ref: string): DestinationRule | string {
  return usable(model.destinationRules, ref, 'DestinationRule');
}

export function findVs(model: MeshModel, ref: string): VirtualService | string {
  return usable(model.virtualServices, ref, 'VirtualService');
}

/** A route of a VirtualService, or why it cannot be edited. */
export function findRoute(
  model: MeshModel,
  vsRef: string,
  protocol: RouteProtocol,
  routeIndex: number,
): { vs: VirtualService; route: Route; path: YamlPath } | string {
  const vs = findVs(model, vsRef);
  if (typeof vs === 'string') return vs;
  const route = vs.routes.find((r) => r.protocol === protocol && r.index === routeIndex);
  if (!route) return `${vsRef} has no ${protocol} route ${routeIndex}`;
  return { vs, route, path: [...vs.basePath, 'spec', protocol, routeIndex] };
}

/** The path of a resource's spec field. */
export function specPath(r: ResourceBase, ...rest: (string | number)[]): YamlPath {
  return [...r.basePath, 'spec', ...rest];
}
