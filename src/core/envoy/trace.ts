import { compileRegex } from '../simulate/string-match';
import type { MeshModel } from '../model/types';
import { longestMatch } from './cidr';
import { envOf } from './env';
import { memoOnModel } from './memo';
import { inboundListener, inboundVirtualHost, type InboundChain } from './inbound';
import {
  gatewayListeners,
  sidecarListeners,
  type ChainMatch,
  type FilterChain,
  type Listener,
} from './listeners';
import { buildGatewayRoutes } from './gateway-routes';
import { buildSidecarRoutes, type IgnoredVirtualService } from './sidecar-routes';
import type {
  EnvoyRoute,
  Env,
  Proxy,
  RouteConfiguration,
  StringMatcher,
  TraceRequest,
  TraceResult,
  VirtualHost,
} from './types';

/** A request with Istio's simulation defaults filled in (`simulation.Call.FillDefaults`). */
interface Call extends TraceRequest {
  path: string;
  tls: 'plaintext' | 'tls' | 'mtls';
  address: string;
  sni: string;
  alpn: string;
}

function fillDefaults(r: TraceRequest): Call {
  const tls = r.tls ?? 'plaintext';
  const protocol = r.protocol ?? '';
  const alpn =
    r.alpn ??
    (tls === 'tls'
      ? protocol === 'http'
        ? 'http/1.1'
        : protocol === 'http2'
          ? 'h2'
          : ''
      : tls === 'mtls'
        ? protocol === 'http'
          ? 'istio-http/1.1'
          : protocol === 'http2'
            ? 'istio-h2'
            : 'istio'
        : '');
  return {
    ...r,
    path: r.path ?? '/',
    tls,
    address: r.address ?? '1.3.3.7',
    sni: r.sni ?? (tls === 'tls' ? (r.host ?? '') : ''),
    alpn,
  };
}

function matchListener(listeners: readonly Listener[], call: Call): Listener | undefined {
  return (
    listeners.find((l) => l.address === call.address && l.port === call.port) ??
    listeners.find((l) => l.address === '0.0.0.0' && l.port === call.port && l.name !== 'virtualOutbound') ??
    listeners.find((l) => l.name === 'virtualOutbound')
  );
}

/**
 * One step of Envoy's filter-chain sieve as Istio's simulator runs it: when some chain sets the field, keep
 * the chains that match; if none does, keep those that do not set it.
 */
function sieve(
  chains: FilterChain[],
  set: (m: ChainMatch) => boolean,
  ok: (m: ChainMatch) => boolean,
): FilterChain[] {
  if (!chains.some((c) => set(c.match))) return chains;
  const hit = chains.filter((c) => ok(c.match));
  return hit.length ? hit : chains.filter((c) => !set(c.match));
}

function sniMatches(sni: string, names: readonly string[]): boolean {
  return names.some((n) => n === sni || (n.startsWith('*') && sni.endsWith(n.slice(1))));
}

function matchChain(l: Listener, call: Call): FilterChain | string {
  let chains = sieve(
    l.chains,
    (m) => m.destinationPort !== undefined,
    (m) => m.destinationPort === call.port,
  );
  // Envoy keeps the most specific destination range (the simulator's trie would keep every range that holds it).
  const best = Math.max(
    ...chains.map((c) => (c.match.prefixRanges ? longestMatch(c.match.prefixRanges, call.address) : -1)),
  );
  chains = sieve(
    chains,
    (m) => m.prefixRanges !== undefined,
    (m) => m.prefixRanges !== undefined && best >= 0 && longestMatch(m.prefixRanges, call.address) === best,
  );
  chains = sieve(
    chains,
    (m) => (m.serverNames?.length ?? 0) > 0,
    (m) => sniMatches(call.sni, m.serverNames ?? []),
  );
  chains = sieve(
    chains,
    (m) => m.transportProtocol !== undefined,
    (m) => (m.transportProtocol === 'tls') === (call.tls !== 'plaintext'),
  );
  chains = sieve(
    chains,
    (m) => m.applicationProtocols !== undefined,
    (m) => (m.applicationProtocols ?? []).includes(call.alpn),
  );
  if (chains.length > 1) return 'multiple filter chains matched';
  return chains[0] ?? l.defaultChain ?? 'no filter chains matched';
}

