import { rec, str, strMap } from '../model/read';
import type { ResourceBase } from '../model/types';
import type { Env, Proxy } from './types';

/** Istio's defaults: ALLOW_ANY, root namespace `istio-system`, `svc.cluster.local`. */
export const DEFAULT_ENV: Env = {
  outboundTrafficPolicy: 'ALLOW_ANY',
  rootNamespace: 'istio-system',
  domainSuffix: 'svc.cluster.local',
  kubernetesDomainSuffix: 'svc.cluster.local',
  untimedOrder: 'text',
};

/** The environment of Istio's simulation tests (`corpus/istio-simulation` README): no config domain suffix. */
export const ISTIO_TEST_ENV: Env = { ...DEFAULT_ENV, domainSuffix: '', untimedOrder: 'name' };

export function envOf(partial: Partial<Env> = {}): Env {
  return { ...DEFAULT_ENV, ...partial };
}

/**
 * Resolves a host written in a config (VirtualService, DestinationRule, ServiceEntry) in `namespace`: a name
 * without a dot is short for `<name>.<namespace>.<domainSuffix>`; names with a dot and wildcards stay.
 */
export function resolveConfigHost(host: string, namespace: string, env: Env): string {
  const h = host.trim().toLowerCase();
  if (h === '' || h.startsWith('*') || h.includes('.')) return h;
  return env.domainSuffix === '' ? `${h}.${namespace}` : `${h}.${namespace}.${env.domainSuffix}`;
}

/** The hostname of a Kubernetes Service. */
export function kubeFqdn(name: string, namespace: string, env: Env): string {
  return `${name}.${namespace}.${env.kubernetesDomainSuffix}`.toLowerCase();
}

function timestamp(r: ResourceBase): number | undefined {
  const t = str(rec(r.raw.metadata).creationTimestamp);
  if (t === undefined) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Istio's config order: creationTimestamp, then name, then namespace. A resource without a timestamp counts
 * as created after those that have one; among themselves, in text order (or by name, `env.untimedOrder`).
 */
export function byCreation<T extends ResourceBase>(items: readonly T[], env: Env): T[] {
  const keyed = items.map((r, i) => ({ r, i, t: timestamp(r) }));
  keyed.sort((a, b) => {
    if (a.t !== undefined && b.t !== undefined && a.t !== b.t) return a.t - b.t;
    if (a.t !== undefined && b.t === undefined) return -1;
    if (a.t === undefined && b.t !== undefined) return 1;
    if (a.t === undefined && env.untimedOrder === 'text') return a.i - b.i;
    if (a.r.name !== b.r.name) return a.r.name < b.r.name ? -1 : 1;
    if (a.r.namespace !== b.r.namespace) return a.r.namespace < b.r.namespace ? -1 : 1;
    return a.i - b.i;
  });
  return keyed.map((k) => k.r);
}

/** True when `exportTo` (empty means everywhere) makes a config of `ownNs` visible in `ns`. */
export function visibleIn(exportTo: readonly string[], ownNs: string, ns: string): boolean {
  if (exportTo.length === 0) return true;
  return exportTo.some((e) => e === '*' || (e === '.' ? ownNs === ns : e === ns));
}

/** True when every selector label is on the proxy (an empty selector selects every proxy, as Istio's does). */
export function labelsMatch(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * A proxy as `corpus/istio-simulation` writes it (`{"kind":"gateway","namespace":…,"labels":…,"ips":[…]}`);
 * what the CLI's `--proxy '<json>'` takes. Missing fields default to a sidecar in `default`.
 */
export function proxyFromJson(v: unknown): Proxy {
  const r = rec(v);
  const kind = str(r.kind) === 'gateway' ? 'gateway' : 'sidecar';
  const ips = Array.isArray(r.ips) ? r.ips.map(str).filter((s): s is string => s !== undefined) : [];
  return { kind, namespace: str(r.namespace) ?? 'default', labels: strMap(r.labels), ips };
}
