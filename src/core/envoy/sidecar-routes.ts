import type { MeshModel } from '../model/types';
import { hostMatches } from '../model/hosts';
import { serviceDomains } from './domains';
import { isHttpProtocol, registry, visibleServices, type RegService } from './registry';
import { defaultRoute, translateRules, type TranslateContext } from './translate';
import type { Env, EnvoyRoute, Proxy, RouteConfiguration, VirtualHost } from './types';
import { orderedVirtualServices, viewOf, type VsView } from './vs-select';

/** A VirtualService a sidecar drops for a host because an earlier one holds it (Istio's IST0109 case). */
export interface IgnoredVirtualService {
  virtualService: string;
  host: string;
  port: number;
  /** `ns/name` of the VirtualService that won the host. */
  winner: string;
}

export interface SidecarRoutes {
  routes: RouteConfiguration[];
  ignored: IgnoredVirtualService[];
}

/** The listener a service port is served on: plain HTTP on `0.0.0.0_<port>`, sniffed ports on the VIP. */
export function httpRouteName(svc: RegService, port: number, protocol: string): string | undefined {
  if (isHttpProtocol(protocol)) return String(port);
  if (protocol === 'AUTO') return svc.vips.length > 0 ? `${svc.hostname}:${port}` : String(port);
  return undefined;
}

/** VirtualServices that apply to sidecars (`mesh`), with at least one host. */
export function sidecarViews(model: MeshModel, proxy: Proxy, env: Env): VsView[] {
  return orderedVirtualServices(model, proxy.namespace, env)
    .filter((vs) => vs.hosts.length > 0)
    .map((vs) => viewOf(model, vs, env))
    .filter((v) => v.gateways.includes('mesh'));
}

/**
 * Which VirtualService binds a service: the first with the exact hostname; else the first with the most
 * specific wildcard covering it. The others naming the same host are ignored.
 */
function bindingOf(
  views: readonly VsView[],
  svc: RegService,
): { winner: VsView | undefined; losers: VsView[] } {
  const exact = views.filter((v) => v.hosts.includes(svc.hostname));
  if (exact.length) return { winner: exact[0], losers: exact.slice(1) };
  let best: VsView[] = [];
  let bestLen = -1;
  for (const v of views) {
    for (const h of v.hosts) {
      if (h === svc.hostname || !hostMatches(h, svc.hostname)) continue;
      if (h.length > bestLen) {
        best = [v];
        bestLen = h.length;
      } else if (h.length === bestLen && !best.includes(v)) best.push(v);
    }
  }
  return { winner: best[0], losers: best.slice(1) };
}

function catchAll(env: Env): VirtualHost {
  // ALLOW_ANY_DYNAMIC_DNS differs from ALLOW_ANY only here: plaintext HTTP to an unknown host resolves the
  // Host header by DNS (Istio's simulation tests expect AllowAnyDynamicDNSCluster; TCP and TLS still pass through).
  const cluster =
    env.outboundTrafficPolicy === 'ALLOW_ANY_DYNAMIC_DNS'
      ? 'AllowAnyDynamicDNSCluster'
      : 'PassthroughCluster';
  return env.outboundTrafficPolicy !== 'REGISTRY_ONLY'
    ? {
        name: 'allow_any',
        domains: ['*'],
        routes: [{ name: 'allow_any', match: { prefix: '/' }, route: { cluster } }],
      }
    : {
        name: 'block_all',
        domains: ['*'],
        routes: [{ name: 'block_all', match: { prefix: '/' }, directResponse: { status: 502 } }],
      };
}

/**
 * The sidecar's outbound HTTP route configurations (`httproute.go` BuildSidecarOutboundVirtualHosts): one per
 * HTTP port (`"9080"`), shared by every service on it, plus `<fqdn>:<port>` for a sniffed port on a VIP. Each
 * service gets a virtual host `<fqdn>:<port>` with the routes of the VirtualService that binds it (or
 * `default`); a VirtualService host outside the registry gets one on port 80. Virtual hosts are sorted by name
 * and end with the catch-all (`allow_any` or `block_all`).
 */
export function buildSidecarRoutes(model: MeshModel, proxy: Proxy, env: Env): SidecarRoutes {
  const services = visibleServices(registry(model, env), proxy.namespace);
  const byHost = new Map(services.map((s) => [s.hostname, s]));
  const views = sidecarViews(model, proxy, env);
  const ignored: IgnoredVirtualService[] = [];
  // route config name → [service, port]
  const configs = new Map<string, { port: number; members: RegService[] }>();
  for (const svc of services) {
    for (const p of svc.ports) {
      const name = httpRouteName(svc, p.port, p.protocol);
      if (name === undefined) continue;
      const c = configs.get(name) ?? { port: p.port, members: [] };
      c.members.push(svc);
      configs.set(name, c);
    }
  }
  // VirtualService hosts that name no service get a virtual host on port 80.
  const orphanHosts = views.flatMap((v) =>
    v.http.length === 0
      ? []
      : v.hosts
          .filter((h) => !services.some((s) => hostMatches(h, s.hostname) || s.hostname === h))
          .map((h) => ({ v, h })),
  );
  if (orphanHosts.length && !configs.has('80')) configs.set('80', { port: 80, members: [] });

  const out: RouteConfiguration[] = [];
  for (const [name, { port, members }] of configs) {
    const sniffed = name.includes(':');
    const ctx: TranslateContext = { port, proxy, gateway: 'mesh', env, services: byHost };
    const built: { vh: VirtualHost; order: number }[] = [];
    const used = new Set<string>();
    const add = (vh: VirtualHost, order: number) => {
      vh.domains = sniffed ? ['*'] : vh.domains.filter((d) => !used.has(d));
      vh.domains.forEach((d) => used.add(d));
      if (vh.domains.length) built.push({ vh, order });
    };
    // VirtualService-bound hosts first, in VirtualService order: they claim their domains before plain services.
    const bound = members.map((svc) => ({ svc, ...bindingOf(views, svc) }));
    for (const b of bound) {
      for (const l of b.losers) {
        if (b.winner)
          ignored.push({ virtualService: l.key, host: b.svc.hostname, port, winner: b.winner.key });
      }
    }
    views.forEach((v, vi) => {
      for (const b of bound) {
        if (b.winner !== v) continue;
        add(
          {
            name: `${b.svc.hostname}:${port}`,
            domains: serviceDomains(b.svc, proxy.namespace, env),
            routes: translateRules(v.http, v.key, v.vs.namespace, ctx),
          },
          vi,
        );
      }
      if (port === 80 && !sniffed) {
        for (const o of orphanHosts)
          if (o.v === v)
            add(
              {
                name: `${o.h}:80`,
                domains: [o.h],
                routes: translateRules(v.http, v.key, v.vs.namespace, ctx),
              },
              vi,
            );
      }
    });
    for (const b of bound) {
      if (b.winner) continue;
      const routes: EnvoyRoute[] = [defaultRoute(b.svc.hostname, port)];
      add(
        { name: `${b.svc.hostname}:${port}`, domains: serviceDomains(b.svc, proxy.namespace, env), routes },
        views.length,
      );
    }
    const vhosts = built.map((b) => b.vh).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (!sniffed) vhosts.push(catchAll(env));
    out.push({ name, virtualHosts: vhosts });
  }
  out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { routes: out, ignored: dedupeIgnored(ignored) };
}

function dedupeIgnored(list: IgnoredVirtualService[]): IgnoredVirtualService[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const k = `${i.virtualService}|${i.host}|${i.port}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
