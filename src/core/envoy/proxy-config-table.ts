import type { EnvoyCluster, EnvoyRoute, RouteConfiguration, RouteMatch } from './types';

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

/**
 * The clusters as `istioctl proxy-config clusters` lists them: by FQDN, port, then subset, compared as Go
 * compares strings (bytes: `BlackHoleCluster` before `details…`).
 */
export function clusterRows(clusters: readonly EnvoyCluster[]): EnvoyCluster[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...clusters].sort(
    (a, b) =>
      cmp(a.serviceFqdn, b.serviceFqdn) ||
      a.port - b.port ||
      cmp(a.subset, b.subset) ||
      cmp(a.direction, b.direction),
  );
}

/** Columns padded to their widest cell, three spaces apart, as istioctl's tabwriter prints them. */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3)))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/** istioctl's DOMAINS column: two domains, then how many more. */
export function describeDomains(domains: readonly string[]): string {
  if (domains.length <= 2) return domains.join(', ');
  return `${domains[0]}, ${domains[1]} + ${domains.length - 2} more...`;
}

/** `istioctl proxy-config routes` as text: NAME, VHOST NAME, DOMAINS, MATCH, VIRTUAL SERVICE. */
export function routesTable(configs: readonly RouteConfiguration[]): string {
  return alignColumns([
    ['NAME', 'VHOST NAME', 'DOMAINS', 'MATCH', 'VIRTUAL SERVICE'],
    ...routeRows(configs).map((r) => [
      r.routeConfig,
      r.vhost,
      describeDomains(r.domains.split(', ')),
      r.match,
      r.virtualService,
    ]),
  ]);
}

/** `istioctl proxy-config clusters` as text: SERVICE FQDN, PORT, SUBSET, DIRECTION, TYPE, DESTINATION RULE. */
export function clustersTable(clusters: readonly EnvoyCluster[]): string {
  return alignColumns([
    ['SERVICE FQDN', 'PORT', 'SUBSET', 'DIRECTION', 'TYPE', 'DESTINATION RULE'],
    ...clusterRows(clusters).map((c) => [
      c.serviceFqdn,
      c.port ? String(c.port) : '-',
      c.subset || '-',
      c.direction || '-',
      c.type,
      c.destinationRule ? dotted(c.destinationRule) : '',
    ]),
  ]);
}
