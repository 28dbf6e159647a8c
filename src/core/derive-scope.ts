import { isClusterScoped } from './model/namespace';
import type { DestinationRule, ResourceBase, Service, VirtualService } from './model/types';

// Which namespaces a resource's findings and graph elements can depend on. A keystroke re-runs graph and
// checks only over the namespaces the changed resources reach (and the namespaces reaching those): every rule
// relates resources through hosts (`name.ns.svc.cluster.local`), selectors (namespace-local) or refs (which
// carry the namespace). Anything that reaches past namespaces (gateways select pods anywhere, ServiceEntries
// and wildcard or external hosts match by suffix, mesh-wide config in istio-system, cluster-scoped kinds) is
// `global`: while the text holds one, every change re-derives in full.

/** A resource's reach: the namespace keys (`ns:<ns>`, `name:<short name>`) it links, or everything. */
export type Reach = readonly string[] | 'global';

const ROOT_NAMESPACE = 'istio-system';
const CLUSTER_HOST = /^([^.*]+)\.([^.*]+)\.svc\.cluster\.local$/;

const nsKey = (ns: string) => `ns:${ns.toLowerCase()}`;

/** Keys of a resolved host, or undefined when it is not one in-cluster Service's FQDN. */
function hostKeys(fqdn: string): string[] | undefined {
  const m = CLUSTER_HOST.exec(fqdn);
  if (!m?.[1] || !m[2]) return undefined;
  // `name:` links a short host to Services of that name in other namespaces (the namespace mix-up finding).
  return [nsKey(m[2]), `name:${m[1]}`];
}

function hostsReach(own: string[], fqdns: readonly string[]): Reach {
  const keys = [...own];
  for (const f of fqdns) {
    const k = hostKeys(f);
    if (!k) return 'global';
    keys.push(...k);
  }
  return keys;
}

const cache = new WeakMap<ResourceBase, Reach>();

/** The reach of one typed model resource (memoised on its identity: the model reuses untouched ones). */
export function reachOf(r: ResourceBase): Reach {
  let out = cache.get(r);
  if (!out) {
    out = computeReach(r);
    cache.set(r, out);
  }
  return out;
}

function computeReach(r: ResourceBase): Reach {
  if (r.namespace.toLowerCase() === ROOT_NAMESPACE || isClusterScoped(r.kind)) return 'global';
  const own = [nsKey(r.namespace)];
  const group = r.apiVersion.split('/')[0] ?? '';
  if (r.missing) return own;
  // Only the model's typed resources carry the fields read below: a `DestinationRule` of another group (a typo
  // in apiVersion) is kept in `others` as a plain resource.
  const typed =
    (r.kind === 'Service' && 'fqdn' in r) ||
    (r.kind === 'DestinationRule' && 'subsets' in r) ||
    (r.kind === 'VirtualService' && 'routes' in r);
  switch (typed ? r.kind : '') {
    case 'Service':
      return [...own, `name:${(r as Service).name.toLowerCase()}`];
    case 'DestinationRule': {
      const dr = r as DestinationRule;
      if (dr.exportTo.length > 0 || dr.workloadSelector) return 'global';
      return hostsReach(own, [dr.fqdn]);
    }
    case 'VirtualService': {
      const vs = r as VirtualService;
      if (vs.exportTo.length > 0 || vs.gateways.some((g) => g !== 'mesh')) return 'global';
      // Delegation and route-level gateway or source-namespace matches name things outside the namespace.
      const outward = (m: Record<string, unknown>) => 'gateways' in m || 'sourceNamespace' in m;
      if (vs.routes.some((rt) => rt.delegate || rt.match.some(outward))) return 'global';
      const fqdns = [
        ...vs.fqdns,
        ...vs.routes.flatMap((rt) => [
          ...rt.destinations.map((d) => d.fqdn),
          ...(rt.mirror ? [rt.mirror.fqdn] : []),
        ]),
      ];
      return hostsReach(own, fqdns);
    }
    default:
      // Gateways, ServiceEntries, Sidecars, policies and Gateway API kinds reach across namespaces.
      if (group.endsWith('istio.io') || group.endsWith('k8s.io')) return 'global';
      return own;
  }
}
