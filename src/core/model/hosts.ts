/** The cluster's DNS suffix; Istio's default. */
export const DOMAIN_SUFFIX = 'cluster.local';

/**
 * Resolves a host as Istio does: a name without a dot is short for a Service in the manifest's namespace
 * (`reviews` in `default` is `reviews.default.svc.cluster.local`); names with a dot and wildcards are kept.
 */
export function resolveHost(host: string, namespace: string): string {
  const h = host.trim().toLowerCase();
  if (h === '' || h.startsWith('*') || h.includes('.')) return h;
  return `${h}.${namespace}.svc.${DOMAIN_SUFFIX}`;
}

/** The FQDN of a Kubernetes Service. */
export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.${DOMAIN_SUFFIX}`.toLowerCase();
}

/** True when `pattern` (possibly `*` or `*.suffix`) matches the concrete or wildcard host `host`. */
export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern === host) return true;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1); // ".example.com"
    if (host.startsWith('*.')) return host.slice(1).endsWith(suffix);
    return host.endsWith(suffix) && host.length > suffix.length;
  }
  return false;
}

/** True when two host patterns can match a common host. */
export function hostsOverlap(a: string, b: string): boolean {
  return hostMatches(a, b) || hostMatches(b, a);
}
