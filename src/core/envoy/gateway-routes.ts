import { hostMatches, hostsOverlap } from '../model/hosts';
import type { MeshModel } from '../model/types';
import { gatewayDomains } from './domains';
import { boundServers, httpRouteNameOf, type BoundServer } from './gateway-servers';
import { registry, visibleServices } from './registry';
import { withIngress, usesIngressSemantics } from './ingress';
import { isCatchAll, translateRules } from './translate';
import type { Env, EnvoyRoute, Proxy, RouteConfiguration, VirtualHost } from './types';
import { orderedVirtualServices, viewOf, type VsView } from './vs-select';

/** VirtualServices with hosts, in istiod's order, as a gateway in `proxy.namespace` sees them. */
export function gatewayViews(text: MeshModel, proxy: Proxy, env: Env): VsView[] {
  const model = withIngress(text, env);
  return orderedVirtualServices(model, proxy.namespace, env)
    .filter((vs) => vs.hosts.length > 0)
    .map((vs) => viewOf(model, vs, env));
}

/** The VirtualServices a server takes: bound to its Gateway, in a namespace its host allows, hosts overlapping. */
export function serverViews(views: readonly VsView[], b: BoundServer): { view: VsView; host: string }[] {
  const out: { view: VsView; host: string }[] = [];
  for (const sh of b.hosts) {
    for (const v of views) {
      if (!v.gateways.includes(b.gatewayKey)) continue;
      if (sh.ns !== '*' && sh.ns !== v.vs.namespace) continue;
      for (const h of v.hosts) {
        if (!hostsOverlap(sh.host, h)) continue;
        // The virtual host takes the narrower of the two names.
        out.push({ view: v, host: hostMatches(sh.host, h) ? h : sh.host });
      }
    }
  }
  return out;
}

/** Catch-all routes move to the end, the rest keep their order (`route.go` SortVHostRoutes). */
function catchAllsLast(routes: EnvoyRoute[]): EnvoyRoute[] {
  return [...routes.filter((r) => !isCatchAll(r.match)), ...routes.filter((r) => isCatchAll(r.match))];
}

/**
 * The gateway's HTTP route configurations (`core/gateway.go` buildGatewayHTTPRouteConfig): `http.<port>` for
 * plaintext servers on a listener port, `https.<port>.<portName>.<gw>.<ns>` per HTTPS server. A virtual host
 * `<host>:<serverPort>` per server host × VirtualService host, with the routes of every bound VirtualService
 * merged in order (catch-alls last); a route configuration with none gets `blackhole:<port>`.
 */
export function buildGatewayRoutes(model: MeshModel, proxy: Proxy, env: Env): RouteConfiguration[] {
  const servers = boundServers(model, proxy, env).filter((b) => b.cls === 'http' || b.cls === 'https');
  const views = gatewayViews(model, proxy, env);
  const services = new Map(
    visibleServices(registry(model, env), proxy.namespace).map((s) => [s.hostname, s]),
  );
  const groups = new Map<string, BoundServer[]>();
  for (const b of servers) {
    const name = httpRouteNameOf(b);
    groups.set(name, [...(groups.get(name) ?? []), b]);
  }
  const out: RouteConfiguration[] = [];
  for (const [name, group] of groups) {
    const vhosts = new Map<string, VirtualHost & { seen: Set<string> }>();
    const vhostFor = (host: string, port: number) => {
      const key = `${host}:${port}`;
      let vh = vhosts.get(key);
      if (!vh)
        vhosts.set(key, (vh = { name: key, domains: gatewayDomains(host), routes: [], seen: new Set() }));
      return vh;
    };
    for (const b of group) {
      const ctx = { port: b.serverPort, proxy, gateway: b.gatewayKey, env, services };
      for (const { view, host } of serverViews(views, b)) {
        const vh = vhostFor(host, b.serverPort);
        if (b.httpsRedirect) vh.requireTls = true;
        for (const r of translateRules(
          view.http,
          view.key,
          view.vs.namespace,
          ctx,
          usesIngressSemantics(view.vs),
        )) {
          const k = JSON.stringify([r.name, r.match, r.virtualService, r.source]);
          if (vh.seen.has(k)) continue;
          vh.seen.add(k);
          vh.routes.push(r);
        }
      }
      if (b.httpsRedirect) for (const sh of b.hosts) vhostFor(sh.host, b.serverPort).requireTls = true;
    }
    const list: VirtualHost[] = [...vhosts.values()]
      .map(({ seen: _seen, ...vh }) => ({ ...vh, routes: catchAllsLast(vh.routes) }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (list.length === 0)
      list.push({ name: `blackhole:${group[0]?.listenerPort ?? 0}`, domains: ['*'], routes: [] });
    out.push({ name, virtualHosts: list });
  }
  return out;
}