/** Envoy's virtual host choice: exact domain, then longest `*suffix`, then longest `prefix*`, then `*`. */
export function matchVirtualHost(rc: RouteConfiguration, host: string): VirtualHost | undefined {
  const vhs = rc.virtualHosts;
  const exact = vhs.find((v) => v.domains.includes(host));
  if (exact) return exact;
  let best: VirtualHost | undefined;
  let longest = 0;
  for (const v of vhs) {
    for (const d of v.domains) {
      if (
        d.length > 1 &&
        d.startsWith('*') &&
        host.length >= d.length &&
        host.endsWith(d.slice(1)) &&
        d.length > longest
      ) {
        best = v;
        longest = d.length;
      }
    }
  }
  if (best) return best;
  for (const v of vhs) {
    for (const d of v.domains) {
      if (
        d.length > 1 &&
        d.endsWith('*') &&
        host.length >= d.length &&
        host.startsWith(d.slice(0, -1)) &&
        d.length > longest
      ) {
        best = v;
        longest = d.length;
      }
    }
  }
  return best ?? vhs.find((v) => v.domains.includes('*'));
}

function stringOk(m: StringMatcher, value: string | undefined, caseSensitive = true): boolean {
  if (m.present) return value !== undefined;
  if (value === undefined) return false;
  const fold = (s: string) => (caseSensitive ? s : s.toLowerCase());
  if (m.exact !== undefined) return fold(value) === fold(m.exact);
  if (m.prefix !== undefined) return fold(value).startsWith(fold(m.prefix));
  if (m.safeRegex !== undefined) {
    const re = compileRegex(m.safeRegex);
    return typeof re !== 'string' && re.test(value);
  }
  return true;
}

function segmentPrefixOk(prefix: string, path: string, caseSensitive: boolean): boolean {
  const p = caseSensitive ? prefix : prefix.toLowerCase();
  const v = caseSensitive ? path : path.toLowerCase();
  return v === p || v.startsWith(`${p}/`);
}

/**
 * True when a route matches the request, every field evaluated (Envoy's semantics: regexes match the whole
 * value). Istio's simulator looks at the path only; no case of its corpus depends on the difference.
 */
export function routeMatches(r: EnvoyRoute, call: TraceRequest): boolean {
  const full = call.path ?? '/';
  const q = full.indexOf('?');
  const path = q < 0 ? full : full.slice(0, q);
  const m = r.match;
  const cs = m.caseSensitive !== false;
  if (m.path !== undefined && !stringOk({ exact: m.path }, path, cs)) return false;
  if (m.prefix !== undefined && !stringOk({ prefix: m.prefix }, path, cs)) return false;
  if (m.pathSeparatedPrefix !== undefined && !segmentPrefixOk(m.pathSeparatedPrefix, path, cs)) return false;
  if (m.safeRegex !== undefined && !stringOk({ safeRegex: m.safeRegex }, path)) return false;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(call.headers ?? {})) headers[k.toLowerCase()] = v;
  if (call.method) headers[':method'] = call.method.toUpperCase();
  if (call.host) headers[':authority'] = call.host;
  headers[':scheme'] ??= call.tls === 'plaintext' || call.tls === undefined ? 'http' : 'https';
  for (const h of m.headers ?? []) if (stringOk(h, headers[h.name]) === Boolean(h.invertMatch)) return false;
  const query = new URLSearchParams(q < 0 ? '' : full.slice(q + 1));
  for (const p of m.queryParameters ?? []) if (!stringOk(p, query.get(p.name) ?? undefined)) return false;
  return true;
}

/** A trace with what the simulator explains it by: the virtual host's routes, and the VirtualServices ignored. */
export interface TraceDetail {
  result: TraceResult;
  /** The virtual host the request reached, whole (every route in Envoy's order). */
  virtualHost: VirtualHost | undefined;
  /** VirtualServices this sidecar drops because an earlier one holds the host (every host; empty at gateways). */
  ignored: IgnoredVirtualService[];
}

/** A call to the sidecar's own ports (`virtualInbound`): filter chain by mTLS mode, then HCM or TCP proxy. */
function traceInbound(model: MeshModel, proxy: Proxy, call: Call, env: Env): TraceResult {
  const l = inboundListener(model, proxy, env);
  if (call.tls === 'plaintext') {
    call.alpn = call.protocol === 'http' ? 'http/1.1' : call.protocol === 'http2' ? 'h2c' : '';
  }
  const fc: InboundChain | string = matchChain(l, call);
  if (typeof fc === 'string') return { listener: l.name, error: fc };
  const base: TraceResult = { listener: l.name, filterChain: fc.name };
  if (fc.requiresMtls && call.tls !== 'mtls') return { ...base, error: 'invalid mTLS' };
  if (fc.routeConfig === undefined) return { ...base, cluster: fc.cluster };
  if (call.tls !== 'plaintext' && !fc.terminatesTls) return { ...base, error: 'protocol error' };
  if (call.protocol !== 'http' && call.protocol !== 'http2') return { ...base, error: 'protocol error' };
  // One virtual host for every domain, one route for every path: the request reaches the port's cluster.
  const vh = inboundVirtualHost(fc.routeConfig);
  return { ...base, routeConfig: fc.routeConfig, virtualHost: vh.name, route: '', cluster: vh.cluster };
}

