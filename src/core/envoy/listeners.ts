import { hostMatches } from '../model/hosts';
import { arr, num, rec, str, strList, type Rec } from '../model/read';
import type { MeshModel } from '../model/types';
import { cidrKey } from './cidr';
import { resolveConfigHost } from './env';
import { boundServers, httpRouteNameOf } from './gateway-servers';
import { gatewayViews, serverViews } from './gateway-routes';
import { isHttpProtocol, registry, visibleServices, type RegPort, type RegService } from './registry';
import { httpRouteName, sidecarViews } from './sidecar-routes';
import { clusterName } from './translate';
import type { Env, Proxy } from './types';
import type { VsView } from './vs-select';

/** Envoy's FilterChainMatch, the fields Istio sets. */
export interface ChainMatch {
  destinationPort?: number;
  prefixRanges?: string[];
  serverNames?: string[];
  transportProtocol?: 'tls' | 'raw_buffer';
  applicationProtocols?: string[];
}

export interface FilterChain {
  name: string;
  match: ChainMatch;
  /** An HTTP connection manager with this route configuration, or a TCP proxy to `cluster`. */
  routeConfig?: string;
  cluster?: string;
  /** The chain terminates TLS (a gateway's HTTPS server). */
  terminatesTls?: true;
}

export interface Listener {
  name: string;
  address: string;
  port: number;
  chains: FilterChain[];
  defaultChain?: FilterChain;
}

const HTTP_ALPN = ['http/1.1', 'h2c'];

// ALLOW_ANY_DYNAMIC_DNS: plaintext HTTP to an address no listener knows goes to Envoy's dynamic forward proxy
// (it resolves the Host header); TLS and other TCP still pass through (Istio's TestAllowAnyDynamicDNSPolicy and
// its sidecar simulation expectations).
const DYNAMIC_DNS_CHAIN: FilterChain = {
  name: 'virtualOutbound-dynamic-dns',
  match: { transportProtocol: 'raw_buffer', applicationProtocols: HTTP_ALPN },
  cluster: 'AllowAnyDynamicDNSCluster',
};

function passthrough(env: Env): FilterChain {
  const cluster = env.outboundTrafficPolicy === 'REGISTRY_ONLY' ? 'BlackHoleCluster' : 'PassthroughCluster';
  return { name: 'PassthroughFilterChain', match: {}, cluster };
}

function tcpDestination(route: Rec, port: number, ns: string, env: Env): string | undefined {
  const d = rec(rec(arr(route.route)[0]).destination);
  const host = str(d.host);
  if (host === undefined) return undefined;
  return clusterName(num(rec(d.port).number) ?? port, str(d.subset) ?? '', resolveConfigHost(host, ns, env));
}

function portApplies(route: Rec, port: number): boolean {
  const ms = arr(route.match).map(rec);
  return ms.length === 0 || ms.some((m) => num(m.port) === undefined || num(m.port) === port);
}

/** The TCP cluster for a service port: the first applying `tcp` route of the VirtualService that binds it. */
function tcpCluster(svc: RegService, port: number, views: readonly VsView[], env: Env): string {
  for (const v of views) {
    if (!v.hosts.some((h) => hostMatches(h, svc.hostname))) continue;
    for (const r of arr(rec(v.vs.raw.spec).tcp).map(rec)) {
      if (portApplies(r, port))
        return tcpDestination(r, port, v.vs.namespace, env) ?? clusterName(port, '', svc.hostname);
    }
  }
  return clusterName(port, '', svc.hostname);
}

/** TLS routes of the VirtualService binding a TLS port: one chain per route with its SNI hosts. */
function tlsChains(svc: RegService, port: number, views: readonly VsView[], env: Env): FilterChain[] {
  for (const v of views) {
    if (!v.hosts.some((h) => hostMatches(h, svc.hostname))) continue;
    const out: FilterChain[] = [];
    for (const r of arr(rec(v.vs.raw.spec).tls).map(rec)) {
      for (const m of arr(r.match).map(rec)) {
        if (num(m.port) !== undefined && num(m.port) !== port) continue;
        const sni = strList(m.sniHosts).map((h) => resolveConfigHost(h, v.vs.namespace, env));
        const cluster = tcpDestination(r, port, v.vs.namespace, env);
        if (cluster) out.push({ name: '', match: { serverNames: sni }, cluster });
      }
    }
    if (out.length) return out;
  }
  return [{ name: '', match: { serverNames: [svc.hostname] }, cluster: clusterName(port, '', svc.hostname) }];
}

function serviceChains(
  svc: RegService,
  p: RegPort,
  views: readonly VsView[],
  env: Env,
  bound: boolean,
): FilterChain[] {
  const rc = httpRouteName(svc, p.port, p.protocol);
  if (isHttpProtocol(p.protocol)) {
    return [
      {
        name: '',
        match: { transportProtocol: 'raw_buffer', applicationProtocols: HTTP_ALPN },
        routeConfig: rc,
      },
    ];
  }
  const tcp = tcpCluster(svc, p.port, views, env);
  if (p.protocol === 'AUTO') {
    const name = bound && svc.vips.length ? `${svc.hostname}:${p.port}` : rc;
    return [
      {
        name: '',
        match: { transportProtocol: 'raw_buffer', applicationProtocols: HTTP_ALPN },
        routeConfig: name,
      },
      { name: '', match: { transportProtocol: 'raw_buffer' }, cluster: tcp },
      { name: '', match: { transportProtocol: 'tls' }, cluster: tcp },
    ];
  }
  // A listener bound to the service's own address needs no SNI to tell services apart.
  if ((p.protocol === 'TLS' || p.protocol === 'HTTPS') && !bound) return tlsChains(svc, p.port, views, env);
  return [{ name: '', match: {}, cluster: tcp }];
}

