import { clusterName } from '../envoy/translate';
import { trace } from '../envoy/trace';
import type { Env, Proxy, TraceRequest, TraceResult } from '../envoy/types';
import type { MeshModel } from '../model/types';
import { findGateway, requestGateway } from './gateways';
import type { SimRequest, SimResult } from './types';

/** What Envoy names along the simulated request's path (core/envoy's trace), beside the simulator's own answer. */
export interface EnvoyNames {
  /** The proxy traced: the client's sidecar, or the gateway's pods. */
  proxy: Proxy;
  listener: string | undefined;
  routeConfig: string | undefined;
  virtualHost: string | undefined;
  /** The Envoy route's name (a VirtualService rule's `name`; often empty). */
  route: string | undefined;
  /** The VirtualService rule the Envoy route came from, as the simulator's `data-rule` writes it: `ns/name#http[0]`. */
  rule: string | undefined;
  /** Envoy cluster names the request goes to (each once, in route order); empty for a redirect or direct response. */
  clusters: string[];
  /** Istio's simulation text when Envoy finds no route (`no route matched`, …). */
  error: string | undefined;
  /**
   * Set when the Envoy tables and the simulator's walk of the VirtualServices send the request to different
   * clusters: says both, so the person sees the disagreement instead of one silently winning.
   */
  disagreement: string | undefined;
}

/** The proxy that routes the request: the gateway's pods (its selector), or the sidecar of the client. */
export function proxyOf(model: MeshModel, req: SimRequest): Proxy | undefined {
  const gateway = requestGateway(model, req.gateway);
  if (gateway === 'mesh')
    return { kind: 'sidecar', namespace: req.sourceNamespace, labels: req.sourceLabels };
  const gw = findGateway(model, gateway);
  return gw && { kind: 'gateway', namespace: gw.namespace, labels: gw.selector };
}

function traceRequest(req: SimRequest, port: number): TraceRequest {
  const host = (req.authority ?? req.host).trim().replace(/:\d+$/, '');
  const query = Object.entries(req.query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  if (req.protocol === 'tcp') return { host, port, protocol: 'tcp' };
  if (req.protocol === 'tls') return { host, port, protocol: 'tcp', tls: 'tls', sni: req.sniHost ?? host };
  return {
    host,
    port,
    protocol: 'http',
    path: `${req.path || '/'}${query ? `?${query}` : ''}`,
    method: req.method,
    headers: req.headers,
  };
}

function clustersOf(t: TraceResult): string[] {
  if (t.cluster) return [t.cluster];
  return [...new Set((t.weightedClusters ?? []).map((w) => w.name))];
}

/** The cluster names the simulator's destinations stand for (Envoy's naming of host, port and subset). */
export function simulatorClusters(result: SimResult): string[] {
  const names = result.destinations.flatMap((d) => {
    const port = d.port ?? result.port;
    return port === undefined ? [] : [clusterName(port, d.subset ?? '', d.fqdn)];
  });
  return [...new Set(names)];
}

/** `ns/name#http[i]` of the rule an Envoy route was made from. */
function ruleOf(t: TraceResult): string | undefined {
  const src = t.envoyRoute?.source;
  if (!src) return undefined;
  return `${src.ref.slice(src.ref.indexOf(' ') + 1)}#http[${src.httpIndex}]`;
}

const BUILTIN = new Set(['PassthroughCluster', 'BlackHoleCluster']);

function disagreement(result: SimResult, t: TraceResult, envoy: readonly string[]): string | undefined {
  const rule = ruleOf(t);
  if (rule !== undefined && result.rule && rule !== result.rule.id) {
    return `Envoy's tables take rule ${rule}; the VirtualService walk takes ${result.rule.id}.`;
  }
  const sim = simulatorClusters(result);
  // Nothing to compare when the walk names no destination (no match, redirect, a host nothing knows) and Envoy
  // names none of the registry either (its passthrough and blackhole clusters are how it says the same).
  if (sim.length === 0 && envoy.every((c) => BUILTIN.has(c))) return undefined;
  const same = sim.length === envoy.length && sim.every((c) => envoy.includes(c));
  if (same) return undefined;
  const envoySays = envoy.length ? envoy.join(', ') : (t.error ?? 'no cluster');
  return `Envoy's tables send this request to ${envoySays}; the VirtualService walk says ${sim.length ? sim.join(', ') : 'none'}.`;
}

/**
 * Traces the simulator's request through the config istiod would give its proxy (core/envoy): the route
 * configuration, virtual host, route and cluster names, and whether they agree with `result`. Undefined when
 * there is no proxy to trace (the gateway does not exist) or no port is known.
 */
export function envoyNamesFor(
  model: MeshModel,
  req: SimRequest,
  result: SimResult,
  env: Partial<Env> = {},
): EnvoyNames | undefined {
  const proxy = proxyOf(model, req);
  const port = result.port ?? req.port;
  if (!proxy || port === undefined) return undefined;
  const t = trace(model, proxy, traceRequest(req, port), env);
  const clusters = clustersOf(t);
  return {
    proxy,
    listener: t.listener,
    routeConfig: t.routeConfig,
    virtualHost: t.virtualHost,
    route: t.route,
    rule: ruleOf(t),
    clusters,
    error: t.error,
    disagreement: disagreement(result, t, clusters),
  };
}
