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

/** Which keys of a fixed set of host patterns relate to a host; answers are cached per host. */
export interface HostIndex {
  /** Keys `k` with `hostMatches(k, host)`. */
  matching(host: string): readonly string[];
  /** Keys `k` with `hostsOverlap(k, host)`, each once. */
  overlapping(host: string): readonly string[];
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/**
 * Indexes host patterns so a lookup costs the host's length, not the number of keys. `hostMatches(p, h)` holds
 * only when `p` is `h`, `*`, or `*` + a dot suffix of `h` (`*.b.c` for `a.b.c`), so the patterns matching a
 * host are looked up by name; the keys a wildcard covers come from an index of key suffixes, built per suffix
 * length on first use.
 */
export function hostIndex(keys: Iterable<string>): HostIndex {
  const set = new Set(keys);
  // Lengths of the `.suffix` of `*.suffix` keys: only those suffixes of a host are worth slicing.
  const wildLengths = new Set<number>();
  for (const k of set) if (k.startsWith('*.')) wildLengths.add(k.length - 1);
  const bySuffix = new Map<number, Map<string, string[]>>();
  const suffixIndex = (len: number): Map<string, string[]> => {
    let m = bySuffix.get(len);
    if (!m) {
      m = new Map();
      for (const k of set) if (k.length - len >= 1 && k[k.length - len] === '.') push(m, k.slice(-len), k);
      bySuffix.set(len, m);
    }
    return m;
  };
  const matchingOf = (host: string): string[] => {
    const out = set.has(host) ? [host] : [];
    if (host !== '*' && set.has('*')) out.push('*');
    for (let i = host.indexOf('.', 1); i >= 1; i = host.indexOf('.', i + 1)) {
      if (!wildLengths.has(host.length - i)) continue;
      const p = `*${host.slice(i)}`;
      if (p !== host && set.has(p)) out.push(p);
    }
    return out;
  };
  const coveredBy = (host: string): readonly string[] => {
    if (host === '*') return [...set];
    if (host.startsWith('*.')) return suffixIndex(host.length - 1).get(host.slice(1)) ?? [];
    return set.has(host) ? [host] : [];
  };
  const matching = new Map<string, string[]>();
  const overlapping = new Map<string, string[]>();
  return {
    matching: (host) => {
      let out = matching.get(host);
      if (!out) matching.set(host, (out = matchingOf(host)));
      return out;
    },
    overlapping: (host) => {
      let out = overlapping.get(host);
      if (!out) overlapping.set(host, (out = [...new Set([...matchingOf(host), ...coveredBy(host)])]));
      return out;
    },
  };
}
