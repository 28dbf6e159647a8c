import type { MeshModel } from '../model/types';
import { buildClusters } from './clusters';
import { envOf, labelsMatch } from './env';
import { registry } from './registry';
import { buildRoutes } from './routes';
import { buildSidecarRoutes, type IgnoredVirtualService } from './sidecar-routes';
import type { EnvoyCluster, EnvoyRoute, Env, Proxy, RouteMatch } from './types';

/** Where a route sits in the proxy's config. */
export interface RouteAt {
  routeConfig: string;
  virtualHost: string;
  route: string;
  virtualService: string | undefined;
  source: EnvoyRoute['source'];
}

/** A route naming a cluster CDS does not send this proxy: Envoy answers 503 (NR, no cluster). */
export interface MissingCluster extends RouteAt {
  cluster: string;
  /** `subset` when the service exists but no DestinationRule of this proxy's view defines the subset. */
  why: 'subset' | 'service';
}

/** An EDS cluster no workload or endpoint backs: Envoy answers 503 (UH, no healthy upstream). */
export interface EmptyCluster {
  cluster: string;
  serviceFqdn: string;
  subset: string;
  destinationRule: string | undefined;
}

/** A route that can never match: an earlier route of the same virtual host takes all its requests. */
export interface ShadowedRoute extends RouteAt {
  /** Name (or `#index`) of the earlier route that shadows it. */
  by: string;
  /** Where the shadowing route's rule is: its VirtualService (`ns/name`) and `http[i]` (absent for made-up routes). */
  byVirtualService?: string;
  bySource?: EnvoyRoute['source'];
}

const BUILTIN = new Set(['PassthroughCluster', 'BlackHoleCluster', 'InboundPassthroughCluster']);

function clustersOf(r: EnvoyRoute): string[] {
  const out: string[] = [];
  if (r.route && 'cluster' in r.route) out.push(r.route.cluster);
  if (r.route && 'weightedClusters' in r.route) out.push(...r.route.weightedClusters.map((w) => w.name));
  for (const m of r.mirrors ?? []) out.push(m.cluster);
  return out;
}

/** Routes to clusters this proxy's CDS lacks: a subset no DestinationRule defines, or an unknown host. */
export function missingClusters(model: MeshModel, proxy: Proxy, env: Partial<Env> = {}): MissingCluster[] {
  const have = new Set(buildClusters(model, proxy, env).map((c) => c.name));
  const out: MissingCluster[] = [];
  for (const rc of buildRoutes(model, proxy, env)) {
    for (const vh of rc.virtualHosts) {
      for (const r of vh.routes) {
        for (const cluster of clustersOf(r)) {
          if (have.has(cluster) || BUILTIN.has(cluster)) continue;
          const [, port, , host] = cluster.split('|');
          const why = have.has(`outbound|${port}||${host}`) ? 'subset' : 'service';
          out.push({
            routeConfig: rc.name,
            virtualHost: vh.name,
            route: r.name,
            virtualService: r.virtualService,
            source: r.source,
            cluster,
            why,
          });
        }
      }
    }
  }
  return out;
}

/** Outbound EDS clusters with nothing behind them (no selected workload, endpoint or EndpointSlice address). */
export function emptyClusters(model: MeshModel, proxy: Proxy, env: Partial<Env> = {}): EmptyCluster[] {
  const e = envOf(env);
  const services = new Map(registry(model, e).map((s) => [s.hostname, s]));
  return buildClusters(model, proxy, e)
    .filter(
      (c): c is EnvoyCluster =>
        c.direction === 'outbound' && c.type === 'EDS' && (c.workloads?.length ?? 0) === 0,
    )
    .filter((c) => {
      const svc = services.get(c.serviceFqdn);
      if (!svc) return false;
      if (c.subset === '') return svc.endpoints.length === 0 && svc.endpointIps.length === 0;
      const dr = model.destinationRules.find((d) => `${d.namespace}/${d.name}` === c.destinationRule);
      const labels = dr?.subsets.find((s) => s.name === c.subset)?.labels ?? {};
      return !svc.endpoints.some((ep) => labelsMatch(labels, ep.labels));
    })
    .map((c) => ({
      cluster: c.name,
      serviceFqdn: c.serviceFqdn,
      subset: c.subset,
      destinationRule: c.destinationRule,
    }));
}

/** VirtualServices a sidecar drops for a host because an earlier one (creation order) holds it. */
export function ignoredVirtualServices(
  model: MeshModel,
  proxy: Proxy,
  env: Partial<Env> = {},
): IgnoredVirtualService[] {
  return proxy.kind === 'sidecar' ? buildSidecarRoutes(model, proxy, envOf(env)).ignored : [];
}

/** True when every request `later` matches is matched by `earlier` (path only; headers and query must be absent). */
function covers(earlier: RouteMatch, later: RouteMatch): boolean {
  if (earlier.headers?.length || earlier.queryParameters?.length) return false;
  if ((earlier.caseSensitive ?? true) !== (later.caseSensitive ?? true)) return false;
  if (earlier.safeRegex !== undefined)
    return earlier.safeRegex === '.*' || earlier.safeRegex === later.safeRegex;
  if (earlier.prefix !== undefined) {
    const p = later.prefix ?? later.path;
    return p !== undefined && p.startsWith(earlier.prefix);
  }
  if (earlier.path !== undefined) return later.path === earlier.path;
  return false;
}

/** Routes an earlier route of the same virtual host always takes first (they can never match). */
export function shadowedRoutes(model: MeshModel, proxy: Proxy, env: Partial<Env> = {}): ShadowedRoute[] {
  const out: ShadowedRoute[] = [];
  for (const rc of buildRoutes(model, proxy, env)) {
    for (const vh of rc.virtualHosts) {
      vh.routes.forEach((r, i) => {
        const j = vh.routes.slice(0, i).findIndex((e) => covers(e.match, r.match));
        const by = vh.routes[j];
        if (!by) return;
        out.push({
          routeConfig: rc.name,
          virtualHost: vh.name,
          route: r.name,
          virtualService: r.virtualService,
          source: r.source,
          by: by.name || `#${j}`,
          ...(by.virtualService !== undefined ? { byVirtualService: by.virtualService } : {}),
          ...(by.source ? { bySource: by.source } : {}),
        });
      });
    }
  }
  return out;
}