/**
 * The sidecar's outbound listeners, as far as routing needs them: `0.0.0.0_<port>` for HTTP ports and for
 * services without a VIP, `<vip>_<port>` for TCP and sniffed ports of a service with one (each endpoint's
 * address for a headless Service), CIDR addresses as prefix ranges on `0.0.0.0_<port>`, and
 * `virtualOutbound` whose default chain passes unknown traffic through (or to the black hole).
 */
export function sidecarListeners(model: MeshModel, proxy: Proxy, env: Env): Listener[] {
  const services = visibleServices(registry(model, env), proxy.namespace);
  const views = sidecarViews(model, proxy, env);
  const listeners = new Map<string, Listener>();
  const add = (address: string, port: number, chains: FilterChain[], withDefault: boolean) => {
    const name = `${address}_${port}`;
    let l = listeners.get(name);
    if (!l) listeners.set(name, (l = { name, address, port, chains: [] }));
    for (const c of chains) {
      const key = JSON.stringify({ ...c.match, prefixRanges: c.match.prefixRanges?.map(cidrKey) });
      if (
        l.chains.some(
          (x) => JSON.stringify({ ...x.match, prefixRanges: x.match.prefixRanges?.map(cidrKey) }) === key,
        )
      )
        continue;
      l.chains.push(c);
    }
    if (withDefault && !l.defaultChain) l.defaultChain = passthrough(env);
  };
  for (const svc of services) {
    for (const p of svc.ports) {
      if (p.protocol === 'UDP' || p.port === 0) continue;
      if (isHttpProtocol(p.protocol)) {
        add('0.0.0.0', p.port, serviceChains(svc, p, views, env, false), true);
        continue;
      }
      const addresses = svc.vips.length ? svc.vips : svc.headless ? svc.endpointIps : [];
      for (const a of addresses) add(a, p.port, serviceChains(svc, p, views, env, true), false);
      if (svc.cidrs.length) {
        const chains = serviceChains(svc, p, views, env, false).map((c) => ({
          ...c,
          match: { ...c.match, prefixRanges: svc.cidrs },
        }));
        add('0.0.0.0', p.port, chains, true);
      }
      if (addresses.length === 0 && svc.cidrs.length === 0) {
        add('0.0.0.0', p.port, serviceChains(svc, p, views, env, false), true);
      }
    }
  }
  const out = [...listeners.values()];
  // Traffic sent to the proxy's own ports would loop: those go to the black hole.
  out.push({
    name: 'virtualOutbound',
    address: '0.0.0.0',
    port: 15001,
    chains: [
      ...[15001, 15006].map((port) => ({
        name: 'virtualOutbound-blackhole',
        match: { destinationPort: port },
        cluster: 'BlackHoleCluster',
      })),
      ...(env.outboundTrafficPolicy === 'ALLOW_ANY_DYNAMIC_DNS' ? [DYNAMIC_DNS_CHAIN] : []),
    ],
    defaultChain: passthrough(env),
  });
  return out;
}

/**
 * The gateway's listeners (`core/gateway.go`): `0.0.0.0_<port>` per listener port, one HTTP chain for
 * plaintext servers, one TLS-terminating chain per HTTPS server (SNI = its hosts), passthrough TLS routes by
 * SNI, and a TCP proxy for the first bound `tcp` route. A port whose servers route nothing has no listener.
 */
export function gatewayListeners(model: MeshModel, proxy: Proxy, env: Env): Listener[] {
  const views = gatewayViews(model, proxy, env);
  const listeners = new Map<number, Listener>();
  for (const b of boundServers(model, proxy, env)) {
    const port = b.listenerPort;
    const chains: FilterChain[] = [];
    const names = b.hosts.map((h) => h.host).filter((h) => h !== '*');
    if (b.cls === 'http') chains.push({ name: '', match: {}, routeConfig: httpRouteNameOf(b) });
    else if (b.cls === 'https') {
      chains.push({
        name: '',
        match: names.length ? { serverNames: names } : {},
        routeConfig: httpRouteNameOf(b),
        terminatesTls: true,
      });
    } else {
      for (const { view } of serverViews(views, b)) {
        const kind = b.cls === 'tls' ? 'tls' : 'tcp';
        for (const r of arr(rec(view.vs.raw.spec)[kind]).map(rec)) {
          if (!portApplies(r, b.serverPort)) continue;
          const cluster = tcpDestination(r, b.serverPort, view.vs.namespace, env);
          if (!cluster) continue;
          const sni = arr(r.match).flatMap((m) => strList(rec(m).sniHosts));
          chains.push({ name: '', match: kind === 'tls' && sni.length ? { serverNames: sni } : {}, cluster });
          if (kind === 'tcp') break;
        }
      }
    }
    if (chains.length === 0) continue;
    let l = listeners.get(port);
    if (!l) listeners.set(port, (l = { name: `0.0.0.0_${port}`, address: '0.0.0.0', port, chains: [] }));
    for (const c of chains) {
      // One HTTP chain per listener port; the same SNI route twice is dropped (first wins).
      const key = JSON.stringify([c.match, c.routeConfig, c.terminatesTls]);
      const dupe = l.chains.some((x) => JSON.stringify([x.match, x.routeConfig, x.terminatesTls]) === key);
      const sameSni =
        !c.routeConfig &&
        l.chains.some((x) => !x.routeConfig && JSON.stringify(x.match) === JSON.stringify(c.match));
      if (!dupe && !sameSni) l.chains.push(c);
    }
  }
  return [...listeners.values()];
}
