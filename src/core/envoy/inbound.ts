import { rec, str, strMap } from '../model/read';
import type { MeshModel, ResourceBase } from '../model/types';
import { byCreation, labelsMatch } from './env';
import type { ChainMatch, FilterChain, Listener } from './listeners';
import { isHttpProtocol, ownServices, registry } from './registry';
import type { Env, Proxy } from './types';

/**
 * The sidecar's inbound side (`virtualInbound`, port 15006), as far as routing needs it: per port of the services
 * the proxy backs, filter chains for plaintext and for Istio mTLS as the PeerAuthentication mode in force allows
 * (`listener_inbound.go`, `authn` policy applier), and the passthrough chains for ports no service has.
 *
 * Chains, by mode (the sieve in `trace.ts` falls back to chains that leave a field unset, so every variant sets
 * the transport it takes):
 * - DISABLE: plaintext and TLS bytes alike reach the port's filter (HTTP ports: one chain for everything, so TLS
 *   there is a protocol error).
 * - PERMISSIVE: plaintext chains, mTLS chains (ALPN `istio*`) and, for non-HTTP ports, TLS passed through.
 * - STRICT: only TLS chains, each requiring Istio mTLS ("invalid mTLS" for other TLS).
 */

export type MtlsMode = 'DISABLE' | 'PERMISSIVE' | 'STRICT';

/** A chain of the inbound listener: an HCM to `routeConfig`, or a TCP proxy to `cluster`. */
export interface InboundChain extends FilterChain {
  /** The chain takes only Istio mTLS (a client certificate is required). */
  requiresMtls?: true;
}

export interface InboundListener extends Listener {
  chains: InboundChain[];
}

const HTTP_ALPN = ['http/1.1', 'h2c'];
const MTLS_HTTP_ALPN = ['istio-http/1.0', 'istio-http/1.1', 'istio-h2'];
const MTLS_TCP_ALPN = ['istio-peer-exchange', 'istio'];

function modeOf(v: unknown): MtlsMode | undefined {
  const m = str(rec(v).mode)?.toUpperCase();
  return m === 'DISABLE' || m === 'PERMISSIVE' || m === 'STRICT' ? m : undefined;
}

function isPeerAuthentication(r: ResourceBase): boolean {
  return r.kind === 'PeerAuthentication' && r.apiVersion.startsWith('security.istio.io/');
}

/**
 * The mTLS mode for the proxy: the oldest workload policy selecting it (and its `portLevelMtls`), else its
 * namespace's, else the mesh's (root namespace); `UNSET` inherits; none at all is PERMISSIVE.
 */
export function mtlsModes(
  model: MeshModel,
  proxy: Proxy,
  env: Env,
): { mode: MtlsMode; port: (port: number) => MtlsMode } {
  const policies = byCreation(model.others.filter(isPeerAuthentication), env);
  const selectorOf = (p: ResourceBase) => strMap(rec(rec(p.raw.spec).selector).matchLabels);
  const unselected = (p: ResourceBase) => Object.keys(selectorOf(p)).length === 0;
  const mesh = policies.find((p) => p.namespace === env.rootNamespace && unselected(p));
  const ns = policies.find((p) => p.namespace === proxy.namespace && unselected(p));
  const workload = policies.find(
    (p) => p.namespace === proxy.namespace && !unselected(p) && labelsMatch(selectorOf(p), proxy.labels),
  );
  const spec = (p: ResourceBase | undefined) => rec(p?.raw.spec);
  const mode =
    modeOf(spec(workload).mtls) ?? modeOf(spec(ns).mtls) ?? modeOf(spec(mesh).mtls) ?? 'PERMISSIVE';
  const portLevel = rec(spec(workload).portLevelMtls);
  return { mode, port: (port) => modeOf(portLevel[String(port)]) ?? mode };
}

type PortClass = 'http' | 'tcp' | 'auto';

function classOf(protocol: string): PortClass {
  if (isHttpProtocol(protocol)) return 'http';
  return protocol === '' || protocol === 'AUTO' ? 'auto' : 'tcp';
}

