import { rec, str, num } from '../model/read';
import type { MeshModel } from '../model/types';
import { buildClusters } from './clusters';
import { proxyFromJson } from './env';
import { buildRoutes } from './routes';
import { trace } from './trace';
import type { EnvoyCluster, Env, RouteConfiguration, TraceRequest, TraceResult } from './types';

/**
 * A request as `corpus/istio-simulation` writes it (what the CLI's `--request '<json>'` takes). Unknown
 * fields are ignored; a wrong type reads as absent.
 */
export function requestFromJson(v: unknown): TraceRequest {
  const r = rec(v);
  const protocol = str(r.protocol);
  const tls = str(r.tls);
  const headers = rec(r.headers);
  return {
    host: str(r.host),
    port: num(r.port) ?? 80,
    path: str(r.path),
    protocol: protocol === 'http' || protocol === 'http2' || protocol === 'tcp' ? protocol : '',
    tls: tls === 'tls' || tls === 'mtls' ? tls : 'plaintext',
    sni: str(r.sni),
    alpn: str(r.alpn),
    address: str(r.address),
    callMode: str(r.callMode) === 'inbound' ? 'inbound' : '',
    method: str(r.method),
    headers: Object.fromEntries(
      Object.entries(headers).flatMap(([k, x]) => (str(x) ? [[k, str(x) ?? '']] : [])),
    ),
  };
}

/** `its proxy-config routes --proxy '<json>'`. */
export function routesForJson(
  model: MeshModel,
  proxy: unknown,
  env: Partial<Env> = {},
): RouteConfiguration[] {
  return buildRoutes(model, proxyFromJson(proxy), env);
}

/** `its proxy-config clusters --proxy '<json>'`. */
export function clustersForJson(model: MeshModel, proxy: unknown, env: Partial<Env> = {}): EnvoyCluster[] {
  return buildClusters(model, proxyFromJson(proxy), env);
}

/** `its trace --proxy '<json>' --request '<json>'`. */
export function traceForJson(
  model: MeshModel,
  proxy: unknown,
  request: unknown,
  env: Partial<Env> = {},
): TraceResult {
  return trace(model, proxyFromJson(proxy), requestFromJson(request), env);
}
