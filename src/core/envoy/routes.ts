import type { MeshModel } from '../model/types';
import { envOf } from './env';
import { buildGatewayRoutes } from './gateway-routes';
import { buildSidecarRoutes } from './sidecar-routes';
import type { Env, Proxy, RouteConfiguration } from './types';

/**
 * The route configurations (RDS) istiod would send this proxy, named as Envoy names them: a sidecar's
 * `"9080"` (and `<fqdn>:<port>` for a sniffed port on a VIP), a gateway's `http.80` and `https.443.…`.
 */
export function buildRoutes(model: MeshModel, proxy: Proxy, env: Partial<Env> = {}): RouteConfiguration[] {
  const e = envOf(env);
  return proxy.kind === 'gateway'
    ? buildGatewayRoutes(model, proxy, e)
    : buildSidecarRoutes(model, proxy, e).routes;
}
