import { hostIndex } from '../model/hosts';
import { selectorMatches } from '../model/labels';
import type { DestinationRule, Gateway, MeshModel, Service, Workload } from '../model/types';
import { nodeId } from './ids';

/**
 * Lookup tables for resolving references, built once per model. Every list answer keeps model order, so code
 * that used to scan the model's arrays finds the same first match and emits the same order through the index.
 */
export interface MeshIndex {
  servicesByFqdn: Map<string, Service[]>;
  /** Exact-host rules, then wildcard ones matching `fqdn`; one shared, cached list per host. */
  drsFor(fqdn: string): readonly DestinationRule[];
  hasServiceEntry(fqdn: string): string | undefined;
  /** Workloads of namespace `ns` whose pod labels match `selector` (an empty selector matches none). */
  workloadsMatching(ns: string, selector: Record<string, string>): Workload[];
  workloadsIn(ns: string): readonly Workload[];
  /** Services of the workload's namespace whose (non-empty) selector matches its pod labels. */
  servicesSelecting(w: Workload): Service[];
  gateway(ns: string, name: string): Gateway | undefined;
}

const key = (ns: string, k: string, v: string) => `${ns}\u0000${k}\u0000${v}`;

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function byModelOrder<T>(items: Iterable<T>, order: Map<T, number>): T[] {
  return [...items].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** Builds the index in one pass per kind: label pairs for selection, exact hosts plus a wildcard list. */
export function indexModel(m: MeshModel): MeshIndex {
  const servicesByFqdn = new Map<string, Service[]>();
  for (const s of m.services) push(servicesByFqdn, s.fqdn, s);
  const drsByFqdn = new Map<string, DestinationRule[]>();
  const wildDrsByPattern = new Map<string, DestinationRule[]>();
  for (const dr of m.destinationRules) {
    push(dr.fqdn.startsWith('*') ? wildDrsByPattern : drsByFqdn, dr.fqdn, dr);
  }
  const wildDrPatterns = hostIndex(wildDrsByPattern.keys());
  const drOrder = new Map(m.destinationRules.map((dr, i) => [dr, i]));
  // Routes to one host ask for its rules thousands of times: the answer is worked out once.
  const drsCache = new Map<string, readonly DestinationRule[]>();
  // Workloads by namespace and by (namespace, label, value): a selector's candidates are its rarest pair.
  const workloadsByNs = new Map<string, Workload[]>();
  const workloadsByPair = new Map<string, Workload[]>();
  for (const w of m.workloads) {
    push(workloadsByNs, w.namespace, w);
    for (const [k, v] of Object.entries(w.podLabels)) push(workloadsByPair, key(w.namespace, k, v), w);
  }
  // Each Service sits in the bucket of its selector's first pair, so a workload finds it through its labels.
  const serviceOrder = new Map(m.services.map((s, i) => [s, i]));
  const servicesByFirstPair = new Map<string, Service[]>();
  for (const s of m.services) {
    const first = Object.entries(s.selector)[0];
    if (first) push(servicesByFirstPair, key(s.namespace, first[0], first[1]), s);
  }
  // The first ServiceEntry (model order) with each host pattern; a host's candidates are the patterns matching it.
  const seFirst = new Map<string, number>();
  m.serviceEntries.forEach((se, at) => {
    for (const h of se.fqdns) if (!seFirst.has(h)) seFirst.set(h, at);
  });
  const sePatterns = hostIndex(seFirst.keys());
  const gateways = new Map<string, Gateway>();
  for (const g of m.gateways) {
    const k = `${g.namespace}\u0000${g.name}`;
    if (!gateways.has(k)) gateways.set(k, g);
  }
  return {
    servicesByFqdn,
    drsFor: (fqdn) => {
      let drs = drsCache.get(fqdn);
      if (!drs) {
        const wild = wildDrPatterns.matching(fqdn).flatMap((p) => wildDrsByPattern.get(p) ?? []);
        drs = [...(drsByFqdn.get(fqdn) ?? []), ...byModelOrder(wild, drOrder)];
        drsCache.set(fqdn, drs);
      }
      return drs;
    },
    hasServiceEntry: (fqdn) => {
      let best = Infinity;
      for (const p of sePatterns.matching(fqdn)) best = Math.min(best, seFirst.get(p) ?? Infinity);
      const se = m.serviceEntries[best];
      return se && nodeId.serviceentry(se.namespace, se.name);
    },
    workloadsMatching: (ns, selector) => {
      let candidates: Workload[] | undefined;
      for (const [k, v] of Object.entries(selector)) {
        const bucket = workloadsByPair.get(key(ns, k, v)) ?? [];
        if (!candidates || bucket.length < candidates.length) candidates = bucket;
      }
      return candidates ? candidates.filter((w) => selectorMatches(selector, w.podLabels)) : [];
    },
    workloadsIn: (ns) => workloadsByNs.get(ns) ?? [],
    servicesSelecting: (w) => {
      const found: Service[] = [];
      for (const [k, v] of Object.entries(w.podLabels)) {
        for (const s of servicesByFirstPair.get(key(w.namespace, k, v)) ?? []) {
          if (selectorMatches(s.selector, w.podLabels)) found.push(s);
        }
      }
      return found.length > 1 ? byModelOrder(found, serviceOrder) : found;
    },
    gateway: (ns, name) => gateways.get(`${ns}\u0000${name}`),
  };
}

export { byModelOrder };
