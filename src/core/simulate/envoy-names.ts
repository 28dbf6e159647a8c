import { clusterName } from '../envoy/translate';
import { traceDetailed, type TraceDetail } from '../envoy/trace';
import type { Env, Proxy, TraceRequest, TraceResult } from '../envoy/types';
import type { MeshModel } from '../model/types';
import { findGateway, requestGateway } from './gateways';
import type { EnvoyNames, SimRequest, SimResult } from './types';

export type { EnvoyNames } from './types';

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
    // The scheme the person picked is what Envoy's `:scheme` holds (the trace would assume http in plaintext).
    headers: req.scheme ? { ...req.headers, ':scheme': req.scheme.toLowerCase() } : req.headers,
  };
}

/** The cluster names (each once, in route order) and their weights: one cluster carries all. */
export function weightedClustersOf(t: TraceResult): { name: string; weight: number }[] {
  if (t.cluster) return [{ name: t.cluster, weight: 1 }];
  const seen = new Map<string, number>();
  for (const w of t.weightedClusters ?? []) seen.set(w.name, (seen.get(w.name) ?? 0) + w.weight);
  return [...seen].map(([name, weight]) => ({ name, weight }));
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

/**
 * The assertion behind `disagreement`: the result's rule and destinations must be the ones Envoy's route names.
 * Undefined when they agree.
 */
export function disagreementOf(result: SimResult, names: EnvoyNames): string | undefined {
  if (names.rule !== undefined && result.rule && names.rule !== result.rule.id) {
    return `Envoy's tables take rule ${names.rule}; the simulator says ${result.rule.id}.`;
  }
  const sim = simulatorClusters(result);
  const envoy = names.clusters;
  // Envoy's passthrough and blackhole clusters stand for "no destination of the registry".
  if (sim.length === 0 && envoy.every((c) => BUILTIN.has(c))) return undefined;
  const same = sim.length === envoy.length && sim.every((c) => envoy.includes(c));
  if (same) return undefined;
  const envoySays = envoy.length ? envoy.join(', ') : (names.error ?? 'no cluster');
  return `Envoy's tables send this request to ${envoySays}; the simulator says ${sim.length ? sim.join(', ') : 'none'}.`;
}

/** Envoy's trace of a request, with the names the simulator shows and the tables it explains them by. */
export interface EnvoyAnswer {
  names: EnvoyNames;
  detail: TraceDetail;
}

/**
 * Traces the simulator's request through the config istiod would give its proxy (core/envoy). Undefined when
 * there is no proxy to trace (the gateway does not exist) or no port is known.
 */
export function envoyAnswer(
  model: MeshModel,
  req: SimRequest,
  port: number | undefined,
  env: Partial<Env> = {},
): EnvoyAnswer | undefined {
  const proxy = proxyOf(model, req);
  if (!proxy || port === undefined) return undefined;
  const detail = traceDetailed(model, proxy, traceRequest(req, port), env);
  const t = detail.result;
  const names: EnvoyNames = {
    proxy,
    listener: t.listener,
    routeConfig: t.routeConfig,
    virtualHost: t.virtualHost,
    route: t.route,
    rule: ruleOf(t),
    clusters: weightedClustersOf(t).map((w) => w.name),
    error: t.error,
    disagreement: undefined,
  };
  return { names, detail };
}

/**
 * The Envoy names of a simulated request: `result.envoy` (simulate traces the request itself); traced here only
 * for a result made without them.
 */
export function envoyNamesFor(
  model: MeshModel,
  req: SimRequest,
  result: SimResult,
  env: Partial<Env> = {},
): EnvoyNames | undefined {
  if (result.envoy) return result.envoy;
  const a = envoyAnswer(model, req, result.port ?? req.port, env);
  return a && { ...a.names, disagreement: disagreementOf(result, a.names) };
}