function portChains(port: number, cls: PortClass, mode: MtlsMode): InboundChain[] {
  const name = `0.0.0.0_${port}`;
  const routeConfig = `inbound|${port}||`;
  const cluster = `inbound|${port}||`;
  const at = (m: ChainMatch): ChainMatch => ({ destinationPort: port, ...m });
  const hcm = (m: ChainMatch, mtls = false): InboundChain => ({
    name,
    match: at(m),
    routeConfig,
    ...(mtls ? { terminatesTls: true as const, requiresMtls: true as const } : {}),
  });
  const tcp = (m: ChainMatch, mtls = false): InboundChain => ({
    name,
    match: at(m),
    cluster,
    ...(mtls ? { terminatesTls: true as const, requiresMtls: true as const } : {}),
  });
  const raw = 'raw_buffer' as const;
  const tls = 'tls' as const;
  if (mode === 'STRICT') {
    if (cls === 'http') return [hcm({ transportProtocol: tls }, true)];
    if (cls === 'tcp') return [tcp({ transportProtocol: tls }, true)];
    return [
      hcm({ transportProtocol: tls, applicationProtocols: MTLS_HTTP_ALPN }, true),
      tcp({ transportProtocol: tls }, true),
    ];
  }
  const permissive = mode === 'PERMISSIVE';
  const mtls: InboundChain[] = !permissive
    ? []
    : cls === 'http'
      ? [hcm({ transportProtocol: tls, applicationProtocols: MTLS_HTTP_ALPN }, true)]
      : cls === 'tcp'
        ? [tcp({ transportProtocol: tls, applicationProtocols: [...MTLS_TCP_ALPN, ...MTLS_HTTP_ALPN] }, true)]
        : [
            hcm({ transportProtocol: tls, applicationProtocols: MTLS_HTTP_ALPN }, true),
            tcp({ transportProtocol: tls, applicationProtocols: MTLS_TCP_ALPN }, true),
          ];
  if (cls === 'http') return [hcm(permissive ? { transportProtocol: raw } : {}), ...mtls];
  if (cls === 'tcp')
    return permissive
      ? [tcp({ transportProtocol: raw }), ...mtls, tcp({ transportProtocol: tls })]
      : [tcp({})];
  return [
    hcm({ transportProtocol: raw, applicationProtocols: HTTP_ALPN }),
    tcp({ transportProtocol: raw }),
    ...mtls,
    tcp({ transportProtocol: tls }),
  ];
}

function passthroughChains(mode: MtlsMode): InboundChain[] {
  const cluster = 'InboundPassthroughCluster';
  const mtls = { terminatesTls: true as const, requiresMtls: true as const };
  if (mode === 'STRICT')
    return [{ name: 'virtualInbound', match: { transportProtocol: 'tls' }, cluster, ...mtls }];
  return [
    {
      name: 'virtualInbound-catchall-http',
      match: { transportProtocol: 'raw_buffer', applicationProtocols: HTTP_ALPN },
      routeConfig: 'InboundPassthroughCluster',
    },
    { name: 'virtualInbound', match: { transportProtocol: 'raw_buffer' }, cluster },
    ...(mode === 'PERMISSIVE'
      ? [
          {
            name: 'virtualInbound',
            match: {
              transportProtocol: 'tls' as const,
              applicationProtocols: [...MTLS_TCP_ALPN, ...MTLS_HTTP_ALPN],
            },
            cluster,
            ...mtls,
          },
        ]
      : []),
    { name: 'virtualInbound', match: { transportProtocol: 'tls' }, cluster },
  ];
}

/** The ports of the services this proxy backs: the target port each listens on, and how it is read. */
function inboundPorts(model: MeshModel, proxy: Proxy, env: Env): Map<number, PortClass> {
  const out = new Map<number, PortClass>();
  for (const svc of ownServices(registry(model, env), proxy)) {
    for (const p of svc.ports) {
      if (p.protocol === 'UDP') continue;
      const port = p.targetPort ?? p.port;
      if (!out.has(port)) out.set(port, classOf(p.protocol));
    }
  }
  return out;
}

/** The `virtualInbound` listener of a sidecar. */
export function inboundListener(model: MeshModel, proxy: Proxy, env: Env): InboundListener {
  const modes = mtlsModes(model, proxy, env);
  const chains: InboundChain[] = [];
  for (const [port, cls] of inboundPorts(model, proxy, env))
    chains.push(...portChains(port, cls, modes.port(port)));
  chains.push(...passthroughChains(modes.mode));
  return { name: 'virtualInbound', address: '0.0.0.0', port: 15006, chains };
}

/** The virtual host of an inbound route configuration (`inbound|http|<port>`) and the cluster it sends to. */
export function inboundVirtualHost(routeConfig: string): { name: string; cluster: string } {
  const port = /^inbound\|(\d+)\|\|$/.exec(routeConfig)?.[1];
  return port === undefined
    ? { name: 'inbound|http|0', cluster: 'InboundPassthroughCluster' }
    : { name: `inbound|http|${port}`, cluster: `inbound|${port}||` };
}