function httpResult(
  rc: RouteConfiguration | undefined,
  call: Call,
  base: TraceResult,
): { result: TraceResult; vh?: VirtualHost } {
  const host = (call.host ?? '').toLowerCase();
  const vh = rc ? (matchVirtualHost(rc, host) ?? matchVirtualHost(rc, host.replace(/:\d+$/, ''))) : undefined;
  if (!vh) return { result: { ...base, error: 'no virtual host matched' } };
  const withVh = { ...base, virtualHost: vh.name };
  if (vh.requireTls && call.tls === 'plaintext')
    return { result: { ...withVh, error: 'tls required, sending 301' }, vh };
  const route = vh.routes.find((r) => routeMatches(r, call));
  if (!route) return { result: { ...withVh, error: 'no route matched' }, vh };
  const out: TraceResult = { ...withVh, route: route.name, envoyRoute: route };
  if (route.route && 'cluster' in route.route) out.cluster = route.route.cluster;
  if (route.route && 'weightedClusters' in route.route) out.weightedClusters = route.route.weightedClusters;
  return { result: out, vh };
}

/**
 * Follows a request through the config istiod would give `proxy`, as Istio's `pilot/pkg/simulation` does:
 * listener (exact `address_port`, then `0.0.0.0_port`, then `virtualOutbound`), filter chain, route
 * configuration, virtual host, route, cluster. Errors are Istio's texts (`no route matched`, …).
 */
export function trace(
  model: MeshModel,
  proxy: Proxy,
  request: TraceRequest,
  env: Partial<Env> = {},
): TraceResult {
  return traceDetailed(model, proxy, request, env).result;
}

/**
 * `trace`, plus the virtual host reached and the sidecar's ignored VirtualServices, from the same build of the
 * route tables (the simulator explains its answer with them, so they cannot differ from it).
 */
export function traceDetailed(
  model: MeshModel,
  proxy: Proxy,
  request: TraceRequest,
  env: Partial<Env> = {},
): TraceDetail {
  const e = envOf(env);
  const call = fillDefaults(request);
  const only = (result: TraceResult): TraceDetail => ({ result, virtualHost: undefined, ignored: [] });
  if (call.callMode === 'inbound') return only(traceInbound(model, proxy, call, e));
  if (call.alpn !== '' && call.tls === 'plaintext')
    return only({ error: 'invalid call, ALPN can only be sent in TLS requests' });
  const key = JSON.stringify([proxy, e]);
  const listeners = memoOnModel(model, `listeners ${key}`, () =>
    proxy.kind === 'gateway' ? gatewayListeners(model, proxy, e) : sidecarListeners(model, proxy, e),
  );
  const l = matchListener(listeners, call);
  if (!l) return only({ error: 'no listener matched' });
  // Sidecar listeners sniff plaintext HTTP (the HTTP inspector sets the ALPN).
  if (proxy.kind === 'sidecar' && call.tls === 'plaintext') {
    call.alpn = call.protocol === 'http' ? 'http/1.1' : call.protocol === 'http2' ? 'h2c' : '';
  }
  const fc = matchChain(l, call);
  if (typeof fc === 'string') return only({ listener: l.name, error: fc });
  const base: TraceResult = { listener: l.name, filterChain: fc.name };
  if (fc.terminatesTls && call.tls === 'plaintext') return only({ ...base, error: 'invalid TLS' });
  if (fc.routeConfig !== undefined) {
    if (call.tls !== 'plaintext' && !fc.terminatesTls) return only({ ...base, error: 'protocol error' });
    if (call.protocol !== 'http' && call.protocol !== 'http2')
      return only({ ...base, error: 'protocol error' });
    const built = memoOnModel(model, `routes ${key}`, () =>
      proxy.kind === 'gateway'
        ? { routes: buildGatewayRoutes(model, proxy, e), ignored: [] }
        : buildSidecarRoutes(model, proxy, e),
    );
    const rc = built.routes.find((r) => r.name === fc.routeConfig);
    const h = httpResult(rc, call, { ...base, routeConfig: fc.routeConfig });
    return { result: h.result, virtualHost: h.vh, ignored: built.ignored };
  }
  return only(fc.cluster !== undefined ? { ...base, cluster: fc.cluster } : base);
}
