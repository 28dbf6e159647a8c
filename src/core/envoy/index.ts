// The config istiod would give one proxy (see README.md): routes (RDS), clusters (CDS), a request's trace,
// and the findings only this view can give.
export type * from './types';
export { DEFAULT_ENV, ISTIO_TEST_ENV, envOf, proxyFromJson, resolveConfigHost } from './env';
export { buildRoutes } from './routes';
export { buildClusters, sniOf } from './clusters';
export { trace, matchVirtualHost, routeMatches } from './trace';
export { requestFromJson, routesForJson, clustersForJson, traceForJson } from './json-api';
export { clusterName } from './translate';
export type { IgnoredVirtualService } from './sidecar-routes';
export {
  missingClusters,
  emptyClusters,
  ignoredVirtualServices,
  shadowedRoutes,
  type MissingCluster,
  type EmptyCluster,
  type ShadowedRoute,
  type RouteAt,
} from './findings';
