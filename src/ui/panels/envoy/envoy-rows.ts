import type { EnvoyCluster, EnvoyRoute, RouteConfiguration, RouteMatch } from '../../../core/envoy';

/** One line of the routes table, as `istioctl proxy-config routes` prints it, plus the route for its JSON. */
export interface RouteRow {
  key: string;
  routeConfig: string;
  vhost: string;
  domains: string;
  match: string;
  virtualService: string;
  /** The contract's `data-cluster`: the cluster, or `name:weight` joined by `,`; empty for redirects etc. */
  cluster: string;
  /** Undefined for a virtual host without routes (a gateway port nothing binds): Envoy answers 404 NR. */
  route: EnvoyRoute | undefined;
}

/** Envoy's match as istioctl's MATCH column: the path specifier, then headers and query parameters. */
export function describeMatch(m: RouteMatch): string {
  const path = m.path ?? (m.safeRegex !== undefined ? `${m.safeRegex} (regex)` : `${m.prefix ?? '/'}*`);
  const extras = [
    ...(m.headers ?? []).map((h) => `${h.invertMatch ? '!' : ''}${h.name}${matcherText(h)}`),
    ...(m.queryParameters ?? []).map((q) => `?${q.name}${matcherText(q)}`),
  ];
  return [path, ...extras].join(' ');
}

function matcherText(s: { exact?: string; prefix?: string; safeRegex?: string; present?: true }): string {
  if (s.exact !== undefined) return `=${s.exact}`;
  if (s.prefix !== undefined) return `^=${s.prefix}`;
  if (s.safeRegex !== undefined) return `~=${s.safeRegex}`;
  return '';
}

/** What a route sends to: one cluster, or the weighted ones as `name:weight,…`. */
export function clusterAttr(r: EnvoyRoute): string {
  if (!r.route) return '';
  if ('cluster' in r.route) return r.route.cluster;
  return r.route.weightedClusters.map((w) => `${w.name}:${w.weight}`).join(',');
}

/**
 * Every route of every virtual host, in Envoy's order (the order a request tries them). A virtual host without
 * routes still gets a line, as istioctl prints it (`/*`, `404`), so a bound-nothing gateway port is visible.
 */
export function routeRows(configs: readonly RouteConfiguration[]): RouteRow[] {
  return configs.flatMap((rc) =>
    rc.virtualHosts.flatMap((vh): RouteRow[] => {
      const common = { routeConfig: rc.name, vhost: vh.name, domains: vh.domains.join(', ') };
      if (vh.routes.length === 0) {
        return [
          {
            ...common,
            key: `${rc.name}|${vh.name}|-`,
            match: '/*',
            virtualService: '404',
            cluster: '',
            route: undefined,
          },
        ];
      }
      return vh.routes.map((route, i) => ({
        ...common,
        key: `${rc.name}|${vh.name}|${i}`,
        match: describeMatch(route.match),
        virtualService: route.virtualService ? dotted(route.virtualService) : '',
        cluster: clusterAttr(route),
        route,
      }));
    }),
  );
}

/** istioctl writes a resource as `name.namespace`. */
export function dotted(nsName: string): string {
  const [ns, name] = nsName.split('/');
  return name === undefined ? nsName : `${name}.${ns}`;
}

/** The clusters as `istioctl proxy-config clusters` lists them: by FQDN, port, then subset. */
export function clusterRows(clusters: readonly EnvoyCluster[]): EnvoyCluster[] {
  return [...clusters].sort(
    (a, b) =>
      a.serviceFqdn.localeCompare(b.serviceFqdn) ||
      a.port - b.port ||
      a.subset.localeCompare(b.subset) ||
      a.direction.localeCompare(b.direction),
  );
}
