import { arr, rec, strMap } from '../model/read';
import type { Gateway, GatewayServer, MeshModel } from '../model/types';
import { byCreation, labelsMatch } from './env';
import { withIngress } from './ingress';
import { ownServices, registry, type RegService } from './registry';
import type { Env, Proxy } from './types';

export type ServerClass = 'http' | 'https' | 'tls' | 'tcp';

/** A Gateway server bound to this proxy, with the port its listener really uses. */
export interface BoundServer {
  gateway: Gateway;
  /** `ns/name`. */
  gatewayKey: string;
  server: GatewayServer;
  serverPort: number;
  /** The gateway Service's target port for the server port (`0.0.0.0_8080` for port 80 → 8080). */
  listenerPort: number;
  cls: ServerClass;
  /** Server hosts split into their namespace part (`*` when none) and host. */
  hosts: { ns: string; host: string }[];
  httpsRedirect: boolean;
}

const SERVICE_ANNOTATION = 'internal.istio.io/gateway-service';
const NO_TRANSLATION = 'experimental.istio.io/disable-gateway-port-translation';

function classOf(server: GatewayServer): ServerClass {
  const p = (server.protocol ?? '').toUpperCase();
  if (p === 'HTTPS')
    return server.tlsMode === 'PASSTHROUGH' || server.tlsMode === 'AUTO_PASSTHROUGH' ? 'tls' : 'https';
  if (p === 'TLS') return 'tls';
  if (p === 'HTTP' || p === 'HTTP2' || p === 'GRPC') return 'http';
  return 'tcp';
}

function splitHost(h: string, gwNs: string): { ns: string; host: string } {
  const slash = h.indexOf('/');
  if (slash < 0) return { ns: '*', host: h.toLowerCase() };
  const ns = h.slice(0, slash);
  return { ns: ns === '.' ? gwNs : ns, host: h.slice(slash + 1).toLowerCase() };
}

/**
 * The gateways that configure this proxy: one naming a Service the proxy belongs to in the
 * `internal.istio.io/gateway-service` annotation, or one whose selector matches its labels (an empty selector
 * matches every gateway).
 */
function boundGateways(text: MeshModel, proxy: Proxy, own: readonly RegService[], env: Env) {
  const model = withIngress(text, env);
  const ownHosts = new Set(own.map((s) => s.hostname));
  const out: { gw: Gateway; services: RegService[] | undefined }[] = [];
  for (const gw of byCreation(model.gateways, env)) {
    const annotation = strMap(rec(gw.raw.metadata).annotations)[SERVICE_ANNOTATION];
    if (annotation !== undefined) {
      const names = annotation.split(',').map((s) => s.trim().toLowerCase());
      if (names.some((n) => ownHosts.has(n)))
        out.push({ gw, services: own.filter((s) => names.includes(s.hostname)) });
    } else if (labelsMatch(gw.selector, proxy.labels)) {
      // No selector applies to every gateway proxy (`push_context.go`: "no selector. Applies to all workloads").
      out.push({ gw, services: undefined });
    }
  }
  return out;
}

// `sanitizeServerHostNamespace`: `./h` is in the Gateway's namespace, a host without one in any (`*` + `/h`).
function sanitizedHost(h: string, gwNs: string): string {
  const slash = h.indexOf('/');
  if (slash < 0) return `*/${h}`;
  return h.slice(0, slash) === '.' ? `${gwNs}/${h.slice(slash + 1)}` : h;
}

/**
 * Every server of the proxy's gateways with its listener port, in config order. Port translation follows
 * `core/gateway.go`: a server port that is a port of the gateway's Service listens on its target port; with
 * the service annotation, a server port the Service lacks gets no listener. On one listener port the first
 * server's kind (HTTP, HTTPS/TLS, TCP) wins and the other kinds are dropped (istio/istio#27481).
 */
export function boundServers(model: MeshModel, proxy: Proxy, env: Env): BoundServer[] {
  const own = ownServices(registry(model, env), proxy);
  const translatable = own.filter((s) => s.labels[NO_TRANSLATION] !== 'true');
  const out: BoundServer[] = [];
  const kindByPort = new Map<number, string>();
  const tlsHostsByPort = new Map<number, Set<string>>();
  for (const { gw, services } of boundGateways(model, proxy, own, env)) {
    for (const server of gw.servers) {
      if (server.port === undefined) continue;
      const pool = services ?? translatable;
      const svcPort = pool.flatMap((s) => s.ports).find((p) => p.port === server.port);
      if (services && !svcPort) continue;
      const listenerPort = svcPort?.targetPort ?? server.port;
      const cls = classOf(server);
      const kind = cls === 'http' ? 'http' : cls === 'tcp' ? 'tcp' : 'tls';
      const first = kindByPort.get(listenerPort);
      if (first !== undefined && first !== kind) continue;
      kindByPort.set(listenerPort, kind);
      // A second TCP server on a port is a duplicate: the first one (config order) keeps it (istio/istio#21394).
      if (cls === 'tcp' && out.some((o) => o.cls === 'tcp' && o.listenerPort === listenerPort)) continue;
      // A TLS server naming a host an earlier TLS server of the port has is skipped whole (`model/gateway.go`
      // mergeGateways, CheckDuplicates): the first one in config order keeps the host.
      if (kind === 'tls') {
        const known = tlsHostsByPort.get(listenerPort) ?? new Set<string>();
        const hosts = server.hosts.map((h) => sanitizedHost(h, gw.namespace));
        if (hosts.some((h) => known.has(h))) continue;
        for (const h of hosts) known.add(h);
        tlsHostsByPort.set(listenerPort, known);
      }
      const rawServer = rec(arr(rec(gw.raw.spec).servers)[server.index]);
      out.push({
        gateway: gw,
        gatewayKey: `${gw.namespace}/${gw.name}`,
        server,
        serverPort: server.port,
        listenerPort,
        cls,
        hosts: server.hosts.map((h) => splitHost(h, gw.namespace)),
        httpsRedirect: rec(rawServer.tls).httpsRedirect === true && cls === 'http',
      });
    }
  }
  return out;
}

/** `https.<port>.<portName>.<gateway>.<namespace>` (`model/gateway.go` gatewayRDSRouteName). */
export function httpsRouteName(b: BoundServer): string {
  return `https.${b.serverPort}.${b.server.portName ?? ''}.${b.gateway.name}.${b.gateway.namespace}`;
}

export function httpRouteNameOf(b: BoundServer): string {
  return b.cls === 'https' ? httpsRouteName(b) : `http.${b.listenerPort}`;
}
