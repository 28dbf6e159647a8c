/**
 * Envoy's name for an outbound cluster, `outbound|9080|v1|reviews.default.svc.cluster.local`, as
 * core/envoy/translate.ts `clusterName` writes it (cluster-name.test.ts holds them equal). Restated here
 * because importing translate.ts would pull the route translator into the first screen with the checks.
 */
export function clusterName(port: number, subset: string, host: string): string {
  return `outbound|${port}|${subset}|${host}`;
}
