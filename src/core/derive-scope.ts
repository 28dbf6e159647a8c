import { isClusterScoped } from './model/namespace';
import { isRec } from './model/read';
import type {
  DestinationRule,
  Gateway,
  ResourceBase,
  Service,
  ServiceEntry,
  VirtualService,
  Workload,
} from './model/types';

// Which namespaces a resource's findings and graph elements can depend on. A keystroke re-runs graph and
// checks only over the namespaces the changed resources reach (and the namespaces reaching those): every rule
// relates resources through hosts (`name.ns.svc.cluster.local`, or an exact external host a ServiceEntry
// declares: `host:<host>`), selectors (namespace-local, except a Gateway's: `lbl:<k>=<v>`, followed only while
// some Gateway selects on it, see `GATEWAY_LABEL`), refs (which carry the namespace), and Gateways compare with
// each other (`kind:gateway`). A Gateway holds `gw:<ns>/<name>`; a VirtualService bound to it holds the same key
// behind `BOUND` (`>gw:<ns>/<name>`), a one-way link: an edit of the VirtualService brings in the Gateway's
// namespace (whose hosts it is checked against), not the other namespaces binding the same Gateway; only an
// edit of the Gateway itself brings in every namespace bound to it. What compares the VirtualServices of one
// gateway with each other (ITS0132) is a group rule (`validate/index.ts` `groupRules`): the patch runs it over
// the whole model, memoised per group. What reaches further (wildcard hosts match by suffix, exportTo,
// delegation, workloadSelector, mesh-wide policies and Sidecars, other config in istio-system, cluster-scoped
// kinds) is `global`: while the text holds one, every change re-derives in full.

/** A resource's reach: the namespace keys (`ns:<ns>`, `name:<short name>`) it links, or everything. */
export type Reach = readonly string[] | 'global';

const ROOT_NAMESPACE = 'istio-system';
const CLUSTER_HOST = /^([^.*]+)\.([^.*]+)\.svc\.cluster\.local$/;

const nsKey = (ns: string) => `ns:${ns.toLowerCase()}`;

/**
 * The marker a Gateway's selector pairs carry (`#lbl:k=v` beside `lbl:k=v`): workloads link every pod label pair
 * they have, and a pair is followed from one namespace to the others only while a Gateway selects on it, so
 * `version: v1` on every Deployment links nothing.
 */
export const GATEWAY_LABEL = '#';

/** The marker of a VirtualService's gateway key (`>gw:ns/name`): followed to the Gateway, not back (see above). */
export const BOUND = '>';

/** Keys of a resolved host, or undefined when it is a pattern (matched by suffix against anything). */
function hostKeys(fqdn: string): string[] | undefined {
  const m = CLUSTER_HOST.exec(fqdn);
  // `name:` links a short host to Services of that name in other namespaces (the namespace mix-up finding).
  if (m?.[1] && m[2]) return [nsKey(m[2]), `name:${m[1]}`];
  if (fqdn.includes('*') || fqdn === '') return undefined;
  // An exact external host: the ServiceEntries declaring it and everything naming it.
  return [`host:${fqdn.toLowerCase()}`];
}

const labelKeys = (labels: Record<string, string>) => Object.entries(labels).map(([k, v]) => `lbl:${k}=${v}`);

/** `gw:<ns>/<name>` of a VirtualService's gateway reference (`name` alone is in its own namespace). */
function gatewayKey(vsNamespace: string, ref: string): string {
  const slash = ref.indexOf('/');
  const ns = slash < 0 ? vsNamespace : ref.slice(0, slash);
  return `gw:${ns.toLowerCase()}/${(slash < 0 ? ref : ref.slice(slash + 1)).toLowerCase()}`;
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
  if (isClusterScoped(r.kind)) return 'global';
  const own = [nsKey(r.namespace)];
  const group = r.apiVersion.split('/')[0] ?? '';
  if (r.missing) return own;
  // A workload's pod labels, for the Gateways selecting on them (whatever its namespace).
  if ('podLabels' in r) return [...own, ...labelKeys((r as Workload).podLabels)];
  // Only the model's typed resources carry the fields read below: a `DestinationRule` of another group (a typo
  // in apiVersion) is kept in `others` as a plain resource.
  const typed =
    (r.kind === 'Service' && 'fqdn' in r) ||
    (r.kind === 'DestinationRule' && 'subsets' in r) ||
    (r.kind === 'VirtualService' && 'routes' in r) ||
    (r.kind === 'Gateway' && 'servers' in r) ||
    (r.kind === 'ServiceEntry' && 'fqdns' in r);
  switch (typed ? r.kind : '') {
    case 'Service':
      return [...own, `name:${(r as Service).name.toLowerCase()}`];
    case 'DestinationRule': {
      const dr = r as DestinationRule;
      if (dr.exportTo.length > 0 || dr.workloadSelector) return 'global';
      return hostsReach(own, [dr.fqdn]);
    }
    case 'Gateway': {
      if (!group.endsWith('istio.io')) return 'global';
      const gw = r as Gateway;
      // An empty selector picks every pod of the mesh.
      const sel = labelKeys(gw.selector);
      if (sel.length === 0) return 'global';
      return [
        ...own,
        gatewayKey(gw.namespace, gw.name),
        'kind:gateway',
        ...sel,
        ...sel.map((k) => GATEWAY_LABEL + k),
      ];
    }
    case 'ServiceEntry': {
      const se = r as ServiceEntry;
      if (
        !group.endsWith('istio.io') ||
        se.exportTo.length > 0 ||
        (isRec(r.raw.spec) && 'workloadSelector' in r.raw.spec)
      )
        return 'global';
      return hostsReach(own, se.fqdns);
    }
    case 'VirtualService': {
      const vs = r as VirtualService;
      if (vs.exportTo.length > 0) return 'global';
      const gateways = vs.gateways
        .filter((g) => g !== 'mesh')
        .map((g) => BOUND + gatewayKey(vs.namespace, g));
      // Delegation and route-level gateway or source-namespace matches name things outside the namespace.
      const outward = (m: Record<string, unknown>) => 'gateways' in m || 'sourceNamespace' in m;
      if (vs.routes.some((rt) => rt.delegate || rt.match.some(outward))) return 'global';
      // Hosts of a VirtualService bound to gateways only are matched against those gateways' hosts (behind its
      // `>gw:` keys) and the other VirtualServices on them (group rules, over the whole model), never sidecars': a
      // pattern there reaches no further.
      const mesh = vs.gateways.length === 0 || vs.gateways.includes('mesh');
      const fqdns = [
        ...(mesh ? vs.fqdns : vs.fqdns.filter((h) => !h.includes('*'))),
        ...vs.routes.flatMap((rt) => [
          ...rt.destinations.map((d) => d.fqdn),
          ...(rt.mirror ? [rt.mirror.fqdn] : []),
        ]),
      ];
      return hostsReach([...own, ...gateways], fqdns);
    }
    default:
      // Config of the root namespace applies mesh-wide.
      if (r.namespace.toLowerCase() === ROOT_NAMESPACE) return 'global';
      // Gateways, ServiceEntries, Sidecars, policies and Gateway API kinds reach across namespaces.
      if (group.endsWith('istio.io') || group.endsWith('k8s.io')) return 'global';
      return own;
  }
}
